// Lint and bundle in-process with Redocly's API: the config is loaded once, every build resolves the files afresh.
import { relative } from "node:path";
import {
  BaseResolver,
  bundleDocument,
  type Config,
  getLineColLocation,
  lintDocument,
  loadConfig,
  type NormalizedProblem,
  stringifyYaml,
} from "@redocly/openapi-core";
import type { Layout } from "./layout.js";
import type { JsonObject } from "./spec-operations.js";

export interface SpecBuild {
  /** Lint errors (severity error), one line each: `file:line:col rule message`. */
  errors: string[];
  warnings: string[];
  /** Absent when the spec has lint errors: nothing downstream is regenerated from a broken spec. */
  bundle?: { document: JsonObject; json: string; yaml: string };
}

function problemLine(root: string, problem: NormalizedProblem): string {
  const location = problem.location[0];
  const where = location
    ? (() => {
        const { start } = getLineColLocation(location);
        return `${relative(root, location.source.absoluteRef)}:${start.line}:${start.col}`;
      })()
    : "openapi";
  return `${where} ${problem.ruleId}: ${problem.message}`;
}

export interface SpecBuilder {
  build(): Promise<SpecBuild>;
}

export async function createSpecBuilder(layout: Layout): Promise<SpecBuilder> {
  const config: Config = await loadConfig({ configPath: layout.redoclyConfig });
  return {
    async build() {
      const resolver = new BaseResolver(config.resolve);
      const document = await resolver.resolveDocument(null, layout.entry, true);
      if (!("parsed" in document))
        return { errors: [`${relative(layout.root, layout.entry)}: ${document.message}`], warnings: [] };
      const problems = await lintDocument({ document, externalRefResolver: resolver, config: config.styleguide });
      const lines = (severity: string) =>
        problems.filter((problem) => problem.severity === severity).map((problem) => problemLine(layout.root, problem));
      const errors = lines("error");
      const warnings = lines("warn");
      if (errors.length > 0) return { errors, warnings };
      const { bundle, problems: bundleProblems } = await bundleDocument({
        document,
        externalRefResolver: resolver,
        config: config.styleguide,
      });
      const bundleErrors = bundleProblems
        .filter((problem) => problem.severity === "error")
        .map((problem) => problemLine(layout.root, problem));
      if (bundleErrors.length > 0) return { errors: bundleErrors, warnings };
      const parsed = bundle.parsed as JsonObject;
      return {
        errors,
        warnings,
        // the same bytes as `redocly bundle` writes (JSON with two-space indent, YAML without refs or folding)
        bundle: {
          document: parsed,
          json: JSON.stringify(parsed, null, 2),
          yaml: stringifyYaml(parsed, { noRefs: true, lineWidth: -1 }),
        },
      };
    },
  };
}
