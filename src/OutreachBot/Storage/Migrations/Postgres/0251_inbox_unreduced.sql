-- The retention sweep finds handled webhook events whose raw payload it has not reduced yet, oldest first.
CREATE INDEX ix_inbox_events_unreduced ON inbox_events (received_at) WHERE payload <> '{}';
