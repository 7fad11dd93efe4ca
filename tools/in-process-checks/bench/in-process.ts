// The in-process sandbox's figures, each the median (and range) of rounds that interleave every measurement:
// reset(), 100 tests of reset + a five-call flow through MSW and @mca/client, the cold start (a process per
// sample), and requests/s of one mix (list queries with varied filters, 5 % archive writes, 10 in flight)
// in process (through MSW, and sandbox.fetch without it) beside the node:http sandbox (`mca-sandbox`, its own
// process) and stock Prism (static). Not a test: it prints figures and the targets beside them.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createClient } from "@mca/client";
import { startPrism } from "@mca/mock";
import { findFreePort, waitForPort } from "@mca/pipeline/node";
import { type OrganizationCredentials, seededRandom } from "@mca/sandbox/core";
import { createSandbox } from "@mca/sandbox-msw";
import { BUNDLED_SPEC_JSON_PATH } from "@mca/spec";
import { setupServer } from "msw/node";
import { inviteConnectListArchive } from "../test/support/flow.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RATE_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const IN_FLIGHT = 10;
const SEED = 42;
const require = createRequire(import.meta.url);
const sandboxCli = require.resolve("@mca/sandbox/package.json").replace(/package\.json$/, "dist/src/cli.js");
const coldStartScript = fileURLToPath(new URL("./cold-start.ts", import.meta.url));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const range = (values: number[], digits = 0) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** Every seeded host invites and connects every seeded guest, through the API: the data the mix lists. */
async function connectEveryone(
  send: Send,
  hosts: readonly OrganizationCredentials[],
  guests: readonly OrganizationCredentials[],
) {
  const headersOf = async (org: OrganizationCredentials) => {
    const answer = await send("/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: org.clientId, client_secret: org.clientSecret }),
    });
    const { access_token } = (await answer.json()) as { access_token: string };
    return {
      authorization: `Bearer ${access_token}`,
      "requester-organization-id": org.organizationId,
      "target-organization-id": org.organizationId,
      "content-type": "application/json",
    };
  };
  const guestHeaders = await Promise.all(guests.map(headersOf));
  const hostHeaders = await Promise.all(hosts.map(headersOf));
  for (const [hostIndex, host] of hosts.entries())
    for (const guestIndex of guests.keys()) {
      const invitation = (await (
        await send("/guest-invitations", {
          method: "POST",
          headers: hostHeaders[hostIndex],
          body: JSON.stringify({
            email: `bench-${guestIndex}@example.com`,
            expired_at: "2099-01-01T00:00:00Z",
          }),
        })
      ).json()) as { invitation_token: string };
      await send("/host-connections", {
        method: "POST",
        headers: guestHeaders[guestIndex],
        body: JSON.stringify({
          host_organization_id: host.organizationId,
          invitation_token: invitation.invitation_token,
        }),
      });
    }
  return { guestHeaders, hostHeaders };
}

/** The mix: the same seeded sequence of list queries and archive writes on every target. */
function mix(
  headers: { guestHeaders: Record<string, string>[]; hostHeaders: Record<string, string>[] },
  guests: readonly OrganizationCredentials[],
) {
  const random = seededRandom(SEED);
  const int = (below: number) => (random.bytes(1)[0] as number) % below;
  const orders = ["host_name", "host_email", "created_at", "updated_at"];
  return Array.from({ length: RATE_REQUESTS }, () => {
    if (int(20) === 0) {
      const host = int(headers.hostHeaders.length);
      const guest = int(guests.length);
      return () =>
        [
          "PATCH",
          `/guest-connections/${guests[guest]?.organizationId}`,
          headers.hostHeaders[host],
          JSON.stringify({ archived: int(2) === 0 }),
        ] as const;
    }
    const query = new URLSearchParams({
      statuses: "connected",
      limit: String(1 + int(10)),
      offset: String(int(3)),
    });
    if (int(2) === 0) query.set("order_by", orders[int(orders.length)] as string);
    if (int(3) === 0) query.set("archived", int(2) === 0 ? "true" : "false");
    if (int(4) === 0) {
      query.set("search_field", "host_name");
      query.set("search_text", ["a", "bank", "zeta"][int(3)] as string);
    }
    const guest = int(headers.guestHeaders.length);
    return () => ["GET", `/host-connections?${query}`, headers.guestHeaders[guest], undefined] as const;
  });
}

async function requestsPerSecond(send: Send, requests: ReturnType<typeof mix>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < requests.length) {
        const [method, path, headers, body] = (requests[next++] as (typeof requests)[number])();
        const answer = await send(path, { method, headers, ...(body === undefined ? {} : { body }) });
        await answer.arrayBuffer();
        if (answer.status >= 500) throw new Error(`${method} ${path}: ${answer.status}`);
      }
    }),
  );
  return requests.length / ((performance.now() - started) / 1000);
}

