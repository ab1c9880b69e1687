-- The Facebook Page's and the Instagram account's followers_count per day (in Bot:TimeZone), as last read that day:
-- read at start and then every hour, so a day's row ends as its last reading.
CREATE TABLE social_followers (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    followers BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (day, channel)
);
