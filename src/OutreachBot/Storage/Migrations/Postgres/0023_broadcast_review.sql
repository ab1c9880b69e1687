-- An approver may send a broadcast back to its author with a comment, shown on the draft until it is submitted again.
ALTER TABLE broadcasts ADD COLUMN review_comment TEXT;
ALTER TABLE broadcasts ADD COLUMN reviewed_by TEXT;
ALTER TABLE broadcasts ADD COLUMN reviewed_at BIGINT;
-- A staff member's own LINE user id, where the console's "test send to myself" goes.
ALTER TABLE staff_accounts ADD COLUMN line_user_id TEXT;
