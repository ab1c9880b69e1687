-- Which instance holds (or last held) a batch's claim: after a crash it shows whose lease another instance took over.
ALTER TABLE broadcast_batches ADD COLUMN claimed_by TEXT;
