-- A citizen's profile, told from the menu after consenting (profile_consented_at): the district (citizens.district),
-- an age band (10s ... 70s, 80+), the free days as bits (mon = 1, tue = 2, ... sun = 64) and skills from the city's
-- list. Broadcasts may target them (profile_filter: {"ageBands": [...], "skills": [...], "freeDays": [...]}).
ALTER TABLE citizens ADD COLUMN age_band TEXT;
ALTER TABLE citizens ADD COLUMN free_days INTEGER;
ALTER TABLE citizens ADD COLUMN profile_consented_at BIGINT;

CREATE TABLE citizen_skills (
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    skill_id INTEGER NOT NULL REFERENCES city_skills (id),
    PRIMARY KEY (user_id, skill_id)
);

CREATE INDEX ix_citizen_skills_skill ON citizen_skills (skill_id, user_id);

ALTER TABLE broadcasts ADD COLUMN profile_filter TEXT;
