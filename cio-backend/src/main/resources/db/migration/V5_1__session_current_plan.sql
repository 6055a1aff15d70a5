-- The current schedule of each session, kept on the session row by the one statement that stores a schedule version
-- (ScheduleRepository.insertNextVersion): its version, the peak the other sessions' plans must leave room for, and
-- until when it is valid. The planner's limits query then sums the open sessions of a station or grid connection
-- point from the sessions table alone (partial index sessions_open_idx) instead of finding each session's latest
-- version among all versions of all its schedules, which grew with every re-plan (2.5 ms per charging request after
-- a minute of load, the largest part of the database's work; bench/RESULTS.md, issue 5).
ALTER TABLE sessions
    ADD COLUMN schedule_version integer          NOT NULL DEFAULT 0 CHECK (schedule_version >= 0),
    ADD COLUMN planned_peak_w   double precision,
    ADD COLUMN plan_valid_until timestamptz;

UPDATE sessions se
SET schedule_version = latest.version, planned_peak_w = latest.peak_power_w, plan_valid_until = latest.valid_until
FROM (SELECT DISTINCT ON (station_id, session_id) station_id, session_id, version, peak_power_w, valid_until
      FROM schedules
      ORDER BY station_id, session_id, version DESC) latest
WHERE se.station_id = latest.station_id AND se.id = latest.session_id;

-- Every charging request updates its session row twice (request data, then the current plan): leave room in each page
-- so that the updates stay heap-only (no index column changes), and vacuum the table before dead rows pile up.
ALTER TABLE sessions SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02);
