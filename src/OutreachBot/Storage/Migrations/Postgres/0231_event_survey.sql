-- The survey an event's applicants are invited to after it, in the thanks instead of the rating (PUT /api/v1/events/{id}
-- with surveyId). The console's event form leaves it as it is.
ALTER TABLE civic_events ADD COLUMN survey_id BIGINT REFERENCES surveys (id);
