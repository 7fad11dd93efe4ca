// `pnpm dev`: one long-lived process that watches openapi/ and, on every save, lints, bundles and regenerates
// in-process, re-type-checks the dependent packages incrementally, prints spec:diff's verdict of the save and
// restarts the mock on the new bundle. A broken save prints its lint errors and the watch goes on.
import { type FSWatcher, watch } from "node:fs";
import { parseArgs } from "node:util";
import type { Layout } from "./layout.js";
import { type MockProcess, mockProcess } from "./mock-process.js";
import { regenerate } from "./regenerate.js";
import { createSpecBuilder } from "./spec-build.js";
import type { JsonObject } from "./spec-operations.js";
import { createTypeCheck, formatTypeError, type TypeCheck } from "./type-check.js";
import { startTypesRenderer } from "./types-output.js";
import { dependentsOf, workspacePackages } from "./workspace.js";

/** The packages whose sources are generated: their dependents are the ones to re-type-check. */
const GENERATED_PACKAGES = ["@mca/types", "@mca/client"];
const DEBOUNCE_MS = 20;
/** What the spec is made of; the bundle, the copied sources and the tests are not. */
const SPEC_FILE = /\.(ya?ml|json)$/;
const NOT_SPEC = /^(dist|sources|test|node_modules|test-results)\//;

const USAGE = "usage: mca-regenerate dev [--port P] [--no-mock] [--no-typecheck]";

/** The verdict of one save, spec:diff's words: `breaking: …`, `compatible: …` or no change. */
async function verdictOf(before: JsonObject, after: JsonObject): Promise<string> {
  try {
    const { diffSpecs } = await import("@mca/spec-diff");
    type Spec = Parameters<typeof diffSpecs>[0];
    const changes = diffSpecs(before as Spec, after as Spec);
    if (changes.length === 0) return "spec:diff: no API change";
    const listed = (breaking: boolean) =>
      changes
        .filter((change) => change.breaking === breaking)
        .map((change) => `${change.operation} ${change.location}: ${change.message} [${change.rule}]`);
    const breaking = listed(true);
    return breaking.length > 0
      ? `spec:diff: breaking: ${breaking.join("; ")}`
      : `spec:diff: compatible: ${listed(false).join("; ")}`;
  } catch (error) {
    return `spec:diff: not judged (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
}

export async function runDev(layout: Layout, argv = process.argv.slice(3)): Promise<void> {
  let values: { port: string; "no-mock": boolean; "no-typecheck": boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: process.env.MOCK_PORT ?? "4010" },
        "no-mock": { type: "boolean", default: false },
        "no-typecheck": { type: "boolean", default: false },
      },
    }).values as typeof values;
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${USAGE}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`--port must be 1-65535; ${USAGE}`);
  const print = (line: string) => process.stdout.write(`${line}\n`);

  const types = startTypesRenderer();
  const builder = await createSpecBuilder(layout);
  const all = workspacePackages(layout.root);
  const dependents = dependentsOf(all, GENERATED_PACKAGES);
  const typeCheck: TypeCheck | undefined = values["no-typecheck"]
    ? undefined
    : createTypeCheck(layout.root, dependents, all, GENERATED_PACKAGES);
  const mock: MockProcess | undefined = values["no-mock"] ? undefined : mockProcess(layout.root, port);
  let current: JsonObject | undefined;

  async function checkTypes() {
    if (!typeCheck) return;
    const result = typeCheck.run((error) => print(formatTypeError(error)));
    print(
      `type-check: ${result.errors.length} error(s) (${result.fresh.length} new, ${result.gone} fixed) in ${result.packages} dependent package(s), ${result.ms} ms`,
    );
  }

  async function restartMock() {
    if (!mock) return print("mock: not started (apps/mock is not built, or --no-mock)");
    const started = performance.now();
    try {
      const url = await mock.restart();
      print(`mock: serving the new bundle at ${url} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      print(`mock: did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function onSave(first: boolean) {
    const result = await regenerate(layout, builder, types);
    for (const line of result.warnings) print(`warning ${line}`);
    if (!result.document) {
      print(`lint: ${result.errors.length} error(s); nothing regenerated, still watching`);
      for (const line of result.errors) print(`  ${line}`);
      return;
    }
    print(
      `regenerated in ${result.timings.generated} ms (lint + bundle ${result.timings.lintAndBundle} ms): ${
        result.written.length ? `wrote ${result.written.join(", ")}` : "no generated file changed"
      }`,
    );
    await checkTypes();
    if (!first && current) print(await verdictOf(current, result.document));
    current = result.document;
    await restartMock();
  }

  // saves are queued: a save during a run starts one more run after it, never two at once
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(async () => {
        pending = false;
        await onSave(false).catch((error: unknown) =>
          print(`dev: ${error instanceof Error ? error.message : error}`),
        );
        print("watching openapi/ for changes");
      });
    }, DEBOUNCE_MS);
  };

  await onSave(true);
  const watcher: FSWatcher = watch(layout.specDir, { recursive: true }, (_event, filename) => {
    const name = filename?.toString().replaceAll("\\", "/");
    if (name && SPEC_FILE.test(name) && !NOT_SPEC.test(name)) schedule();
  });
  print("watching openapi/ for changes");

  await new Promise<void>((resolve) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      void running
        .then(() => mock?.stop())
        .then(() => types.close())
        .then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
