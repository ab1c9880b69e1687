-- Disaster message templates staff keep translated: a name for staff, and per language code a title and a body as JSON
-- ({"ja": {"title": "…", "body": "…"}}). One starts an urgent broadcast only once every language has both, so that no
-- foreign resident gets the Japanese by default in an emergency. Instants are UTC unix milliseconds.
CREATE TABLE disaster_templates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    texts TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
