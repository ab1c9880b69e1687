-- Every API key belongs to a staff account and acts with that account's role; a key without one does not work.
-- Keys made before this: the admin who made each one, as the audit log recorded it.
ALTER TABLE api_keys ADD COLUMN account_id INTEGER REFERENCES staff_accounts (id);
UPDATE api_keys
SET account_id = (
    SELECT s.id FROM audit_log a JOIN staff_accounts s ON s.username = a.actor
    WHERE a.action = 'apikey.created' AND a.target = api_keys.name
    ORDER BY a.id DESC LIMIT 1)
WHERE account_id IS NULL;

-- Everyone who wrote a broadcast, its author and each later editor, as staff identities (staff:<username>): none of
-- them may approve it.
CREATE TABLE broadcast_editors (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    editor TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, editor)
);
INSERT INTO broadcast_editors (broadcast_id, editor) SELECT id, author FROM broadcasts WHERE true ON CONFLICT DO NOTHING;
-- An author recorded as a stored key (api:<id>) is that key's owner.
INSERT INTO broadcast_editors (broadcast_id, editor)
SELECT b.id, 'staff:' || s.username
FROM broadcasts b JOIN api_keys k ON b.author = 'api:' || CAST(k.id AS TEXT) JOIN staff_accounts s ON s.id = k.account_id
WHERE true
ON CONFLICT DO NOTHING;
