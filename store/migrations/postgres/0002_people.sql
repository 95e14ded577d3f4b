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

-- Thumbs up and down join the feedback kinds.
ALTER TABLE feedback DROP CONSTRAINT IF EXISTS feedback_kind_check;
ALTER TABLE feedback ADD CONSTRAINT feedback_kind_check
    CHECK (kind IN ('lighter', 'good', 'firmer', 'sore', 'up', 'down'));

-- Sore spots belong to a person.
ALTER TABLE sore_spots ADD COLUMN person TEXT NOT NULL DEFAULT 'me';
ALTER TABLE sore_spots DROP CONSTRAINT sore_spots_pkey;
ALTER TABLE sore_spots ADD PRIMARY KEY (person, area);

-- What a person set by hand: a sore spot forgotten, a technique restored
-- after two thumbs-down. Presses before the mark no longer count.
CREATE TABLE person_marks (
    person  TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('forget-sore', 'restore')),
    subject TEXT NOT NULL,
    at      BIGINT NOT NULL,
    PRIMARY KEY (person, kind, subject)
);
