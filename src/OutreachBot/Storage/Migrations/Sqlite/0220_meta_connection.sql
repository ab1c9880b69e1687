-- The city's Facebook Page and Instagram account, as an admin connected them in the console (one row). The Page
-- access token is kept only protected with the data-protection keys. disconnected_at is set when Meta answered that
-- the token expired or was revoked (code 190), for a connection made here or one from the settings (then the ids and
-- token columns are empty), until the connection is checked or made again.
CREATE TABLE meta_connection (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    page_id TEXT,
    page_name TEXT,
    instagram_user_id TEXT,
    instagram_username TEXT,
    protected_token TEXT,
    connected_at BIGINT,
    connected_by TEXT,
    disconnected_at BIGINT,
    disconnected_reason TEXT
);
