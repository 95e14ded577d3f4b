-- "It hurts" joins the feedback kinds: the player stopped the move there,
-- and the person's next plans go lighter on that area and leave the
-- technique out of it.
ALTER TABLE feedback DROP CONSTRAINT IF EXISTS feedback_kind_check;
ALTER TABLE feedback ADD CONSTRAINT feedback_kind_check
    CHECK (kind IN ('lighter', 'good', 'firmer', 'sore', 'up', 'down', 'hurt'));
