-- Schedule versions made by the rolling re-optimisation (package replan), with what the session had been metered to
-- have received since its charging request when it was made: the start of the next meter deviation check. A version
-- not listed here answers a charging request (the session's demand counts from its creation).
CREATE TABLE replan_versions (
    schedule_id  varchar(64)      PRIMARY KEY REFERENCES schedules (id) ON DELETE CASCADE,
    planned_at   timestamptz      NOT NULL,
    delivered_wh double precision NOT NULL CHECK (delivered_wh >= 0)
);
