import { findFreePort } from "@mca/pipeline/node";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../scripts/postgres-server.js";
import { openDatabase } from "../src/db/open-database.js";
import { startSandbox } from "../src/index.js";
import { callerFor, connect, newOrganization } from "./support/api.js";
import { describeSandbox } from "./support/behaviour.js";
import { describeEmailRace } from "./support/email-race.js";
import { describeHostileInputs } from "./support/hostile-inputs.js";

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = startPostgres(await findFreePort());
});
afterAll(() => {
  postgres?.stop();
});

describeSandbox("PostgreSQL (pg pool)", () => startSandbox({ port: 0, databaseUrl: postgres.url }));
describeHostileInputs("PostgreSQL (pg pool)", () => startSandbox({ port: 0, databaseUrl: postgres.url }));

describeEmailRace("PostgreSQL (pg pool)", () => openDatabase({ databaseUrl: postgres.url }));

describe("the read cache over PostgreSQL", () => {
  it("forgets a cached page when another process writes (LISTEN/NOTIFY)", async () => {
    const sandbox = await startSandbox({ port: 0, databaseUrl: postgres.url });
    const outsider = new pg.Client({ connectionString: postgres.url });
    await outsider.connect();
    try {
      const host = await callerFor(sandbox, await newOrganization(sandbox, { name: "Before Rename" }));
      const guest = await callerFor(sandbox, await newOrganization(sandbox));
      await connect(host, guest);
      const path = "/host-connections?statuses=connected&limit=10&offset=0";
      const names = async () =>
        ((await guest.call("GET", path)).body.items as Array<{ host_name: string }>).map(
          (item) => item.host_name,
        );
      expect(await names()).toEqual(["Before Rename"]);
      await outsider.query("UPDATE organizations SET name = 'After Rename' WHERE id = $1", [
        host.organizationId,
      ]);
      await expect.poll(names, { timeout: 2000, interval: 20 }).toEqual(["After Rename"]);
    } finally {
      await outsider.end();
      await sandbox.stop();
    }
  });
});
