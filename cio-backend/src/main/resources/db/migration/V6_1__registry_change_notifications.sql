-- Registry change notifications (org.chargeflex.cio.system.RegistryChanges): every instance keeps in-memory copies of
-- the registry rows that the station API reads on every request (a station's credential hash, its grid connection
-- point and outlets, the management service responsible for a user or grid connection point). Any change of these
-- tables, by any instance or by hand, notifies channel 'cio_registry' with the table's name at commit, and every
-- instance then drops its copies of that table. Statement-level triggers: one notification per statement (PostgreSQL
-- also folds equal notifications of one transaction into one).
CREATE FUNCTION cio_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cio_registry', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

-- stations: only the columns that are copied; last_seen_at (written by station requests) does not notify
CREATE TRIGGER stations_registry_changed_write AFTER INSERT OR DELETE OR TRUNCATE ON stations
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
CREATE TRIGGER stations_registry_changed_update AFTER UPDATE OF id, credential_hash, grid_connection_point ON stations
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();

CREATE TRIGGER outlets_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outlets
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
CREATE TRIGGER management_services_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON management_services
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
CREATE TRIGGER management_service_members_registry_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON management_service_members
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
CREATE TRIGGER management_service_grid_points_registry_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON management_service_grid_points
    FOR EACH STATEMENT EXECUTE FUNCTION cio_registry_changed();
