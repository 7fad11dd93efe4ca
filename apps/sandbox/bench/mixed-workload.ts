// The sandbox under a realistic mix, side by side with stock Prism in one run: 4 guests × 30 hosts, every list
// query different (filters, orders, pages, searches drawn from a seeded generator), 5 % archive writes
// interleaved, 10 connections. Sandbox on PGlite and on PostgreSQL, each with its read cache (one row set per guest,
// forgotten per organization on writes) on and off.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startPrism } from "@mca/mock";
import { findFreePort } from "@mca/pipeline/node";
import { BUNDLED_SPEC_JSON_PATH } from "@mca/spec";
import { hostConnectionOrderFieldValues } from "@mca/types";
import autocannon from "autocannon";
import { startPostgres } from "../scripts/postgres-server.js";
import { type BenchIdentity, freshDatabase, headersFor, json, spawnSandbox } from "./support.js";

const bareServer = fileURLToPath(new URL("./bare-server.js", import.meta.url));
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PRISM = "stock Prism (static)";
const CONNECTIONS = 10;
const GUESTS = 4;
const HOSTS = 30;
const WRITE_SHARE = 0.05;
const SEED = Number(process.env.BENCH_SEED ?? 42);

interface Organization extends BenchIdentity {
  headers: Record<string, string>;
}

/** xorshift32: the same request sequence on every target and every run. */
function random(seed: number) {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function organization(url: string, name: string): Promise<Organization> {
  const created = (await json(`${url}/_sandbox/organizations`, {
    method: "POST",
    body: JSON.stringify({ name, email: `${name.toLowerCase().replaceAll(" ", "-")}@bench.example` }),
  })) as unknown as BenchIdentity;
  return { ...created, headers: await headersFor(url, created) };
}

const WORDS = ["Acme", "beta", "Zeta", "Credit", "union", "Lending", "capital", "Trust", "north", "Ridge"];

/** Every host invites every guest and the guests accept, through the API. */
async function seed(url: string): Promise<{ guests: Organization[]; hosts: Organization[] }> {
  const next = random(SEED);
  const guests: Organization[] = [];
  const hosts: Organization[] = [];
  for (let index = 0; index < GUESTS; index += 1) guests.push(await organization(url, `Guest ${index}`));
  for (let index = 0; index < HOSTS; index += 1) {
    const name = `${WORDS[Math.floor(next() * WORDS.length)]} ${WORDS[Math.floor(next() * WORDS.length)]} ${index}`;
    hosts.push(await organization(url, name));
  }
  for (const host of hosts)
    for (const guest of guests) {
      const invitation = await json(`${url}/guest-invitations`, {
        method: "POST",
        headers: host.headers,
        body: JSON.stringify({
          email: "guest@bench.example",
          expired_at: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      });
      await json(`${url}/host-connections`, {
        method: "POST",
        headers: guest.headers,
        body: JSON.stringify({
          host_organization_id: host.organizationId,
          invitation_token: invitation.invitation_token,
        }),
      });
    }
  return { guests, hosts };
}

const ORDER = hostConnectionOrderFieldValues;

/** The request mix: all-different list queries, and 5 % archive writes by a host on one of its guests. */
function workload(guests: Organization[], hosts: Organization[]) {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return (request: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => {
    if (next() < WRITE_SHARE) {
      const host = pick(hosts);
      return {
        ...request,
        method: "PATCH",
        path: `/guest-connections/${pick(guests).organizationId}`,
        headers: host.headers,
        body: JSON.stringify({ archived: next() < 0.5 }),
      };
    }
    const guest = pick(guests);
    const query = new URLSearchParams();
    for (const status of pick([["connected"], ["disconnected"], ["connected", "disconnected"]]))
      query.append("statuses", status);
    if (next() < 0.3) query.set("archived", String(next() < 0.5));
    if (next() < 0.1)
      query.append("active_action_types", pick(["analytics_request", "documents_update_request"]));
    if (next() < 0.4) {
      query.set("search_field", pick(["host_name", "host_email", "owner_email"]));
      const word = pick(WORDS).toLowerCase();
      const start = Math.floor(next() * (word.length - 2));
      query.set("search_text", word.slice(start, start + 2 + Math.floor(next() * 2)));
    }
    query.set("order_by", pick(ORDER));
    query.set("order_dir", pick(["asc", "desc"]));
    query.set("limit", String(1 + Math.floor(next() * 100)));
    query.set("offset", String(Math.floor(next() * 40)));
    return {
      ...request,
      method: "GET",
      path: `/host-connections?${query}`,
      headers: guest.headers,
      body: undefined,
    };
  };
}

interface Sample {
  requestsPerSecond: number;
  p99: number;
  bytesPerAnswer: number;
}

/** One timed run of the mix against `url`; any non-2xx or error fails the benchmark. */
async function sample(
  name: string,
  url: string,
  setup: ReturnType<typeof workload>,
  seconds: number,
): Promise<Sample> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: setup as never }],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    bytesPerAnswer: result.throughput.average / Math.max(1, result.requests.average),
  };
}

