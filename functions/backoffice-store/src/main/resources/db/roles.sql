-- The back office's database roles: one per function, neither of them the master user.
--   fairdraw_projector  owns the schema: creates and evolves the tables (Hibernate's update) and
--                       writes what the streams bring.
--   fairdraw_api        reads everything and writes what operators do (cases, corrections,
--                       closures, change control); it may delete only a player's personal data
--                       (erasure), and may not change the schema.
-- Both log in with IAM (rds_iam) through the RDS Proxy, which authenticates end to end with IAM.
-- Run by the master user: in AWS by Terraform through the RDS Data API when the cluster is made
-- (modules/data/backoffice.tf), on a laptop by local-cloud on its PostgreSQL. One statement, so
-- the Data API takes it whole; running it again changes nothing. Tables made earlier by another
-- role pass to the projector.
DO $roles$
DECLARE
    item record;
BEGIN
    -- Aurora has rds_iam; a plain PostgreSQL (local-cloud, tests) gets an empty stand-in.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN
        CREATE ROLE rds_iam NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fairdraw_projector') THEN
        CREATE ROLE fairdraw_projector LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fairdraw_api') THEN
        CREATE ROLE fairdraw_api LOGIN;
    END IF;
    GRANT rds_iam TO fairdraw_projector, fairdraw_api;
    -- The master user must be able to act as the projector to hand it tables and set its defaults.
    EXECUTE format('GRANT fairdraw_projector TO %I', current_user);

    EXECUTE format('GRANT CONNECT ON DATABASE %I TO fairdraw_projector, fairdraw_api', current_database());
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE, CREATE ON SCHEMA public TO fairdraw_projector;
    GRANT USAGE ON SCHEMA public TO fairdraw_api;

    FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'fairdraw_projector' LOOP
        EXECUTE format('ALTER TABLE public.%I OWNER TO fairdraw_projector', item.tablename);
    END LOOP;
    FOR item IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' AND sequenceowner <> 'fairdraw_projector' LOOP
        EXECUTE format('ALTER SEQUENCE public.%I OWNER TO fairdraw_projector', item.sequencename);
    END LOOP;

    -- What the API may do, on the tables there are and on those the projector makes later.
    GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO fairdraw_api;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fairdraw_api;
    ALTER DEFAULT PRIVILEGES FOR ROLE fairdraw_projector IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO fairdraw_api;
    ALTER DEFAULT PRIVILEGES FOR ROLE fairdraw_projector IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fairdraw_api;
    -- Erasure deletes a player's personal record. The projector makes the table when it starts,
    -- which may be after this runs: the projector grants it then (Projection's schema hook).
    IF EXISTS (SELECT FROM pg_tables WHERE schemaname = 'public' AND tablename = 'player_personal') THEN
        GRANT DELETE ON public.player_personal TO fairdraw_api;
    END IF;
END
$roles$;
