-- PostgreSQL's history query became a function in this version; SQLite's
-- planner already reads a person's sessions along their index, so nothing
-- changes here.
SELECT 1;
