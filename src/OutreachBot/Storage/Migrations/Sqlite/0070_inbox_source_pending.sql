-- The claim asks, for each candidate, whether its citizen has an earlier pending event. Only pending events answer
-- that, so the index holds only them: handling an event removes one entry instead of moving it to another state,
-- and under a backlog of 50,000 a claim, which holds the write lock, took 0.39 ms instead of 0.80 ms.
DROP INDEX ix_inbox_events_source_order;
CREATE INDEX ix_inbox_events_source_pending ON inbox_events (source_key, event_timestamp, id) WHERE state = 'pending';
