-- Citizens who talk with the account, the topics they can follow, and the history of who followed what when,
-- so that staff can count subscribers per topic on any past day. Instants are UTC unix milliseconds.
CREATE TABLE citizens (
    user_id TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    language_chosen BOOLEAN NOT NULL DEFAULT FALSE,
    display_name TEXT,
    district TEXT,
    following BOOLEAN NOT NULL,
    first_followed_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- While a citizen follows (and has not blocked) the account; a topic's count only includes citizens inside a period.
CREATE TABLE follow_periods (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE UNIQUE INDEX ux_follow_periods_open ON follow_periods (user_id) WHERE ended_at IS NULL;

CREATE TABLE topics (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    parent_id BIGINT REFERENCES topics (id),
    sort_order INTEGER NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE topic_texts (
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (topic_id, language)
);

CREATE TABLE subscriptions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    topic_id BIGINT NOT NULL REFERENCES topics (id),
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE UNIQUE INDEX ux_subscriptions_open ON subscriptions (user_id, topic_id) WHERE ended_at IS NULL;
CREATE INDEX ix_subscriptions_topic ON subscriptions (topic_id, ended_at, user_id);
