import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.js";
import { type CachePatch, cacheKey, createReadCache } from "./read-cache.js";

/** PGlite as the sandbox's database, and a snapshot of it for fast starts of the next instance. */
export interface PgliteDatabase extends Database {
  /** The data folder as a tarball (after a CHECKPOINT, without which serial ids jump after loading it). */
  snapshot(): Promise<Blob>;
}

/**
 * Embedded Postgres: in memory by default, or in PGlite's `dataDir` (a folder in Node, `idb://…` in a browser; the
 * node side locks a folder first). Durable: every commit is flushed before it is acknowledged. `cacheReads`:
 * answer repeated `read`s from memory until the next write (this process is the only writer). `onClose` runs
 * once the database is closed.
 */
export async function openPgliteDatabase(
  options: {
    dataDir?: string;
    cacheReads?: boolean;
    onClose?: () => void;
    /** A `dumpDataDir` snapshot to start from (taken after a CHECKPOINT): no initdb, a fraction of its time. */
    loadDataDir?: Blob;
  } = {},
): Promise<PgliteDatabase> {
  const db = await PGlite.create(options.dataDir ?? "memory://", {
    relaxedDurability: false,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const cacheReads = options.cacheReads ?? true;
  const cache = createReadCache(cacheReads);
  const asQueryable = (target: Pick<PGlite, "query">): Queryable => ({
    // any statement through query() may write
    query: <Row extends Record<string, unknown>>(
      sql: string,
      params: unknown[] = [],
      invalidates?: readonly string[],
      patch?: CachePatch<Row[]>,
    ) => cache.writing(async () => (await target.query<Row>(sql, params)).rows, invalidates, patch),
  });
  return {
    kind: "pglite",
    ...asQueryable(db),
    read: <Row extends Record<string, unknown>>(name: string, sql: string, params: unknown[]) =>
      cache.read(cacheKey(name, params), async () => (await db.query<Row>(sql, params)).rows),
    transaction: (work) => cache.writing(() => db.transaction((tx) => work(asQueryable(tx)))),
    exec: (sql) => cache.writing(async () => void (await db.exec(sql))),
    snapshot: async () => {
      await db.exec("CHECKPOINT");
      return await db.dumpDataDir("none");
    },
    close: async () => {
      await db.close();
      options.onClose?.();
    },
  };
}
