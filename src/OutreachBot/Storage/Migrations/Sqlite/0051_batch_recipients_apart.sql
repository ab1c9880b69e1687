-- A batch's list of up to 500 user ids (some 17 KB) apart from its state. In the same row, claiming and recording
-- a batch rewrote the list with it each time: some 100 MB of write-ahead log for a million recipients.
CREATE TABLE broadcast_batch_recipients (
    batch_id INTEGER PRIMARY KEY REFERENCES broadcast_batches (id),
    recipients TEXT NOT NULL
);
INSERT INTO broadcast_batch_recipients (batch_id, recipients) SELECT id, recipients FROM broadcast_batches;
ALTER TABLE broadcast_batches DROP COLUMN recipients;
