-- How many times an event was changed: calendars (iCalendar SEQUENCE) replace an event only when this rises. Counted by
-- the database on every save (a save sets updated_at), whichever code writes the event.
ALTER TABLE civic_events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER civic_events_revision AFTER UPDATE OF updated_at ON civic_events
WHEN NEW.updated_at <> OLD.updated_at AND NEW.revision = OLD.revision
BEGIN
    UPDATE civic_events SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;
