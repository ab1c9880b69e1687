-- The lists the city keeps for citizens' profiles: areas (地区) and their districts (e.g. 小学校区), and the skills and
-- interests a citizen may name. Names are Japanese, with the other languages' names as JSON ({"en": "..."}) beside
-- them. A retired entry stays on the profiles that have it but is no longer offered. citizens.district holds a
-- district's Japanese name, as it did before the list existed, so renaming a district renames it there too.
CREATE TABLE city_areas (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    names TEXT,
    retired_at BIGINT
);

CREATE TABLE city_districts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id BIGINT NOT NULL REFERENCES city_areas (id),
    name TEXT NOT NULL UNIQUE,
    names TEXT,
    retired_at BIGINT
);

CREATE TABLE city_skills (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    names TEXT,
    retired_at BIGINT
);
