-- What the planner reads of each session (see History in store/people.go),
-- kept as it is written: the person, the moment, and the presses that
-- count, one JSON array [kind, technique, area] a line, in the order they
-- came. A press taken back (voided) is not there, nor one set aside by a
-- mark made at or after it (a sore spot forgotten, a technique restored).
-- The history read then reads this narrow table along its key, newest
-- first, instead of joining each session's wide row (its plan and script
-- lie before rating and note, across overflow pages) to its presses.
-- Triggers keep it, in the transaction of the write that changes it, so
-- nothing can write a session or a press without it.
CREATE TABLE session_signals (
    person     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    session_id TEXT NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE,
    presses    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person, created_at, session_id)
) WITHOUT ROWID;

-- The presses of every session kept so far.
INSERT INTO session_signals (person, created_at, session_id, presses)
    SELECT s.person, s.created_at, s.id, COALESCE((
        SELECT group_concat(json_array(f.kind, f.technique, f.area) || char(10), '' ORDER BY f.id) FROM feedback f
        WHERE f.session_id = s.id AND f.voided_at = 0
          AND NOT (f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = s.person AND m.at >= f.at
            AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
              OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))))), '')
    FROM sessions s;

-- A new session starts with no presses.
CREATE TRIGGER session_signals_session AFTER INSERT ON sessions BEGIN
    INSERT INTO session_signals (person, created_at, session_id) VALUES (NEW.person, NEW.created_at, NEW.id);
END;

-- A press is added at the end, unless a mark already sets it aside.
CREATE TRIGGER session_signals_press AFTER INSERT ON feedback WHEN NEW.voided_at = 0 BEGIN
    UPDATE session_signals SET presses = presses || json_array(NEW.kind, NEW.technique, NEW.area) || char(10)
    WHERE session_id = NEW.session_id
      AND NOT (NEW.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = session_signals.person AND m.at >= NEW.at
        AND ((NEW.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = NEW.area)
          OR (NEW.kind = 'down' AND m.kind = 'restore' AND m.subject = NEW.technique))));
END;

-- A press taken back: its session's presses are read again.
CREATE TRIGGER session_signals_void AFTER UPDATE OF voided_at ON feedback BEGIN
    UPDATE session_signals SET presses = COALESCE((
        SELECT group_concat(json_array(f.kind, f.technique, f.area) || char(10), '' ORDER BY f.id) FROM feedback f
        WHERE f.session_id = session_signals.session_id AND f.voided_at = 0
          AND NOT (f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = session_signals.person AND m.at >= f.at
            AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
              OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))))), '')
    WHERE session_id = NEW.session_id;
END;

-- A mark made (or made again, later): the person's sessions with a press
-- it sets aside are read again.
CREATE TRIGGER session_signals_mark AFTER INSERT ON person_marks BEGIN
    UPDATE session_signals SET presses = COALESCE((
        SELECT group_concat(json_array(f.kind, f.technique, f.area) || char(10), '' ORDER BY f.id) FROM feedback f
        WHERE f.session_id = session_signals.session_id AND f.voided_at = 0
          AND NOT (f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = session_signals.person AND m.at >= f.at
            AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
              OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))))), '')
    WHERE person = NEW.person AND EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = session_signals.session_id
        AND ((NEW.kind = 'forget-sore' AND f.kind = 'sore' AND f.area = NEW.subject)
          OR (NEW.kind = 'restore' AND f.kind = 'down' AND f.technique = NEW.subject)));
END;
CREATE TRIGGER session_signals_mark_again AFTER UPDATE ON person_marks BEGIN
    UPDATE session_signals SET presses = COALESCE((
        SELECT group_concat(json_array(f.kind, f.technique, f.area) || char(10), '' ORDER BY f.id) FROM feedback f
        WHERE f.session_id = session_signals.session_id AND f.voided_at = 0
          AND NOT (f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = session_signals.person AND m.at >= f.at
            AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
              OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))))), '')
    WHERE person = NEW.person AND EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = session_signals.session_id
        AND ((NEW.kind = 'forget-sore' AND f.kind = 'sore' AND f.area = NEW.subject)
          OR (NEW.kind = 'restore' AND f.kind = 'down' AND f.technique = NEW.subject)));
END;
