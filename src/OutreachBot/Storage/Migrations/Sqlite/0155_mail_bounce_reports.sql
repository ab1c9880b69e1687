-- Delivery status notifications already counted against their addresses, by the report's Message-ID (or a hash of
-- it when it has none): two bot instances reading one bounce mailbox, or a report read again after a stop before it
-- was deleted, count it once. Kept 180 days.
CREATE TABLE mail_bounce_reports (
    report_key TEXT PRIMARY KEY,
    counted_at BIGINT NOT NULL
);
