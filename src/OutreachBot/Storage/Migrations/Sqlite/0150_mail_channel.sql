-- The channels a broadcast goes out on ('line', 'mail', 'web', comma-separated) and its mail subject per language
-- (JSON {lang: subject}; absent means the title).
ALTER TABLE broadcasts ADD COLUMN channels TEXT NOT NULL DEFAULT 'line';
ALTER TABLE broadcasts ADD COLUMN mail_subjects TEXT;

-- Residents who subscribe by e-mail. Double opt-in: 'pending' until the confirmation link is opened. Leaving erases the
-- address (address and address_key become NULL) and keeps the row, so that the counts per day stay true.
-- 'suppressed': three permanent failures in a row; no more mails until the resident subscribes again.
CREATE TABLE mail_subscribers (
    id INTEGER PRIMARY KEY,
    address TEXT,
    address_key TEXT UNIQUE,
    language TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'suppressed')),
    source TEXT NOT NULL CHECK (source IN ('form', 'import')),
    token_version INTEGER NOT NULL DEFAULT 1,
    confirmation_sent_at BIGINT,
    opted_in_at BIGINT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_failure TEXT,
    last_failure_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ix_mail_subscribers_status ON mail_subscribers (status, created_at);

-- Which topics a subscriber follows, with history like LINE's subscriptions: a topic's count on a past day only
-- includes periods open that day, and only confirmed subscribers have periods.
CREATE TABLE mail_subscriptions (
    id INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers (id),
    topic_id INTEGER NOT NULL REFERENCES topics (id),
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE UNIQUE INDEX ux_mail_subscriptions_open ON mail_subscriptions (subscriber_id, topic_id) WHERE ended_at IS NULL;
CREATE INDEX ix_mail_subscriptions_topic ON mail_subscriptions (topic_id, ended_at, subscriber_id);

-- The topics a pending subscriber chose, until the confirmation link turns them into subscriptions.
CREATE TABLE mail_pending_topics (
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers (id),
    topic_id INTEGER NOT NULL REFERENCES topics (id),
    PRIMARY KEY (subscriber_id, topic_id)
);
