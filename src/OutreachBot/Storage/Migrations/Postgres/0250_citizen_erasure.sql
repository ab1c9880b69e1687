-- When the citizen (or staff at their request) last erased their personal data: the row keeps only the LINE user id,
-- so that messages already on their way to them are dropped and an old deletion button does not act twice.
ALTER TABLE citizens ADD COLUMN erased_at BIGINT;
