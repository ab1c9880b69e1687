-- Which instance holds (or last held) an event's claim: when the cluster finds that instance dead, its claims are taken over at once.
ALTER TABLE inbox_events ADD COLUMN claimed_by TEXT;
