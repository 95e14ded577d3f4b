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
-- A session's place is written after every move: keep its row narrow, so
-- that each write copies (and logs) a few hundred bytes, not the plan and
-- script beside it. Those move out of the row, compressed, when written
-- next; a little room is left on each page for the new copies.
ALTER TABLE sessions SET (toast_tuple_target = 128, fillfactor = 80);
