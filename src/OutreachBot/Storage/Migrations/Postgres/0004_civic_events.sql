-- The events calendar staff keep (titles per language) and citizens' "remind me" requests, which the broadcasts
-- feature turns into a reminder. Instants are UTC unix milliseconds.
CREATE TABLE civic_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id BIGINT REFERENCES topics (id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT,
    venue TEXT NOT NULL,
    url TEXT,
    image_url TEXT,
    cancelled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ix_civic_events_starts ON civic_events (starts_at);

CREATE TABLE civic_event_texts (
    event_id BIGINT NOT NULL REFERENCES civic_events (id),
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (event_id, language)
);

-- One open request per citizen and event; cancelling keeps the row, asking again opens a new one.
CREATE TABLE event_reminders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES civic_events (id),
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    requested_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    sent_at BIGINT
);
CREATE UNIQUE INDEX ux_event_reminders_open ON event_reminders (event_id, user_id) WHERE cancelled_at IS NULL;
CREATE INDEX ix_event_reminders_user ON event_reminders (user_id, cancelled_at);