const children: ChildProcess[] = [];
let stopPrism = async () => {};
const server = setupServer();
const figures = {
  reset: [] as number[],
  hundredTests: [] as number[],
  coldFirst: [] as number[],
  coldSnapshot: [] as number[],
  rates: new Map<string, number[]>(),
};
try {
  // the in-process sandbox the tests measure, behind MSW as a test suite has it
  const sandbox = await createSandbox({ seed: SEED });
  server.use(...sandbox.handlers);
  server.listen({ onUnhandledRequest: "bypass" });
  // a second one for the rate through sandbox.fetch (no MSW), and the node:http sandbox with the same seed
  const direct = await createSandbox({ seed: SEED, baseUrl: "https://direct.mca.invalid/v1-beta" });
  const port = await findFreePort();
  const child = spawn(process.execPath, [sandboxCli, "--port", String(port), "--seed", String(SEED)], {
    stdio: "ignore",
  });
  children.push(child);
  await waitForPort("127.0.0.1", port, 60_000);
  const httpUrl = `http://127.0.0.1:${port}`;
  const prism = await startPrism({
    specPath: BUNDLED_SPEC_JSON_PATH,
    dynamic: false,
    logLevel: "silent",
    startTimeoutMs: 90_000,
  });
  stopPrism = prism.stop;

  const targets: Array<[name: string, send: Send]> = [
    ["in process, through MSW (setupServer)", (path, init) => fetch(`${sandbox.baseUrl}${path}`, init)],
    ["in process, sandbox.fetch (no MSW)", (path, init) => direct.fetch(`${direct.baseUrl}${path}`, init)],
    ["node:http sandbox (mca-sandbox, PGlite)", (path, init) => fetch(`${httpUrl}${path}`, init)],
    ["stock Prism (static)", (path, init) => fetch(`${prism.url}${path}`, init)],
  ];
  const workloads = new Map<string, ReturnType<typeof mix>>();
  for (const [name, send] of targets.slice(0, 3)) {
    const owner = name.startsWith("in process, sandbox.fetch") ? direct : sandbox;
    workloads.set(name, mix(await connectEveryone(send, owner.hosts, owner.guests), owner.guests));
  }
  // Prism takes any token: the requests of the node:http sandbox's mix as they are
  workloads.set(
    "stock Prism (static)",
    workloads.get("node:http sandbox (mca-sandbox, PGlite)") as ReturnType<typeof mix>,
  );

  for (let round = 0; round < ROUNDS; round += 1) {
    // cold start: a process of its own, the first sandbox and one from the snapshot
    const cold = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", coldStartScript], { encoding: "utf8" }),
    ) as { firstMs: number; fromSnapshotMs: number };
    figures.coldFirst.push(cold.firstMs);
    figures.coldSnapshot.push(cold.fromSnapshotMs);

    // 100 tests: reset, then the five calls through @mca/client and MSW (its own token request included)
    const resetsBefore = figures.reset.length;
    const started = performance.now();
    for (let test = 0; test < 100; test += 1) {
      const resetStarted = performance.now();
      await sandbox.reset();
      figures.reset.push(performance.now() - resetStarted);
      await inviteConnectListArchive(createClient, { baseUrl: sandbox.baseUrl }, sandbox.host, sandbox.guest);
    }
    figures.hundredTests.push(performance.now() - started);
    // the resets of this round's tests each followed a flow's writes; keep their median as the round's sample
    const ofRound = figures.reset.splice(resetsBefore);
    figures.reset.push(median(ofRound));
    // the data the rate's mix reads again (the 100 tests emptied it)
    await sandbox.reset();
    workloads.set(
      targets[0]?.[0] as string,
      mix(await connectEveryone(targets[0]?.[1] as Send, sandbox.hosts, sandbox.guests), sandbox.guests),
    );

    for (const [name, send] of targets) {
      const rate = await requestsPerSecond(send, workloads.get(name) as ReturnType<typeof mix>);
      figures.rates.set(name, [...(figures.rates.get(name) ?? []), rate]);
    }
  }
  await Promise.all([sandbox.close(), direct.close()]);
} finally {
  server.close();
  await stopPrism();
  for (const child of children) child.kill("SIGTERM");
}

console.log(`in-process sandbox (@mca/sandbox-msw), ${ROUNDS} interleaved rounds; median (range)`);
console.log(
  `  reset()                                  ${median(figures.reset).toFixed(1).padStart(8)} ms   (${range(figures.reset, 1)} ms; per round the median of its 100 resets)   target <= 50 ms`,
);
console.log(
  `  100 tests of reset + five-call flow      ${(median(figures.hundredTests) / 1000).toFixed(2).padStart(8)} s    (${range(
    figures.hundredTests.map((ms) => ms / 1000),
    2,
  )} s; through MSW and @mca/client)   target <= 10 s`,
);
console.log(
  `  cold start, first sandbox of a process   ${median(figures.coldFirst).toFixed(0).padStart(8)} ms   (${range(figures.coldFirst)} ms; initdb + migrations + snapshot + seed)`,
);
console.log(
  `  cold start, from the snapshot            ${median(figures.coldSnapshot).toFixed(0).padStart(8)} ms   (${range(figures.coldSnapshot)} ms)`,
);
console.log(
  `  requests/s, ${RATE_REQUESTS} requests per sample (list queries, 5 % archive writes, ${IN_FLIGHT} in flight):`,
);
const prismRate = median(figures.rates.get("stock Prism (static)") ?? []);
for (const [name, rates] of figures.rates)
  console.log(
    `    ${name.padEnd(40)} ${median(rates).toFixed(0).padStart(7)} req/s (${range(rates)})   ${(median(rates) / prismRate).toFixed(2)}× Prism`,
  );
