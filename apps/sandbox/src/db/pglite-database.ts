import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.js";

/** Embedded Postgres, in memory or in `dataDir`. Durable: every commit is flushed before it is acknowledged. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ?? "memory://", { relaxedDurability: false });
  const asQueryable = (target: Pick<PGlite, "query">): Queryable => ({
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await target.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: "pglite",
    ...asQueryable(db),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
