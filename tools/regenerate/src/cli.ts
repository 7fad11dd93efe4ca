// mca-regenerate [all|types|client|dev]: `all` (pnpm generate) lints, bundles and regenerates in one process;
// `types` and `client` regenerate one package's sources from the committed bundle (its turbo `generate` task);
// `dev` watches openapi/.
import { readFileSync } from "node:fs";
import { renderClientResources } from "./client-resources.js";
import { layoutOf, REPOSITORY_ROOT } from "./layout.js";
import { regenerate } from "./regenerate.js";
import { createSpecBuilder } from "./spec-build.js";
import type { JsonObject } from "./spec-operations.js";
import { renderServers, startTypesRenderer } from "./types-output.js";
import { writeIfChanged } from "./write-if-changed.js";

const USAGE = "usage: mca-regenerate [all|types|client|dev]";
const layout = layoutOf(process.env.MCA_REPOSITORY_ROOT ?? REPOSITORY_ROOT);
const command = process.argv[2] ?? "all";

function fail(message: string): never {
  process.stderr.write(`mca-regenerate: ${message}\n`);
  process.exit(1);
}

const readBundle = (): JsonObject => JSON.parse(readFileSync(layout.bundleJson, "utf8")) as JsonObject;

try {
  if (command === "all") {
    const types = startTypesRenderer();
    const result = await regenerate(layout, await createSpecBuilder(layout), types).finally(() =>
      types.close(),
    );
    for (const line of result.warnings) process.stderr.write(`warning ${line}\n`);
    if (result.errors.length > 0) fail(`the spec has lint errors:\n${result.errors.join("\n")}`);
    process.stdout.write(
      `mca-regenerate: ${result.written.length ? `wrote ${result.written.join(", ")}` : "everything was up to date"} (${result.timings.generated} ms)\n`,
    );
  } else if (command === "types") {
    const document = readBundle();
    const types = startTypesRenderer();
    writeIfChanged(layout.types, await types.render(document).finally(() => types.close()));
    writeIfChanged(layout.servers, renderServers(document));
  } else if (command === "client") {
    writeIfChanged(layout.clientResources, renderClientResources(readBundle()));
  } else if (command === "dev") {
    const { runDev } = await import("./dev.js");
    await runDev(layout);
  } else fail(`unknown command "${command}"; ${USAGE}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
