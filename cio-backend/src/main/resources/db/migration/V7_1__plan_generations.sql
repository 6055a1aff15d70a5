-- Plan generations (org.chargeflex.cio.station.PlanGenerations): a counter per planning target, the set of sessions
-- that share one limit: a grid connection point ('g:' || id) with all its stations, or a station on no grid
-- connection point ('s:' || id). Every change of what the request path's limits depend on moves the counter of its
-- target, in the transaction of the change: the stations and their limits, the grid connection point's limit, the
-- curtailments (triggers below), and the open sessions' plans and states (their writers in Java, before they write a
-- session row: the charging requests' planning batches, the re-planner's versions, STOP records). An instance that
-- keeps a target's limits and plans in memory from the generation it last wrote uses them only while the counter is
-- still where it left it; otherwise it reads them again (schedule.BatchLimitsRepository). A change made by hand must
-- call cio_plan_changed too.
CREATE TABLE plan_generations (
    target     varchar(70) PRIMARY KEY,
    generation bigint      NOT NULL CHECK (generation >= 1)
);
-- every planning batch updates its targets' rows: leave room for heap-only updates
ALTER TABLE plan_generations SET (fillfactor = 50);

-- Moves the counters of the targets, in key order (so no two transactions wait for each other's rows in a cycle).
CREATE FUNCTION cio_plan_changed(targets varchar[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO plan_generations AS p (target, generation)
    SELECT DISTINCT t, 1 FROM unnest(targets) AS u(t) WHERE t IS NOT NULL ORDER BY 1
    ON CONFLICT (target) DO UPDATE SET generation = p.generation + 1
$$;

-- The target of a station: its grid connection point's, or its own if it is on none.
CREATE FUNCTION cio_plan_target(station_id varchar, grid_connection_point varchar) RETURNS varchar
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN grid_connection_point IS NULL THEN 's:' || station_id ELSE 'g:' || grid_connection_point END
$$;

CREATE FUNCTION cio_station_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM cio_plan_changed(ARRAY['s:' || NEW.id, 'g:' || NEW.grid_connection_point]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM cio_plan_changed(ARRAY['s:' || OLD.id, 'g:' || OLD.grid_connection_point]);
    ELSE
        PERFORM cio_plan_changed(ARRAY['s:' || OLD.id, 's:' || NEW.id, 'g:' || OLD.grid_connection_point,
                                       'g:' || NEW.grid_connection_point]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER stations_plan_changed_write AFTER INSERT OR DELETE ON stations
    FOR EACH ROW EXECUTE FUNCTION cio_station_plan_changed();
CREATE TRIGGER stations_plan_changed_update AFTER UPDATE OF id, grid_connection_point, max_power_w ON stations
    FOR EACH ROW EXECUTE FUNCTION cio_station_plan_changed();

CREATE FUNCTION cio_grid_point_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM cio_plan_changed(ARRAY['g:' || NEW.id]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM cio_plan_changed(ARRAY['g:' || OLD.id]);
    ELSE
        PERFORM cio_plan_changed(ARRAY['g:' || OLD.id, 'g:' || NEW.id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER grid_connection_points_plan_changed_write AFTER INSERT OR DELETE ON grid_connection_points
    FOR EACH ROW EXECUTE FUNCTION cio_grid_point_plan_changed();
CREATE TRIGGER grid_connection_points_plan_changed_update AFTER UPDATE OF id, max_power_w ON grid_connection_points
    FOR EACH ROW EXECUTE FUNCTION cio_grid_point_plan_changed();

-- a station's curtailment counts on its own target: its grid connection point's, or its own. The station is read FOR
-- SHARE, so that a move of it to another grid connection point that is not yet committed is waited for and its new
-- target moved (a plain read would move only the old one). A station's deletion runs under the planning locks
-- (StationRepository.delete), so its triggers wait for no planning batch.
CREATE FUNCTION cio_curtailment_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    targets varchar[] := ARRAY[]::varchar[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        targets := targets || ARRAY['g:' || OLD.grid_connection_point, 's:' || OLD.station_id]
                   || ARRAY(SELECT 'g:' || s.grid_connection_point FROM stations s WHERE s.id = OLD.station_id FOR SHARE);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        targets := targets || ARRAY['g:' || NEW.grid_connection_point, 's:' || NEW.station_id]
                   || ARRAY(SELECT 'g:' || s.grid_connection_point FROM stations s WHERE s.id = NEW.station_id FOR SHARE);
    END IF;
    PERFORM cio_plan_changed(targets);
    RETURN NULL;
END
$$;
CREATE TRIGGER grid_curtailments_plan_changed AFTER INSERT OR UPDATE OF station_id, grid_connection_point, limit_w
    OR DELETE ON grid_curtailments
    FOR EACH ROW EXECUTE FUNCTION cio_curtailment_plan_changed();
