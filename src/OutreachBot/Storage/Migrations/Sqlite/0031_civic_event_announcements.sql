-- The announcement broadcast staff created from an event in the console, so that the event links to it and a second
-- click does not make a second one.
CREATE TABLE civic_event_announcements (
    event_id INTEGER PRIMARY KEY REFERENCES civic_events (id),
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id)
);
