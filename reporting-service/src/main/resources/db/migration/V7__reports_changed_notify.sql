-- Every statement that changes what a zone report reads notifies the reporting instances (each LISTENs on
-- "reports" and drops the reports it holds in memory), whichever instance committed it; PostgreSQL sends the
-- notification at commit, once per transaction however many statements raised it.
CREATE FUNCTION reports_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('reports', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projection_generation
    FOR EACH STATEMENT EXECUTE FUNCTION reports_changed();
CREATE TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON generation_clock
    FOR EACH STATEMENT EXECUTE FUNCTION reports_changed();
CREATE TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zone_view
    FOR EACH STATEMENT EXECUTE FUNCTION reports_changed();
CREATE TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zone_project_totals
    FOR EACH STATEMENT EXECUTE FUNCTION reports_changed();
CREATE TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zone_agreement_totals
    FOR EACH STATEMENT EXECUTE FUNCTION reports_changed();
