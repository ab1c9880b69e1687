-- What the bot waits for from a citizen, for a short while: e.g. after "ask staff", the next text is the question.
CREATE TABLE conversation_states (
    user_id TEXT PRIMARY KEY REFERENCES citizens (user_id),
    awaiting TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
