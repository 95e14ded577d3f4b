-- What the planner reads of each session (see History in store/people.go),
-- kept as it is written: the person, the moment, and the presses that
-- count, one JSON array [kind, technique, area] a line, in the order they
-- came. A press taken back (voided) is not there, nor one set aside by a
-- mark made at or after it (a sore spot forgotten, a technique restored).
-- The history read then reads this narrow table along its index, newest
-- first, instead of joining each session to its presses. Triggers keep
-- it, in the transaction of the write that changes it, so nothing can
-- write a session or a press without it, whichever server writes.
CREATE TABLE session_signals (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    person     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    presses    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_signals_by_person ON session_signals (person, created_at, session_id);

-- The presses of session sid of person who that count, as kept above.
CREATE FUNCTION knead_presses(sid TEXT, who TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
	SELECT COALESCE(string_agg(json_build_array(f.kind, f.technique, f.area)::text || E'\n', '' ORDER BY f.id), '')
	FROM feedback f
	WHERE f.session_id = sid AND f.voided_at = 0
	  AND NOT (f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = who AND m.at >= f.at
	    AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
	      OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))))
$$;

-- The presses of every session kept so far.
INSERT INTO session_signals (session_id, person, created_at, presses)
    SELECT s.id, s.person, s.created_at, knead_presses(s.id, s.person) FROM sessions s;

-- A new session starts with no presses.
CREATE FUNCTION knead_signals_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO session_signals (session_id, person, created_at) VALUES (NEW.id, NEW.person, NEW.created_at);
	RETURN NULL;
END $$;
CREATE TRIGGER session_signals_session AFTER INSERT ON sessions
    FOR EACH ROW EXECUTE FUNCTION knead_signals_session();

-- A press is added at the end, unless a mark sets it aside. Servers write
-- side by side here: a press takes the person's row in share mode, and a
-- mark takes it alone (below), so each waits for the other to commit and
-- then reads what it wrote, in a statement of its own.
CREATE FUNCTION knead_signals_press() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	who TEXT;
BEGIN
	IF NEW.voided_at <> 0 THEN
		RETURN NULL;
	END IF;
	IF NEW.kind IN ('sore', 'down') THEN
		SELECT person INTO who FROM session_signals WHERE session_id = NEW.session_id;
		PERFORM 1 FROM people WHERE id = who FOR SHARE;
	END IF;
	UPDATE session_signals s SET presses = s.presses || json_build_array(NEW.kind, NEW.technique, NEW.area)::text || E'\n'
	WHERE s.session_id = NEW.session_id
	  AND NOT (NEW.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = s.person AND m.at >= NEW.at
	    AND ((NEW.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = NEW.area)
	      OR (NEW.kind = 'down' AND m.kind = 'restore' AND m.subject = NEW.technique))));
	RETURN NULL;
END $$;
CREATE TRIGGER session_signals_press AFTER INSERT ON feedback
    FOR EACH ROW EXECUTE FUNCTION knead_signals_press();

-- A press taken back: its session's presses are read again, once any
-- press being added to it is committed.
CREATE FUNCTION knead_signals_void() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM session_signals WHERE session_id = NEW.session_id FOR UPDATE;
	UPDATE session_signals s SET presses = knead_presses(s.session_id, s.person) WHERE s.session_id = NEW.session_id;
	RETURN NULL;
END $$;
CREATE TRIGGER session_signals_void AFTER UPDATE OF voided_at ON feedback
    FOR EACH ROW WHEN (OLD.voided_at IS DISTINCT FROM NEW.voided_at) EXECUTE FUNCTION knead_signals_void();

-- A mark made (or made again, later): the person's sessions with a press
-- it sets aside are read again, once any sore or thumbs-down press being
-- added for the person is committed.
CREATE FUNCTION knead_signals_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM people WHERE id = NEW.person FOR UPDATE;
	UPDATE session_signals s SET presses = knead_presses(s.session_id, s.person)
	WHERE s.person = NEW.person AND EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = s.session_id
	    AND ((NEW.kind = 'forget-sore' AND f.kind = 'sore' AND f.area = NEW.subject)
	      OR (NEW.kind = 'restore' AND f.kind = 'down' AND f.technique = NEW.subject)));
	RETURN NULL;
END $$;
CREATE TRIGGER session_signals_mark AFTER INSERT OR UPDATE ON person_marks
    FOR EACH ROW EXECUTE FUNCTION knead_signals_mark();

-- A person's history as the planner reads it (historyQuery in
-- store/history.go): a row with their name and no moment, then their
-- latest sessions' presses, newest first, along the index however stale
-- the statistics are (see knead_past in 0009).
CREATE FUNCTION knead_history(who TEXT, most INTEGER)
RETURNS TABLE (created_at BIGINT, id TEXT, presses TEXT)
LANGUAGE plpgsql STABLE
SET enable_bitmapscan = off
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY SELECT NULL::BIGINT, p.name, NULL::TEXT FROM people p WHERE p.id = who;
	RETURN QUERY SELECT s.created_at, s.session_id, s.presses FROM session_signals s
		WHERE s.person = who ORDER BY s.created_at DESC, s.session_id DESC LIMIT most;
END $$;
