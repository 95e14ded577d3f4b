-- Safety-screen answers, one row per person: their age group and yeses as
-- JSON, and when they were given; the screen asks again when they are old.
CREATE TABLE screens (
    person      TEXT PRIMARY KEY,
    answers     TEXT NOT NULL,
    answered_at BIGINT NOT NULL
);
