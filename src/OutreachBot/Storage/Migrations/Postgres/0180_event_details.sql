-- What an event holds beyond its title and Japanese venue: the practical details, the application settings and the
-- seat counter the applications take from (seats_taken never exceeds capacity; application_seq orders every
-- application of the event as it was confirmed). Per-language descriptions and venues sit beside the titles.
ALTER TABLE civic_events ADD COLUMN address TEXT;
ALTER TABLE civic_events ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE civic_events ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE civic_events ADD COLUMN organizer TEXT;
ALTER TABLE civic_events ADD COLUMN fee TEXT;
ALTER TABLE civic_events ADD COLUMN bring TEXT;
ALTER TABLE civic_events ADD COLUMN accessibility TEXT;
ALTER TABLE civic_events ADD COLUMN capacity INTEGER;
ALTER TABLE civic_events ADD COLUMN max_party_size INTEGER NOT NULL DEFAULT 1;
ALTER TABLE civic_events ADD COLUMN applications_open BIGINT;
ALTER TABLE civic_events ADD COLUMN applications_close BIGINT;
ALTER TABLE civic_events ADD COLUMN questions TEXT;
ALTER TABLE civic_events ADD COLUMN seats_taken INTEGER NOT NULL DEFAULT 0;
ALTER TABLE civic_events ADD COLUMN application_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE civic_event_languages (
    event_id BIGINT NOT NULL REFERENCES civic_events (id),
    language TEXT NOT NULL,
    description TEXT,
    venue TEXT,
    PRIMARY KEY (event_id, language)
);
