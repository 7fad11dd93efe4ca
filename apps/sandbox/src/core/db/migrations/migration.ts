/**
 * One schema change. Migrations are TypeScript modules holding their SQL, not `.sql` files: the in-process sandbox
 * (browsers included) has no file system to read them from, and this way both backends and every transport run
 * the one copy of the SQL.
 */
export interface Migration {
  /** Recorded in `schema_migrations`; applied in name order. */
  name: string;
  sql: string;
}
