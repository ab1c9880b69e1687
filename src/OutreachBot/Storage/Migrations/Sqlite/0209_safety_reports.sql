-- 安否: each 無事です or 助けが必要 a citizen taps on the disaster menu, under the disaster switch in force then; staff
-- read them as a queue of their own, counted per citizen (the latest answer of each). Instants are UTC unix milliseconds.
CREATE TABLE safety_reports (
    id INTEGER PRIMARY KEY,
    switch_id BIGINT NOT NULL REFERENCES disaster_switches (id),
    user_id TEXT NOT NULL,
    needs_help INTEGER NOT NULL,
    reported_at BIGINT NOT NULL,
    handled_at BIGINT
);

CREATE INDEX ix_safety_reports_switch ON safety_reports (switch_id, user_id, id);
