import { findFreePort } from "@mca/mock";
import { afterAll, beforeAll } from "vitest";
import { type PostgresServer, startPostgres } from "../scripts/postgres-server.js";
import { startSandbox } from "../src/index.js";
import { describeSandbox } from "./support/behaviour.js";

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = startPostgres(await findFreePort());
});
afterAll(() => {
  postgres?.stop();
});

describeSandbox("PostgreSQL (pg pool)", () => startSandbox({ port: 0, databaseUrl: postgres.url }));
