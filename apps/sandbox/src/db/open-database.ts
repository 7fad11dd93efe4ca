import type { CachePeers } from "../cluster/worker-peers.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { openPgliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

export interface DatabaseOptions {
  /** A PostgreSQL URL: use that server instead of PGlite. */
  databaseUrl?: string;
  /** PGlite only: keep the data in this folder (default: in memory). */
  dataDir?: string;
  /** Cache reads until the next write (default true); on PostgreSQL, other writers are heard over LISTEN/NOTIFY. */
  cacheReads?: boolean;
  /** PostgreSQL only: the other workers of a cluster (`--workers`), told of every write before it is acknowledged. */
  peers?: CachePeers;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl, options.cacheReads ?? true, options.peers)
    : await openPgliteDatabase(options.dataDir, options.cacheReads ?? true);
  await migrate(db);
  return db;
}
