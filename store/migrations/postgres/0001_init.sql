-- Sessions, their feedback, the last choices and the sore spots.
-- Moments are Unix milliseconds; booleans are 0 or 1.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    created_at  BIGINT NOT NULL,
    title       TEXT NOT NULL,
    request     TEXT NOT NULL,
    plan        TEXT NOT NULL,
    script      TEXT NOT NULL,
    total       DOUBLE PRECISION NOT NULL,
    offset_s    DOUBLE PRECISION NOT NULL DEFAULT 0,
    move        INTEGER NOT NULL DEFAULT 0,
    running     INTEGER NOT NULL DEFAULT 0,
    progress_at BIGINT NOT NULL,
    rating      INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    note        TEXT NOT NULL DEFAULT '',
    finished_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_created ON sessions (created_at);

CREATE TABLE feedback (
    id          BIGSERIAL PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lighter', 'good', 'firmer', 'sore')),
    offset_s    DOUBLE PRECISION NOT NULL,
    move        INTEGER NOT NULL,
    technique   TEXT NOT NULL,
    area        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    UNIQUE (session_id, key)
);

CREATE TABLE choices (
    profile    TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE sore_spots (
    area      TEXT PRIMARY KEY,
    technique TEXT NOT NULL,
    count     INTEGER NOT NULL,
    last_at   BIGINT NOT NULL
);
