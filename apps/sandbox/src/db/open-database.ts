import type { Database } from "../core/db/database.js";
import { migrate } from "../core/db/migrate.js";
import { openPgliteDatabase } from "../core/db/pglite-database.js";
import { lockDataDir } from "./data-dir-lock.js";
import { openPostgresDatabase } from "./postgres-database.js";

export interface DatabaseOptions {
  /** A PostgreSQL URL: use that server instead of PGlite. */
  databaseUrl?: string;
  /** PGlite only: keep the data in this folder (default: in memory); one sandbox per folder (locked). */
  dataDir?: string;
  /** Cache reads until the next write (default true); on PostgreSQL, other writers are heard over LISTEN/NOTIFY. */
  cacheReads?: boolean;
}

async function openPgliteIn(dataDir: string | undefined, cacheReads: boolean): Promise<Database> {
  if (dataDir === undefined) return openPgliteDatabase({ cacheReads });
  const release = lockDataDir(dataDir);
  try {
    return await openPgliteDatabase({ dataDir, cacheReads, onClose: release });
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl, options.cacheReads ?? true)
    : await openPgliteIn(options.dataDir, options.cacheReads ?? true);
  await migrate(db);
  return db;
}
