-- Paired devices: a phone or browser allowed in when knead serve listens
-- beyond this machine. Only a SHA-256 hash of each device's token is kept.
CREATE TABLE devices (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL
);
