// GET /host-connections with 100 connections in the database, 10 concurrent clients (autocannon), against the
// sandbox on PGlite, the sandbox on PostgreSQL and the Prism mock, one after another in the same run.
import type { ChildProcess } from "node:child_process";
import { startMock } from "@mca/mock";
import { findFreePort } from "@mca/pipeline/node";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import autocannon from "autocannon";
import { startPostgres } from "../scripts/postgres-server.js";
import {
  type HostConnectionFilters,
  insertConnection,
  listHostConnectionsPage,
} from "../src/core/store/connections.js";
import { createOrganization } from "../src/core/store/organizations.js";
import { openDatabase } from "../src/db/open-database.js";
import { type BenchIdentity, freshDatabase, headersFor, json, spawnSandbox } from "./support.js";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const HOSTS = 100;

async function startSandboxProcess(
  port: number,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; guest: BenchIdentity }> {
  const { child, output } = await spawnSandbox(port, env);
  const grab = (label: string) => new RegExp(`guest:[\\s\\S]*?${label}:\\s+(\\S+)`).exec(output)?.[1] ?? "";
  return {
    child,
    guest: {
      organizationId: grab("organization id"),
      clientId: grab("client_id"),
      clientSecret: grab("client_secret"),
    },
  };
}

/** Connects HOSTS new host organizations to the guest through the API itself. */
async function seed(url: string, guest: BenchIdentity): Promise<void> {
  const guestHeaders = await headersFor(url, guest);
  for (let index = 0; index < HOSTS; index += 1) {
    const host = (await json(`${url}/_sandbox/organizations`, {
      method: "POST",
      body: JSON.stringify({ name: `Host ${String(index).padStart(3, "0")}` }),
    })) as unknown as BenchIdentity;
    const hostHeaders = await headersFor(url, host);
    const invitation = await json(`${url}/guest-invitations`, {
      method: "POST",
      headers: hostHeaders,
      body: JSON.stringify({
        email: "guest@example.com",
        expired_at: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    await json(`${url}/host-connections`, {
      method: "POST",
      headers: guestHeaders,
      body: JSON.stringify({
        host_organization_id: host.organizationId,
        invitation_token: invitation.invitation_token,
      }),
    });
  }
}

async function measure(name: string, url: string, headers: Record<string, string>) {
  const target = `${url}/host-connections?statuses=connected&limit=10&offset=0`;
  const check = await fetch(target, { headers });
  if (check.status !== 200) throw new Error(`${name}: ${check.status} ${await check.text()}`);
  await autocannon({ url: target, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({
    url: target,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

const results = [];
const children: ChildProcess[] = [];
const postgres = startPostgres(await findFreePort());
try {
  for (const [name, env] of [
    ["sandbox on PGlite", {}],
    ["sandbox on PGlite, no read cache", { SANDBOX_READ_CACHE: "off" }],
    ["sandbox on PostgreSQL", { DATABASE_URL: await freshDatabase(postgres.url, "bench_cached") }],
    [
      "sandbox on PostgreSQL, no read cache",
      { DATABASE_URL: await freshDatabase(postgres.url, "bench_uncached"), SANDBOX_READ_CACHE: "off" },
    ],
  ] as const) {
    const port = await findFreePort();
    const { child, guest } = await startSandboxProcess(port, env);
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await seed(url, guest);
    results.push(await measure(name, url, await headersFor(url, guest)));
    child.kill("SIGTERM");
  }
  const mock = await startMock({ logLevel: "silent" });
  try {
    const id = "054b4106-174b-46b0-97f8-86d8d7b6f0af";
    results.push(
      await measure("Prism mock (static)", mock.baseUrl, {
        authorization: "Bearer any",
        [REQUESTER_ORGANIZATION_HEADER]: id,
        [TARGET_ORGANIZATION_HEADER]: id,
      }),
    );
  } finally {
    await mock.stop();
  }
} finally {
  for (const child of children) child.kill("SIGKILL");
  postgres.stop();
}

/** One list answer without HTTP and without the cache: the guest's row set read and paged, as a miss costs. */
async function statementRates(name: string, options: { databaseUrl?: string }) {
  const db = await openDatabase({ ...options, cacheReads: false });
  try {
    const guest = await createOrganization(db, {
      name: "Guest",
      email: "g@guest.example",
      ownerEmail: "o@guest.example",
    });
    for (let index = 0; index < HOSTS; index += 1) {
      const host = await createOrganization(db, {
        name: `Host ${index}`,
        email: `h${index}@host.example`,
        ownerEmail: "o@host.example",
      });
      await insertConnection(
        db,
        { hostId: host.organizationId, guestId: guest.organizationId, parentOrganizationId: null },
        new Date(),
      );
    }
    const filters: HostConnectionFilters = {
      statuses: ["connected"],
      search_field: "host_name",
      order_by: "host_name",
      order_dir: "asc",
      limit: 10,
      offset: 0,
    };
    const rate = async (run: () => Promise<unknown>) => {
      let done = 0;
      const end = Date.now() + 3000;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (Date.now() < end) {
            await run();
            done += 1;
          }
        }),
      );
      return done / 3;
    };
    const list = await rate(() => listHostConnectionsPage(db, guest.organizationId, filters));
    const one = await rate(() => db.read("select-one", "SELECT 1", []));
    console.log(
      `  ${name.padEnd(34)} list (read + page) ${list.toFixed(0).padStart(6)}/s   SELECT 1 ${one.toFixed(0).padStart(6)}/s`,
    );
  } finally {
    await db.close();
  }
}

const prism = results.find((result) => result.name.startsWith("Prism"))?.requestsPerSecond ?? 1;
console.log(
  `GET /host-connections (limit 10 of ${HOSTS}), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each`,
);
for (const result of results) {
  console.log(
    `  ${result.name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${String(result.p99).padStart(4)} ms   ${(result.requestsPerSecond / prism).toFixed(2)}× Prism`,
  );
}
console.log(
  "  one repeated URL: this measures the read cache, not a workload (bench/mixed-workload.ts does)",
);
console.log(`the database alone, ${CONNECTIONS} concurrent, 3 s each, no cache:`);
const statementServer = startPostgres(await findFreePort());
try {
  await statementRates("PGlite (in process)", {});
  await statementRates("PostgreSQL (pg pool)", { databaseUrl: statementServer.url });
} finally {
  statementServer.stop();
}
