-- Every switch of disaster mode (防災モード) or of a drill (訓練), as asked and as confirmed by a second approver (or at
-- once where one person may switch): the latest confirmed row is the mode now, on every instance. A drill reaches only
-- drill_audience (LINE user ids, one per line). The menus_* columns follow the switch of everyone's rich menu, done by
-- one instance under a lease. Instants are UTC unix milliseconds.
CREATE TABLE disaster_switches (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    active BOOLEAN NOT NULL,
    drill BOOLEAN NOT NULL,
    drill_audience TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    confirmed_by TEXT,
    confirm_reason TEXT,
    confirmed_at BIGINT,
    menus_claimed_by TEXT,
    menus_claimed_until BIGINT,
    menus_done_at BIGINT,
    menus_outcome TEXT
);

CREATE INDEX ix_disaster_switches_confirmed ON disaster_switches (confirmed_at);
