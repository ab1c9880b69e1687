-- Why the bot itself held or cancelled a broadcast (its event moved past it, or was cancelled), shown to staff.
ALTER TABLE broadcasts ADD COLUMN reason TEXT;
