-- A session made from a request that carries an idempotency key keeps the
-- key, so the same request sent again gives the same session. The time the
-- clock actually ran and the moves skipped (and not played through since)
-- make the summary honest. A feedback press taken back is voided, not
-- deleted, so that its key is never accepted again.
ALTER TABLE sessions ADD COLUMN create_key TEXT;
CREATE UNIQUE INDEX sessions_by_create_key ON sessions (create_key);
ALTER TABLE sessions ADD COLUMN played_s DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN skipped TEXT NOT NULL DEFAULT '[]';
ALTER TABLE feedback ADD COLUMN voided_at BIGINT NOT NULL DEFAULT 0;
