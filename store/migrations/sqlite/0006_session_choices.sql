-- A new session keeps the choices that made it in its own row, so that
-- starting a session writes one row and no longer waits for the one row
-- of last choices that every other start updates too. The last choices
-- are the newer of that row (SaveChoices) and the newest session's.
ALTER TABLE sessions ADD COLUMN choices TEXT;
ALTER TABLE sessions ADD COLUMN choices_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX sessions_by_choices ON sessions (choices_at) WHERE choices IS NOT NULL;
-- A person's latest sessions, in the order History reads them.
DROP INDEX sessions_by_person;
CREATE INDEX sessions_by_person ON sessions (person, created_at, id);
-- (PostgreSQL also keeps the plan and script out of the session's row
-- here; SQLite has no such setting, and its one writer is in-process.)
