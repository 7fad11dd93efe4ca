// How fast a schema edit reaches the editor, on scratch copies of the whole workspace, interleaved round by round:
//   dev: file written → regenerated types written, and → type errors printed (one long-lived `pnpm dev`);
//   bare openapi-typescript on the bundle (its CLI, the floor for writing the types);
//   `pnpm generate` after a one-file edit (no cache: the edit changes what it reads).
// Every edit is real: it alternates between making `items` optional (the client's listAll breaks) and restoring it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPOSITORY_ROOT } from "../src/layout.js";
import { workspacePackages } from "../src/workspace.js";
import { type LineReader, lineReader } from "../test/support/line-reader.js";
import { scratchRepository } from "../test/support/scratch-repository.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const LIST_SCHEMA = "openapi/components/schemas/HostConnectionList.yaml";
const TYPES = "packages/types/src/generated/openapi.ts";
const BIN = join(import.meta.dirname, "../bin/mca-regenerate.mjs");
const OPENAPI_TS_CLI = join(REPOSITORY_ROOT, "packages/types/node_modules/openapi-typescript/bin/cli.js");

const folders = workspacePackages(REPOSITORY_ROOT).map((pkg) => relative(REPOSITORY_ROOT, pkg.dir));
const original = readFileSync(join(REPOSITORY_ROOT, LIST_SCHEMA), "utf8");
const broken = original.replace("required:\n  - items\n  - total_items\n", "required:\n  - total_items\n");
const editOf = (round: number) => (round % 2 === 0 ? broken : original);

const figures: Record<string, number[]> = {
  "dev: file written → types written": [],
  "dev: file written → first new type error printed (breaking edits)": [],
  "dev: file written → type-check done, every error printed": [],
  "bare openapi-typescript on the bundle": [],
  "pnpm generate after a one-file edit": [],
};

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function waitForChange(path: string, since: number): Promise<number> {
  for (;;) {
    if (statSync(path).mtimeMs > since) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const devRoot = scratchRepository(folders);
const generateRoot = scratchRepository(folders);
const quiet = { stdio: "ignore" as const, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } };
let dev: ChildProcess | undefined;
try {
  dev = spawn(process.execPath, [BIN, "dev", "--no-mock"], {
    env: { ...process.env, MCA_REPOSITORY_ROOT: devRoot },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: LineReader = lineReader(
    dev.stdout as NonNullable<typeof dev.stdout>,
    dev.stderr as NonNullable<typeof dev.stderr>,
  );
  await output.waitFor(/^watching openapi\/ for changes$/, 0, 300_000);

  for (let round = 0; round < ROUNDS; round++) {
    // dev: the watcher sees the save
    const typesBefore = statSync(join(devRoot, TYPES)).mtimeMs;
    const from = output.lines.length;
    const written = performance.now();
    writeFileSync(join(devRoot, LIST_SCHEMA), editOf(round));
    const typesWritten = await waitForChange(join(devRoot, TYPES), typesBefore);
    if (round % 2 === 0) {
      await output.waitFor(/ error TS\d+: /, from, 120_000);
      figures["dev: file written → first new type error printed (breaking edits)"]?.push(
        performance.now() - written,
      );
    }
    await output.waitFor(/^type-check: /, from, 120_000);
    const errorsPrinted = performance.now();
    await output.waitFor(/^watching openapi\/ for changes$/, from, 120_000);
    figures["dev: file written → types written"]?.push(typesWritten - written);
    figures["dev: file written → type-check done, every error printed"]?.push(errorsPrinted - written);

    figures["bare openapi-typescript on the bundle"]?.push(
      timed(() =>
        execFileSync(
          process.execPath,
          [
            OPENAPI_TS_CLI,
            join(generateRoot, "openapi/dist/openapi.yaml"),
            "--output",
            join(generateRoot, "bench-openapi.ts"),
            "--enum-values",
            "--default-non-nullable",
            "false",
          ],
          quiet,
        ),
      ),
    );

    writeFileSync(join(generateRoot, LIST_SCHEMA), editOf(round));
    figures["pnpm generate after a one-file edit"]?.push(
      timed(() => execFileSync("pnpm", ["-s", "generate"], { ...quiet, cwd: generateRoot })),
    );
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
} finally {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev?.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
  for (const root of [devRoot, generateRoot]) rmSync(root, { recursive: true, force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const targets: Record<string, number> = {
  "dev: file written → types written": 1000,
  "dev: file written → first new type error printed (breaking edits)": 3000,
  "dev: file written → type-check done, every error printed": 3000,
  "pnpm generate after a one-file edit": 4000,
};
process.stdout.write(
  `regeneration bench: ${ROUNDS} interleaved rounds, ${folders.length} workspace packages\n`,
);
for (const [name, values] of Object.entries(figures)) {
  const target = targets[name];
  const verdict =
    target === undefined
      ? ""
      : median(values) <= target
        ? ` (target <= ${ms(target)}: met)`
        : ` (target <= ${ms(target)}: NOT met)`;
  process.stdout.write(
    `  ${name}: median ${ms(median(values))}, range ${ms(Math.min(...values))}-${ms(Math.max(...values))}${verdict}\n`,
  );
}
