-- Applications residents make on the event's web page with an e-mail address. A request takes no seat: it waits here
-- until the link in its confirmation mail is followed (double opt-in), and confirming applies as a LINE tap does (request
-- key web:<id>), so seats go in the order of confirmations; number is then the application's. The address, name and
-- answers are personal data: erased with the applications' after the event (retention), and a request never confirmed
-- is deleted once its link has expired.
CREATE TABLE event_web_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES civic_events (id),
    address TEXT,
    language TEXT NOT NULL,
    party_size INTEGER NOT NULL,
    name TEXT,
    answers TEXT,
    requested_at BIGINT NOT NULL,
    number BIGINT
);
CREATE INDEX ix_event_web_requests_address ON event_web_requests (address, requested_at);
