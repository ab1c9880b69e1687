-- LINE's figures for each broadcast's aggregation unit, one row per day (UTC+9, as LINE counts), as last read: null
-- where LINE hid a figure under 20. A row read after its day ended is final and not asked for again.
CREATE TABLE broadcast_insights (
    broadcast_id BIGINT NOT NULL REFERENCES broadcasts (id),
    day TEXT NOT NULL,
    impressions BIGINT,
    unique_impressions BIGINT,
    clicks BIGINT,
    unique_clicks BIGINT,
    media_played BIGINT,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (broadcast_id, day)
);
