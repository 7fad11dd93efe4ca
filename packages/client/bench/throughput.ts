// Requests per second through plain fetch, bare openapi-fetch and @mca/client against one HTTP server, in the
// same run. The server runs in a child process (its own core), so the figures compare the clients' own cost.
// Prints a table and the two ratios the client is held to.
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { paths } from "@mca/types";
import createFetchClient from "openapi-fetch";
import { createClient } from "../src/index.js";
import { hostConnection } from "../test/support/fake-fetch.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = 10;
const ROUNDS = 7;
const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";
const page = JSON.stringify({ items: [hostConnection(0)], total_items: 1 });

const serverSource = `
  const body = ${JSON.stringify(page)};
  const server = require("node:http").createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
const server = spawn(process.execPath, ["-e", serverSource], { stdio: ["ignore", "pipe", "inherit"] });
const [portText] = (await once(server.stdout, "data")) as [Buffer];
const baseUrl = `http://127.0.0.1:${portText.toString().trim()}`;
const headers = {
  Authorization: "Bearer bench",
  "Requester-Organization-ID": ORG,
  "Target-Organization-ID": ORG,
};
const query = { statuses: ["connected" as const], limit: 10, offset: 0 };

const bare = createFetchClient<paths>({ baseUrl });
const ours = createClient({ baseUrl, organizationId: ORG, token: "bench" });
const contenders: Record<string, () => Promise<unknown>> = {
  "plain fetch": async () => {
    const response = await fetch(`${baseUrl}/host-connections?statuses=connected&limit=10&offset=0`, {
      headers,
    });
    return response.json();
  },
  "bare openapi-fetch": async () =>
    (await bare.GET("/host-connections", { params: { query, header: headers } })).data,
  "@mca/client": () => ours.hostConnections.list(query),
};

async function requestsPerSecond(call: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        await call();
      }
    }),
  );
  return REQUESTS / ((performance.now() - started) / 1000);
}

const results: Record<string, number[]> = Object.fromEntries(
  Object.keys(contenders).map((name) => [name, []]),
);
for (const call of Object.values(contenders)) await requestsPerSecond(call); // warm-up
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, call] of Object.entries(contenders)) results[name]?.push(await requestsPerSecond(call));
}
server.kill();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const medians = Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]));
console.log(
  `GET /host-connections, ${REQUESTS} requests x ${ROUNDS} rounds, ${CONCURRENCY} concurrent, median req/s`,
);
for (const [name, value] of Object.entries(medians))
  console.log(`  ${name.padEnd(20)} ${value.toFixed(0).padStart(7)} req/s`);
const ourRate = medians["@mca/client"] ?? 0;
const vsBare = ourRate / (medians["bare openapi-fetch"] ?? 1);
const vsFetch = ourRate / (medians["plain fetch"] ?? 1);
console.log(`  @mca/client vs bare openapi-fetch: ${(vsBare * 100).toFixed(1)} % (target ≥ 90 %)`);
console.log(`  @mca/client vs plain fetch:        ${(vsFetch * 100).toFixed(1)} % (target ≥ 75 %)`);
const bareVsFetch = (medians["bare openapi-fetch"] ?? 0) / (medians["plain fetch"] ?? 1);
console.log(
  `  bare openapi-fetch vs plain fetch: ${(bareVsFetch * 100).toFixed(1)} % (openapi-fetch's own cost)`,
);
