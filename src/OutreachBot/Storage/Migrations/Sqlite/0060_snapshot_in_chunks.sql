-- The snapshot commits in chunks while senders already send the batches of earlier chunks. A run records how far its
-- snapshot got (the last user id committed, in the stream's order) and who writes it (a lease, like a batch's claim);
-- snapshotted_at stays empty until the last chunk is in. The partial batch of each language is stored as it fills, in
-- a state senders do not claim, so that everything up to the cursor is committed somewhere and a crash resumes there.
ALTER TABLE broadcast_runs ADD COLUMN snapshot_cursor TEXT;
ALTER TABLE broadcast_runs ADD COLUMN snapshotted_at BIGINT;
ALTER TABLE broadcast_runs ADD COLUMN snapshot_owner TEXT;
ALTER TABLE broadcast_runs ADD COLUMN snapshot_claimed_until BIGINT;
-- The month's remaining quota at fire time when the recipients might exceed it: the run is held until its count is known.
ALTER TABLE broadcast_runs ADD COLUMN quota_remaining BIGINT;
UPDATE broadcast_runs SET snapshotted_at = fired_at;
CREATE INDEX ix_broadcast_runs_snapshotting ON broadcast_runs (id) WHERE snapshotted_at IS NULL;
ALTER TABLE broadcast_batches ADD COLUMN filling INTEGER NOT NULL DEFAULT 0;
-- What the snapshot reads of each subscriber, without a second lookup in the citizens table (0.5 s instead of 1.5 s
-- for a million on SQLite).
CREATE INDEX ix_citizens_recipient ON citizens (user_id, following, language, district);
