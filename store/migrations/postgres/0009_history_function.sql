-- A person's history (see pastQuery in store/history.go) as a function, so
-- that its plan holds however stale the table statistics are. Without
-- statistics (a database that grew since autovacuum last looked, as every
-- busy new one does) the planner took a person's sessions for a handful,
-- read ALL of them with a bitmap scan and sorted them, and read the whole
-- feedback table into a hash: work that grew with every session ever kept.
-- Here the sessions are read newest first along their index and stop at
-- the limit, and each one's presses are fetched by its index: the same
-- few hundred index entries whether the person has 10 or 100,000 sessions.
-- plpgsql keeps the plan between calls.
CREATE FUNCTION knead_past(who TEXT, most INTEGER)
RETURNS TABLE (name TEXT, id TEXT, created_at BIGINT, title TEXT, rating INTEGER, note TEXT, finished_at BIGINT,
	key TEXT, kind TEXT, offset_s DOUBLE PRECISION, move INTEGER, technique TEXT, area TEXT, at BIGINT, aside INTEGER)
LANGUAGE plpgsql STABLE
SET enable_bitmapscan = off
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY SELECT p.name, x.id, x.created_at, x.title, x.rating, x.note, x.finished_at,
		f.key, f.kind, f.offset_s, f.move, f.technique, f.area, f.at,
		-- a press set aside by a mark; whether the person has any mark at
		-- all is looked up once, not for each press
		CASE WHEN f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks WHERE person = who)
			AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = who AND m.at >= f.at
			AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
			  OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))) THEN 1 ELSE 0 END
	FROM people p
	LEFT JOIN LATERAL (SELECT s.id, s.created_at, s.title, s.rating, s.note, s.finished_at FROM sessions s
		WHERE s.person = p.id ORDER BY s.created_at DESC, s.id DESC LIMIT most) x ON true
	-- OFFSET 0 keeps this a lookup per session instead of a join the
	-- planner may turn into a scan of every press
	LEFT JOIN LATERAL (SELECT f.id, f.key, f.kind, f.offset_s, f.move, f.technique, f.area, f.at FROM feedback f
		WHERE f.session_id = x.id AND f.voided_at = 0 OFFSET 0) f ON true
	WHERE p.id = who
	ORDER BY x.created_at, x.id, f.id;
END $$;
