-- A person's own routines, imported or uploaded in the web app: the
-- routine file as Knead writes it (the text that is checked and played),
-- with its name and length kept beside it for the list.
CREATE TABLE routines (
    id         TEXT PRIMARY KEY,
    person     TEXT NOT NULL,
    name       TEXT NOT NULL,
    seconds    DOUBLE PRECISION NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX routines_person ON routines (person, updated_at);
