-- How many times an event was changed: calendars (iCalendar SEQUENCE) replace an event only when this rises. Counted by
-- the database on every save (a save sets updated_at), whichever code writes the event.
ALTER TABLE civic_events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION civic_events_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at <> OLD.updated_at THEN
        NEW.revision := OLD.revision + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER civic_events_revision BEFORE UPDATE ON civic_events
FOR EACH ROW EXECUTE FUNCTION civic_events_revision();
