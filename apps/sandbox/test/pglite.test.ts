import { migrate } from "../src/core/db/migrate.js";
import { openPgliteDatabase } from "../src/core/db/pglite-database.js";
import { startSandbox } from "../src/index.js";
import { describeSandbox } from "./support/behaviour.js";
import { describeEmailRace } from "./support/email-race.js";
import { describeHostileInputs } from "./support/hostile-inputs.js";

describeSandbox("PGlite (in memory)", () => startSandbox({ port: 0 }));

describeHostileInputs("PGlite (in memory)", () => startSandbox({ port: 0 }));

describeEmailRace("PGlite (in memory)", async () => {
  const db = await openPgliteDatabase();
  await migrate(db);
  return db;
});
