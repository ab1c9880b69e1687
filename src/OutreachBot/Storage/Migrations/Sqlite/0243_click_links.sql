-- Each link of a broadcast, per channel, under an unguessable code: /r/{code} counts a click and redirects to url.
CREATE TABLE click_links (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    broadcast_id BIGINT NOT NULL REFERENCES broadcasts (id),
    channel TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (broadcast_id, channel, url)
);

-- Clicks per link and day (Bot:TimeZone); unique_clicks counts each visitor once a day.
CREATE TABLE click_days (
    link_id BIGINT NOT NULL REFERENCES click_links (id),
    day TEXT NOT NULL,
    clicks BIGINT NOT NULL,
    unique_clicks BIGINT NOT NULL,
    PRIMARY KEY (link_id, day)
);

-- The day's visitors of each link as hashes salted with that day's salt (no address or agent is kept); a salt and its
-- hashes are deleted once their day has passed, so nothing links one day's clicks to another's or to a person.
CREATE TABLE click_salts (
    day TEXT PRIMARY KEY,
    salt TEXT NOT NULL
);

CREATE TABLE click_visitors (
    link_id BIGINT NOT NULL REFERENCES click_links (id),
    day TEXT NOT NULL,
    visitor TEXT NOT NULL,
    PRIMARY KEY (link_id, day, visitor)
);
