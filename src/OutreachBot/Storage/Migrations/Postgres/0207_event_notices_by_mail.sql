-- Residents who applied on the web are told by mail what LINE applicants are told by push, from the same ledger: a
-- notice is owed either to a LINE user (user_id) or to a web request's address (web_request_id, read when it goes, so
-- an address erased by retention is not mailed).
ALTER TABLE event_notices ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE event_notices ADD COLUMN web_request_id BIGINT;
ALTER TABLE event_notices ADD CONSTRAINT ck_event_notices_recipient CHECK ((user_id IS NULL) <> (web_request_id IS NULL));
CREATE UNIQUE INDEX ux_event_notices_thanks_by_mail ON event_notices (event_id, web_request_id) WHERE kind = 'thanks';
