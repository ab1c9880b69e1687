-- 当番: staff on duty during disaster mode get an e-mail (at the address on their Account page) when a citizen answers
-- 助けが必要.
ALTER TABLE staff_accounts ADD COLUMN on_duty BOOLEAN NOT NULL DEFAULT FALSE;
