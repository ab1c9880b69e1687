-- The processor claims pending events in arrival (id) order. With an index on (state, next_attempt_at) the planner
-- read every pending event and sorted them, under the write lock, so a backlog made each claim slower and held up
-- the webhook's commits. A partial index in id order stops at the first few that are due.
DROP INDEX ix_inbox_events_ready;
CREATE INDEX ix_inbox_events_pending ON inbox_events (id) WHERE state = 'pending';
-- What the dropped index also served: the parked events staff look at.
CREATE INDEX ix_inbox_events_parked ON inbox_events (id) WHERE state = 'parked';
