import pg from "pg";
import type { Database, Queryable } from "../core/db/database.js";
import { type CachePatch, cacheKey, createReadCache } from "../core/db/read-cache.js";

/** The channel the migration's triggers notify on every write (core/db/migrations/002-write-notifications.ts). */
const WRITES_CHANNEL = "mca_sandbox_writes";

/**
 * A real PostgreSQL server through a `pg` pool. `cacheReads`: keep read results until a write, this process's
 * or, announced by the tables' triggers over LISTEN/NOTIFY, anyone else's.
 */
export async function openPostgresDatabase(
  connectionString: string,
  cacheReads = true,
  poolSize = 10,
): Promise<Database> {
  // generic plans: the sandbox's statements are prepared once per connection, and planning the list query
  // costs more than running it
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    options: "-c plan_cache_mode=force_generic_plan",
  });
  // the server-side process ids of this pool's connections, to tell our writes' notifications from others'
  const ownBackends = new Set<number>();
  pool.on("connect", (client) => {
    const pid = (client as pg.PoolClient & { processID?: number }).processID;
    if (typeof pid === "number") ownBackends.add(pid);
  });
  let listener: pg.Client | undefined;
  let cache = createReadCache(false);
  await pool.query("SELECT 1");
  if (cacheReads) {
    listener = new pg.Client({ connectionString });
    await listener.connect();
    // our own writes invalidated exactly what they changed already; only another process's clear everything
    listener.on("notification", (notification) => {
      if (!ownBackends.has(notification.processId)) cache.forget(undefined);
    });
    // without the listener nobody would tell us about other writers: stop caching altogether
    listener.on("error", () => {
      cache = createReadCache(false);
    });
    await listener.query(`LISTEN ${WRITES_CHANNEL}`);
    cache = createReadCache(true);
  }
  const asQueryable = (client: Pick<pg.Pool, "query">): Queryable => ({
    query: <Row extends Record<string, unknown>>(
      sql: string,
      params: unknown[] = [],
      invalidates?: readonly string[],
      patch?: CachePatch<Row[]>,
    ) => cache.writing(async () => (await client.query<Row>(sql, params)).rows, invalidates, patch),
  });
  return {
    kind: "postgres",
    ...asQueryable(pool),
    read: <Row extends Record<string, unknown>>(name: string, sql: string, params: unknown[]) =>
      // a named statement: each pooled connection parses and plans it once
      cache.read(
        cacheKey(name, params),
        async () => (await pool.query<Row>({ name, text: sql, values: params })).rows,
      ),
    transaction: (work) =>
      cache.writing(async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await work(asQueryable(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        } finally {
          client.release();
        }
      }),
    exec: (sql) => cache.writing(async () => void (await pool.query(sql))),
    close: async () => {
      await listener?.end();
      await pool.end();
    },
  };
}
