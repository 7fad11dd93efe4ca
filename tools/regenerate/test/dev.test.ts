// `pnpm dev` on a scratch copy of the repository: a broken save prints its lint error and the watch goes on; the
// next save regenerates, prints the new type error at its call site and spec:diff's verdict, and restarts the mock.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "@mca/pipeline/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LineReader, lineReader } from "./support/line-reader.js";
import { REGENERATION_FOLDERS, scratchRepository } from "./support/scratch-repository.js";

const BIN = join(import.meta.dirname, "../bin/mca-regenerate.mjs");
const LIST_SCHEMA = "openapi/components/schemas/HostConnectionList.yaml";
const WATCHING = /^watching openapi\/ for changes$/;

let scratch: string;
let dev: ChildProcess;
let output: LineReader;
let port: number;
let original: string;

beforeAll(async () => {
  scratch = scratchRepository(REGENERATION_FOLDERS);
  port = await findFreePort();
  original = readFileSync(join(scratch, LIST_SCHEMA), "utf8");
  dev = spawn(process.execPath, [BIN, "dev", "--port", String(port)], {
    env: { ...process.env, MCA_REPOSITORY_ROOT: scratch },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  output = lineReader(
    dev.stdout as NonNullable<typeof dev.stdout>,
    dev.stderr as NonNullable<typeof dev.stderr>,
  );
  await output.waitFor(WATCHING, 0, 110_000);
});

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Saves a file of the scratch spec and returns the index of the first line printed after it. */
function save(file: string, text: string): number {
  const from = output.lines.length;
  writeFileSync(join(scratch, file), text);
  return from;
}

describe("pnpm dev", () => {
  it("starts the mock on the bundle", async () => {
    const { line } = await output.waitFor(/^mock: serving the new bundle at /, 0);
    expect(line).toContain(`http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/host-connections`)).status).toBe(401);
  });

  it("prints the lint error of a broken save and keeps watching", async () => {
    const from = save(LIST_SCHEMA, `${original}  broken: [\n`);
    const { index } = await output.waitFor(/^lint: 1 error\(s\); nothing regenerated, still watching$/, from);
    // the error is its own write: wait for it rather than read a line that may not have arrived yet
    const error = await output.waitFor(
      /^ {2}openapi\/components\/schemas\/HostConnectionList\.yaml:\d+:\d+ /,
      index,
    );
    expect(error.index).toBe(index + 1);
    expect(error.line).toMatch(/ YAML: /);
    await output.waitFor(WATCHING, index);
    expect(dev.exitCode).toBeNull();
  });

  it("regenerates the next save: the new type error at its call site, spec:diff's verdict, the mock restarted", async () => {
    // `items` no longer required: the client's listAll reads `page.items`, which may now be undefined
    const from = save(
      LIST_SCHEMA,
      original.replace("required:\n  - items\n  - total_items\n", "required:\n  - total_items\n"),
    );
    await output.waitFor(
      /^regenerated in \d+ ms .*wrote .*packages\/types\/src\/generated\/openapi\.ts/,
      from,
    );
    const { index } = await output.waitFor(
      /^packages\/client\/src\/resources\/host-connections\.ts:\d+:\d+ error TS\d+:/,
      from,
    );
    // the call site: the source line the error points at, printed under it
    expect(output.lines[index + 1]).toBe("    yield* page.items;");
    await output.waitFor(/^type-check: \d+ error\(s\) \([1-9]\d* new, 0 fixed\)/, from);
    await output.waitFor(/^spec:diff: breaking: GET \/host-connections .*items/, from);
    await output.waitFor(/^mock: serving the new bundle at /, from);
    await output.waitFor(WATCHING, from);
  });

  it("is still regenerating: the save that puts the spec back fixes the error", async () => {
    const from = save(LIST_SCHEMA, original);
    await output.waitFor(/^regenerated in \d+ ms/, from);
    await output.waitFor(/^type-check: \d+ error\(s\) \(0 new, [1-9]\d* fixed\)/, from);
    await output.waitFor(/^spec:diff: compatible: /, from);
    expect(readFileSync(join(scratch, "packages/types/src/generated/openapi.ts"), "utf8")).toBe(
      readFileSync(join(import.meta.dirname, "../../../packages/types/src/generated/openapi.ts"), "utf8"),
    );
  });
});
