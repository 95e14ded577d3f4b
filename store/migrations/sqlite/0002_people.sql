-- People: every session is for someone, "me" unless named. A person's
-- sessions, feedback, sore spots, choices and marks go when they are deleted.
CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
INSERT INTO people (id, name, created_at) VALUES ('me', 'Me', 0);

ALTER TABLE sessions ADD COLUMN person TEXT NOT NULL DEFAULT 'me';
CREATE INDEX sessions_by_person ON sessions (person, created_at);

-- Thumbs up and down join the feedback kinds (SQLite rebuilds the table
-- to change its CHECK).
CREATE TABLE feedback_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lighter', 'good', 'firmer', 'sore', 'up', 'down')),
    offset_s    DOUBLE PRECISION NOT NULL,
    move        INTEGER NOT NULL,
    technique   TEXT NOT NULL,
    area        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    UNIQUE (session_id, key)
);
INSERT INTO feedback_new (id, session_id, key, kind, offset_s, move, technique, area, at)
    SELECT id, session_id, key, kind, offset_s, move, technique, area, at FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_new RENAME TO feedback;

-- Sore spots belong to a person.
CREATE TABLE sore_spots_new (
    person    TEXT NOT NULL DEFAULT 'me',
    area      TEXT NOT NULL,
    technique TEXT NOT NULL,
    count     INTEGER NOT NULL,
    last_at   BIGINT NOT NULL,
    PRIMARY KEY (person, area)
);
INSERT INTO sore_spots_new (person, area, technique, count, last_at)
    SELECT 'me', area, technique, count, last_at FROM sore_spots;
DROP TABLE sore_spots;
ALTER TABLE sore_spots_new RENAME TO sore_spots;

-- What a person set by hand: a sore spot forgotten, a technique restored
-- after two thumbs-down. Presses before the mark no longer count.
CREATE TABLE person_marks (
    person  TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('forget-sore', 'restore')),
    subject TEXT NOT NULL,
    at      BIGINT NOT NULL,
    PRIMARY KEY (person, kind, subject)
);
