-- A staff member's own e-mail address, set on the Account page: where a test send of a broadcast's mail goes.
ALTER TABLE staff_accounts ADD COLUMN email TEXT;
