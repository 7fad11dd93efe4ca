import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { openPgliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

export interface DatabaseOptions {
  /** A PostgreSQL URL: use that server instead of PGlite. */
  databaseUrl?: string;
  /** PGlite only: keep the data in this folder (default: in memory). */
  dataDir?: string;
  /** PGlite only: cache reads until the next write (default true). */
  cacheReads?: boolean;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl)
    : await openPgliteDatabase(options.dataDir, options.cacheReads ?? true);
  await migrate(db);
  return db;
}
