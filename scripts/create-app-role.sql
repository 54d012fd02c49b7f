-- The database role the Aftercare app runs as in production (docs/security.md, "Database role").
--
-- Run as the database owner (the role that ran `aftercare migrate`), in the Aftercare database, after
-- every migration (new tables need their grants):
--
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/create-app-role.sql
--   psql "$OWNER_DATABASE_URL" -c "CREATE ROLE aftercare_web LOGIN PASSWORD '…' IN ROLE aftercare_app"   -- once
--
-- then run `aftercare serve` with DATABASE_URL naming aftercare_web. `aftercare_app` is a group role
-- (NOLOGIN): it may read and write the case tables, and may only SELECT and INSERT the audit trail — no
-- UPDATE, DELETE or TRUNCATE on audit_event, and no DDL anywhere (it owns nothing). The append-only
-- triggers of migration 0001 still hold for the owner; this role is the second, independent lock.
-- Plain SQL (no psql variables), idempotent, safe to run repeatedly.

DO $$
BEGIN
  CREATE ROLE aftercare_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO aftercare_app;
REVOKE CREATE ON SCHEMA public FROM aftercare_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO aftercare_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aftercare_app;

-- The audit trail is append-only for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM aftercare_app;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM aftercare_app;

-- Migrations are the owner's job: the app may read which have run (start-up checks) but not record one.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM aftercare_app;
