-- An application a citizen is answering in the chat: which event, the step waiting for an answer, and the answers so
-- far (nothing here takes a seat; confirming the summary does). One per citizen; it expires with the conversation.
CREATE TABLE application_drafts (
    user_id TEXT PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES civic_events (id),
    step INTEGER NOT NULL,
    party_size INTEGER NOT NULL,
    answers TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
