-- A run's post to the Facebook Page or the Instagram account, written with the run. Publishing exactly once without a
-- retry key: intent_at is committed before each call that may publish and post_id right after it; a post whose intent
-- has no outcome is looked for on Meta (recent posts, the container's status) before anything is posted again.
-- status: pending, published, failed, needs-check (staff decide), cancelled. due_at holds a post back (throttling,
-- Instagram's publishing limit, a container in progress); reason says why, for staff.
CREATE TABLE social_posts (
    id INTEGER PRIMARY KEY,
    run_id BIGINT NOT NULL REFERENCES broadcast_runs (id),
    broadcast_id BIGINT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    message TEXT NOT NULL,
    image_url TEXT,
    link TEXT,
    container_id TEXT,
    post_id TEXT,
    url TEXT,
    error TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    looks INTEGER NOT NULL DEFAULT 0,
    due_at BIGINT NOT NULL,
    claimed_until BIGINT,
    intent_at BIGINT,
    published_at BIGINT,
    decided_by TEXT,
    UNIQUE (run_id, channel)
);
CREATE INDEX ix_social_posts_due ON social_posts (status, due_at);
CREATE INDEX ix_social_posts_broadcast ON social_posts (broadcast_id);
