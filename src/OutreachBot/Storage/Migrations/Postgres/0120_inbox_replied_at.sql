-- When an event's reply went out: a retried event must not send the same answer again by push.
ALTER TABLE inbox_events ADD COLUMN replied_at BIGINT;