interface Target {
  name: string;
  url: string;
  data: { guests: Organization[]; hosts: Organization[] };
  samples: Sample[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const targets: Target[] = [];
const children: ChildProcess[] = [];
const postgres = startPostgres(await findFreePort());
let stopPrism = async () => {};
try {
  // every target runs side by side for the whole benchmark, and the rounds visit them in turn: a slow spell of
  // this shared machine then lands on all of them instead of on whichever target it happened to hit
  for (const [name, env] of [
    ["sandbox on PGlite", {}],
    ["sandbox on PGlite, read cache off", { SANDBOX_READ_CACHE: "off" }],
    ["sandbox on PostgreSQL", { DATABASE_URL: await freshDatabase(postgres.url, "mixed_cached") }],
    [
      "sandbox on PostgreSQL, read cache off",
      { DATABASE_URL: await freshDatabase(postgres.url, "mixed_uncached"), SANDBOX_READ_CACHE: "off" },
    ],
  ] as const) {
    const port = await findFreePort();
    const { child } = await spawnSandbox(port, env);
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    targets.push({ name, url, data: await seed(url), samples: [] });
  }
  const first = (targets[0] as Target).data;
  // stock Prism, static, on the bundle as it is: the same requests (its answers are the spec's examples)
  const prism = await startPrism({
    specPath: BUNDLED_SPEC_JSON_PATH,
    dynamic: false,
    logLevel: "silent",
    startTimeoutMs: 90_000,
  });
  stopPrism = prism.stop;
  targets.push({ name: PRISM, url: prism.url, data: first, samples: [] });
  const warmUp = new Map<string, Sample>();
  for (const target of targets)
    warmUp.set(
      target.name,
      await sample(target.name, target.url, workload(target.data.guests, target.data.hosts), 2),
    );
  // the ceiling: one Node process that does nothing but answer, with the sandbox's average answer size
  const answerBytes = Math.round(warmUp.get("sandbox on PostgreSQL")?.bytesPerAnswer ?? 1000);
  const barePort = await findFreePort();
  const bare = spawn(process.execPath, [bareServer, String(barePort), String(answerBytes)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(bare);
  await once(bare.stdout, "data");
  targets.push({
    name: `bare node:http, no work, ${answerBytes} B answers`,
    url: `http://127.0.0.1:${barePort}`,
    data: first,
    samples: [],
  });
  for (let round = 0; round < ROUNDS; round += 1)
    for (const target of targets)
      target.samples.push(
        await sample(
          target.name,
          target.url,
          workload(target.data.guests, target.data.hosts),
          DURATION_SECONDS,
        ),
      );
} finally {
  await stopPrism();
  for (const child of children) child.kill("SIGKILL");
  postgres.stop();
}

const rate = (target: Target) => median(target.samples.map((each) => each.requestsPerSecond));
const prismRate = rate(targets.find((target) => target.name === PRISM) as Target);
console.log(
  `mixed workload: ${GUESTS} guests × ${HOSTS} hosts, all-different list queries, ${WRITE_SHARE * 100} % archive writes, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION_SECONDS} s per target, seed ${SEED}; median req/s (range)`,
);
for (const target of targets) {
  const rates = target.samples.map((each) => each.requestsPerSecond);
  const range = `${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}`;
  console.log(
    `  ${target.name.padEnd(44)} ${rate(target).toFixed(0).padStart(7)} req/s (${range.padStart(11)})   p99 ${String(median(target.samples.map((each) => each.p99))).padStart(3)} ms   ${(rate(target) / prismRate).toFixed(2)}× Prism`,
  );
}
console.log("  targets: PGlite ≥ 1.00× Prism, PostgreSQL ≥ 3.00× Prism, p99 < 50 ms");
console.log(
  "  the bare node:http row is the most one Node process can serve here under the same load, doing nothing",
);
