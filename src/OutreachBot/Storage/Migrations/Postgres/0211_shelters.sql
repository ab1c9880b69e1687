-- The evacuation shelters staff keep for disaster mode: names per language as JSON ({"ja": "…"}, Japanese required),
-- where they are, their kind (designated-shelter 指定避難所, emergency-site 指定緊急避難場所, welfare-shelter 福祉避難所)
-- and whether staff have opened them. Instants are UTC unix milliseconds.
CREATE TABLE shelters (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    names TEXT NOT NULL,
    address TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    capacity INTEGER,
    is_open BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
