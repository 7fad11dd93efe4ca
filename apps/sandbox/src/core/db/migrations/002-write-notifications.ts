import type { Migration } from "./migration.js";

/** Every write notifies `mca_sandbox_writes`: a PostgreSQL sandbox caching reads forgets them on another writer's change. */
export const migration002WriteNotifications: Migration = {
  // the name schema_migrations records: data folders and databases migrated by earlier versions know it
  name: "002_write_notifications.sql",
  sql: `
-- Every write to the sandbox's tables notifies 'mca_sandbox_writes', so that a sandbox process caching reads
-- over PostgreSQL forgets them when another process (or psql) changes the data.
CREATE OR REPLACE FUNCTION mca_notify_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mca_sandbox_writes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER organizations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION mca_notify_write();

CREATE TRIGGER api_clients_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_clients
  FOR EACH STATEMENT EXECUTE FUNCTION mca_notify_write();

CREATE TRIGGER guest_invitations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON guest_invitations
  FOR EACH STATEMENT EXECUTE FUNCTION mca_notify_write();

CREATE TRIGGER connections_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON connections
  FOR EACH STATEMENT EXECUTE FUNCTION mca_notify_write();
`,
};
