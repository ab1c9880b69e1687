-- Surveys (アンケート): staff's questions as JSON (kind, texts per language, options per language), answered in the chat.
-- survey_responses is one row per citizen and survey, the "one response per citizen": for an anonymous survey it is all
-- that names the citizen once they have finished. respondent is whose answers are being given: the LINE user id, or for
-- an anonymous survey a random key while the citizen answers (so they can stop and resume), set to NULL when the last
-- question is answered, after which nothing links the citizen to the answers. at_question is the question last shown,
-- where 回答する goes on. awaiting_question is the free-text
-- question the citizen's next typed text answers; text_event and text_question are the webhook event that last gave a
-- typed answer and its question, so handling that event again repeats the answer instead of answering the next question.
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    questions TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    closes_at BIGINT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE survey_responses (
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    user_id TEXT NOT NULL,
    respondent TEXT,
    at_question INTEGER NOT NULL DEFAULT 0,
    awaiting_question INTEGER,
    text_event TEXT,
    text_question INTEGER,
    started_at BIGINT NOT NULL,
    completed_at BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX ix_survey_responses_user ON survey_responses (user_id, updated_at);

-- One row per chosen option (choice: the option's index, or the scale's 1-5; 0 for a typed text). language and topics
-- (the respondent's topic ids when answering, comma-separated) feed the results' breakdowns, which hide small cells.
CREATE TABLE survey_answers (
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    respondent TEXT NOT NULL,
    question INTEGER NOT NULL,
    choice INTEGER NOT NULL,
    text TEXT,
    language TEXT NOT NULL,
    topics TEXT NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (survey_id, respondent, question, choice)
);
