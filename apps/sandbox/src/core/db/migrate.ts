import type { Database } from "./database.js";
import { MIGRATIONS } from "./migrations/index.js";

/** Applies the migrations not yet applied, each once and in order; both backends run the same SQL. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = new Set(
    (await db.query<{ name: string }>("SELECT name FROM schema_migrations")).map((row) => row.name),
  );
  const pending = MIGRATIONS.filter((migration) => !applied.has(migration.name));
  for (const { name, sql } of pending) {
    // one script per migration, in one transaction with its bookkeeping; the names are ours, quoted all the same
    await db.exec(
      `BEGIN;\n${sql}\nINSERT INTO schema_migrations (name) VALUES ('${name.replaceAll("'", "''")}');\nCOMMIT;`,
    );
  }
  return pending.map((migration) => migration.name);
}
