-- "It hurts" joins the feedback kinds: the player stopped the move there,
-- and the person's next plans go lighter on that area and leave the
-- technique out of it (SQLite rebuilds the table to change its CHECK).
CREATE TABLE feedback_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lighter', 'good', 'firmer', 'sore', 'up', 'down', 'hurt')),
    offset_s    DOUBLE PRECISION NOT NULL,
    move        INTEGER NOT NULL,
    technique   TEXT NOT NULL,
    area        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    voided_at   BIGINT NOT NULL DEFAULT 0,
    UNIQUE (session_id, key)
);
INSERT INTO feedback_new (id, session_id, key, kind, offset_s, move, technique, area, at, voided_at)
    SELECT id, session_id, key, kind, offset_s, move, technique, area, at, voided_at FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_new RENAME TO feedback;
