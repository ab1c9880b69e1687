-- Staff's choices for a broadcast's Facebook and Instagram posts (JSON {"text", "languages", "holdInQuietHours"});
-- absent: the text built from the Japanese messages, posted at once even in quiet hours.
ALTER TABLE broadcasts ADD COLUMN social TEXT;
