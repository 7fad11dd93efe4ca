// The engine's time in the Vitest front end and in the CLI, on the same seed against the same Prism mock,
// interleaved (CLI first in odd rounds, Vitest first in even ones): medians and ranges. The engine's time is the
// run's own clock (runChecks, from the first request to the last verdict) in both; the rest of each process's
// wall time is reported apart: Vitest's start-up (config, workers, transform, collection, reporters) and the
// CLI's (node, spec loading).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startMock } from "@mca/mock";
import { runVitest } from "../dist/testing/run-vitest.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, "..", "test", "fixtures", "vitest-front-end");
const CLI = join(here, "..", "dist", "cli.js");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SEED = 42;
const RUNS = 25;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const figure = (values, unit = "ms") =>
  `median ${median(values).toFixed(0)} ${unit} (range ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

async function cli(baseUrl) {
  const junit = join(mkdtempSync(join(tmpdir(), "mca-bench-")), "cli.xml");
  const started = performance.now();
  await promisify(execFile)(process.execPath, [
    CLI,
    "--base-url",
    baseUrl,
    "--seed",
    String(SEED),
    "--runs",
    String(RUNS),
    "--junit",
    junit,
  ]);
  const wall = performance.now() - started;
  const engine = Number(/<testsuites [^>]*time="([\d.]+)"/.exec(readFileSync(junit, "utf8"))?.[1]) * 1000;
  return { wall, engine };
}

async function vitest(baseUrl) {
  const started = performance.now();
  const run = await runVitest(FIXTURE, [{ baseUrl, seed: SEED, runs: RUNS }]);
  const wall = performance.now() - started;
  if (run.code !== 0) throw new Error(`the Vitest run failed:\n${run.output}`);
  return { wall, engine: run.runs[""].durationMs };
}

const mock = await startMock({ logLevel: "silent" });
try {
  const results = { cli: [], vitest: [] };
  // one warm-up each, not counted: the first run of either pays for cold caches
  await cli(mock.baseUrl);
  await vitest(mock.baseUrl);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ["cli", "vitest"] : ["vitest", "cli"];
    for (const front of order) results[front].push(await (front === "cli" ? cli : vitest)(mock.baseUrl));
  }
  const engine = (front) => results[front].map((run) => run.engine);
  const rest = (front) => results[front].map((run) => run.wall - run.engine);
  const ratios = results.vitest.map((run, index) => run.engine / results.cli[index].engine);
  console.log(
    `contract engine, Vitest front end vs CLI: seed ${SEED}, --runs ${RUNS}, stateless suite against the Prism mock, ${ROUNDS} interleaved rounds`,
  );
  console.log(`  engine in the CLI:             ${figure(engine("cli"))}`);
  console.log(`  engine in the Vitest front end: ${figure(engine("vitest"))}`);
  console.log(
    `  Vitest / CLI engine time:      median ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; target ≤ 1.10)`,
  );
  console.log(`  Vitest's own start-up and reporting (wall − engine): ${figure(rest("vitest"))}`);
  console.log(`  the CLI's start-up (wall − engine):                 ${figure(rest("cli"))}`);
} finally {
  await mock.stop();
}
