// One regeneration: spec → lint → bundle → types, servers, client resources. Each output is written only when it
// changed; the timings say where the time went.
import { join, relative } from "node:path";
import { renderClientResources } from "./client-resources.js";
import type { Layout } from "./layout.js";
import type { SpecBuilder } from "./spec-build.js";
import type { JsonObject } from "./spec-operations.js";
import { renderServers, type TypesRenderer } from "./types-output.js";
import { writeIfChanged } from "./write-if-changed.js";

export interface Regeneration {
  errors: string[];
  warnings: string[];
  document?: JsonObject;
  /** Outputs that changed, relative to the root. */
  written: string[];
  /** Milliseconds from the start of the regeneration to the end of each step. */
  timings: { lintAndBundle: number; generated: number };
}

/** The outputs generated from a bundle (types, servers, client resources), written if they changed. */
export async function writeGeneratedSources(
  layout: Layout,
  document: JsonObject,
  types: TypesRenderer,
): Promise<string[]> {
  const written: string[] = [];
  const write = (path: string, text: string) => {
    if (writeIfChanged(path, text)) written.push(relative(layout.root, path));
  };
  write(layout.types, await types.render(document));
  write(layout.servers, renderServers(document));
  write(layout.clientResources, renderClientResources(document));
  return written;
}

export async function regenerate(
  layout: Layout,
  builder: SpecBuilder,
  types: TypesRenderer,
): Promise<Regeneration> {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const build = await builder.build();
  const lintAndBundle = since();
  if (!build.bundle)
    return {
      errors: build.errors,
      warnings: build.warnings,
      written: [],
      timings: { lintAndBundle, generated: lintAndBundle },
    };
  const written: string[] = [];
  const write = (path: string, text: string) => {
    if (writeIfChanged(path, text)) written.push(relative(layout.root, path));
  };
  const { document, json, yaml } = build.bundle;
  write(layout.bundleJson, json);
  write(layout.bundleYaml, yaml);
  write(join(layout.specPackageBundle, "openapi.json"), json);
  write(join(layout.specPackageBundle, "openapi.yaml"), yaml);
  written.push(...(await writeGeneratedSources(layout, document, types)));
  return {
    errors: [],
    warnings: build.warnings,
    document,
    written,
    timings: { lintAndBundle, generated: since() },
  };
}
