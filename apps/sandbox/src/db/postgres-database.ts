import pg from "pg";
import type { Database, Queryable } from "./database.js";

/** A real PostgreSQL server through a `pg` pool. */
export async function openPostgresDatabase(connectionString: string, poolSize = 10): Promise<Database> {
  // generic plans: the sandbox's statements are prepared once per connection, and planning the list query
  // costs more than running it
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    options: "-c plan_cache_mode=force_generic_plan",
  });
  await pool.query("SELECT 1");
  const asQueryable = (client: Pick<pg.Pool, "query">): Queryable => ({
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: "postgres",
    ...asQueryable(pool),
    async read<Row extends Record<string, unknown>>(name: string, sql: string, params: unknown[]) {
      // a named statement: each pooled connection parses and plans it once
      return (await pool.query<Row>({ name, text: sql, values: params })).rows;
    },
    async transaction(work) {
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
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
