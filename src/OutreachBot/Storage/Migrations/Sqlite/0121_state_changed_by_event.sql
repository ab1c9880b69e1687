-- The webhook timestamp of the event that last changed whether a citizen follows, and of their last 配信停止, so that
-- a late or redelivered older event (a message, a follow, a subscribe) does not undo a newer change.
ALTER TABLE citizens ADD COLUMN following_changed_at BIGINT;
ALTER TABLE citizens ADD COLUMN subscriptions_stopped_at BIGINT;
