import { migrate, openPgliteDatabase, type PgliteDatabase } from "@mca/sandbox/core";

// one migrated, empty data folder per process (or page): every sandbox after the first loads it instead of
// running initdb and the migrations, a fraction of their time
let snapshot: Promise<Blob> | undefined;

async function takeSnapshot(): Promise<Blob> {
  const db = await openPgliteDatabase({ cacheReads: false });
  try {
    await migrate(db);
    return await db.snapshot();
  } finally {
    await db.close();
  }
}

/** A PGlite database, migrated: loaded from this process's snapshot (taken on the first call). */
export async function openMigratedDatabase(): Promise<PgliteDatabase> {
  snapshot ??= takeSnapshot().catch((error: unknown) => {
    snapshot = undefined;
    throw error;
  });
  const db = await openPgliteDatabase({ loadDataDir: await snapshot });
  // a snapshot from another version of the migrations is caught up, never trusted
  await migrate(db);
  return db;
}
