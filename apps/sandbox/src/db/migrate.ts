import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Database } from "./database.js";

// found through the package root, the same from src/ (tests) and dist/src/ (built)
const MIGRATIONS = join(
  dirname(createRequire(import.meta.url).resolve("@mca/sandbox/package.json")),
  "migrations/",
);

/** Applies the SQL files of migrations/ in name order, each once; both backends run the same files. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = new Set(
    (await db.query<{ name: string }>("SELECT name FROM schema_migrations")).map((row) => row.name),
  );
  const pending = readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith(".sql") && !applied.has(name))
    .sort();
  for (const name of pending) {
    // one script per file, in one transaction with its bookkeeping; file names are ours, quoted all the same
    const sql = readFileSync(`${MIGRATIONS}${name}`, "utf8");
    await db.exec(
      `BEGIN;\n${sql}\nINSERT INTO schema_migrations (name) VALUES ('${name.replaceAll("'", "''")}');\nCOMMIT;`,
    );
  }
  return pending;
}
