-- Citizens' questions to staff (相談) and the FAQ keywords staff keep per language. Instants are UTC unix milliseconds.
CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    -- The webhook event that carried the question: handling it twice stores it once.
    webhook_event_id TEXT NOT NULL UNIQUE,
    received_at BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
    answer TEXT,
    answered_at BIGINT
);
CREATE INDEX ix_consultations_status ON consultations (status, received_at);

CREATE TABLE faq_entries (
    id INTEGER PRIMARY KEY,
    language TEXT NOT NULL,
    answer TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Keywords are stored normalized (NFKC, lower case), as citizens' texts are compared.
CREATE TABLE faq_keywords (
    faq_id INTEGER NOT NULL REFERENCES faq_entries (id),
    keyword TEXT NOT NULL,
    PRIMARY KEY (faq_id, keyword)
);
