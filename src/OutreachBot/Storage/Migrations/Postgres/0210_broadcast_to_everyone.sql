-- A broadcast to every follower ({"all": true} in disaster mode or a drill) names the disaster switch in force when it
-- was accepted: a drill's broadcast reaches only that drill's audience, and says 訓練, even if it fires later.
ALTER TABLE broadcasts ADD COLUMN all_switch_id BIGINT REFERENCES disaster_switches (id);
