-- The planners' copies of a site's planning (objective and series, package site) follow every change like the
-- registry copies of V6_1: notify channel 'cio_registry' with the table's name at commit.
CREATE TRIGGER site_planning_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_planning
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
CREATE TRIGGER site_series_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_series
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
