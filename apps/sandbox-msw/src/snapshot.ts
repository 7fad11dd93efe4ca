import { migrate, openPgliteDatabase, type PgliteDatabase } from "@mca/sandbox/core";

// the first sandbox of a process (or page) runs initdb and the migrations and leaves a snapshot of the migrated,
// empty data folder; every later one loads that instead, a fraction of the time
let snapshot: Blob | undefined;

/** A migrated PGlite database: loaded from this process's snapshot, or made (and snapshotted) the first time. */
export async function openMigratedDatabase(): Promise<PgliteDatabase> {
  if (snapshot) {
    const db = await openPgliteDatabase({ loadDataDir: snapshot });
    // a snapshot from another version of the migrations is caught up, never trusted
    await migrate(db);
    return db;
  }
  const db = await openPgliteDatabase();
  try {
    await migrate(db);
    // before anything is written: the snapshot is the empty, migrated database
    snapshot ??= await db.snapshot();
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
