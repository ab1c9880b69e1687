-- A broadcast's block rate asks who followed and who left in a window, and whether each of its subscribers left then:
-- without these every subscriber's question read every follow period.
CREATE INDEX ix_follow_periods_user_ended ON follow_periods (user_id, ended_at);
CREATE INDEX ix_follow_periods_ended ON follow_periods (ended_at);
CREATE INDEX ix_follow_periods_started ON follow_periods (started_at);
