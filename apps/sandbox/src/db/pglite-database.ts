import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.js";

const MAX_CACHED_READS = 1000;

/**
 * Embedded Postgres, in memory or in `dataDir`. Durable: every commit is flushed before it is acknowledged.
 * `cacheReads`: answer repeated `read`s from memory until the next write (this process is the only writer).
 */
export async function openPgliteDatabase(dataDir?: string, cacheReads = true): Promise<Database> {
  const db = await PGlite.create(dataDir ?? "memory://", { relaxedDurability: false });
  const cache = new Map<string, Record<string, unknown>[]>();
  // bumped before and after every write, so that a read overtaken by a write never stores what it saw
  let version = 0;
  const writing = async <T>(write: () => Promise<T>): Promise<T> => {
    version += 1;
    cache.clear();
    try {
      return await write();
    } finally {
      version += 1;
      cache.clear();
    }
  };
  const asQueryable = (target: Pick<PGlite, "query">): Queryable => ({
    // any statement through query() may write
    query: <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      writing(async () => (await target.query<Row>(sql, params)).rows),
  });
  return {
    kind: "pglite",
    ...asQueryable(db),
    async read<Row extends Record<string, unknown>>(name: string, sql: string, params: unknown[]) {
      if (!cacheReads) return (await db.query<Row>(sql, params)).rows;
      const key = `${name}\u0000${JSON.stringify(params)}`;
      const hit = cache.get(key);
      if (hit) return hit as Row[];
      const seen = version;
      const rows = (await db.query<Row>(sql, params)).rows;
      if (seen === version) {
        if (cache.size >= MAX_CACHED_READS) cache.clear();
        cache.set(key, rows);
      }
      return rows;
    },
    transaction: (work) => writing(() => db.transaction((tx) => work(asQueryable(tx)))),
    exec: (sql) => writing(async () => void (await db.exec(sql))),
    close: () => db.close(),
  };
}
