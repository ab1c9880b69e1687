-- The thanks the day after an event and the applicant's answer to it: a rating of 1 to 5, given once, and an optional
-- comment, typed while comment_until lasts. rating_request and comment_request are the webhook events that gave them,
-- so handling such an event again repeats the answer instead of refusing it. Comments are personal data: the
-- retention job erases them with names and answers.
ALTER TABLE event_applications ADD COLUMN rating INTEGER;
ALTER TABLE event_applications ADD COLUMN rated_at BIGINT;
ALTER TABLE event_applications ADD COLUMN rating_request TEXT;
ALTER TABLE event_applications ADD COLUMN comment TEXT;
ALTER TABLE event_applications ADD COLUMN comment_until BIGINT;
ALTER TABLE event_applications ADD COLUMN comment_request TEXT;

-- One thanks per applicant and event, however often the round that writes them runs and on however many instances.
CREATE UNIQUE INDEX ux_event_notices_thanks ON event_notices (event_id, user_id) WHERE kind = 'thanks';
