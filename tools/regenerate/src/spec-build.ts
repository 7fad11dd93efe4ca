// Lint and bundle in-process with Redocly's API: the config is loaded once, every build resolves the files afresh.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  BaseResolver,
  bundleDocument,
  type Config,
  getLineColLocation,
  lintDocument,
  loadConfig,
  type NormalizedProblem,
  parseYaml,
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

/** The spec's own YAML files: not the bundle, the copied docs pages or the tests. */
function specFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ya?ml$/.test(name) && !/^(dist|sources|test|node_modules)\//.test(name))
    .map((name) => join(dir, name));
}

/**
 * Files that are not YAML at all, `file:line:col YAML: reason`. Checked before linting: a rule plugin walks the
 * `$ref`s and cannot judge a file that does not parse.
 */
function yamlErrors(layout: Layout): string[] {
  return specFiles(layout.specDir).flatMap((file) => {
    try {
      parseYaml(readFileSync(file, "utf8"));
      return [];
    } catch (error) {
      const { mark, reason, message } = error as {
        mark?: { line: number; column: number };
        reason?: string;
        message: string;
      };
      const where = mark ? `:${mark.line + 1}:${mark.column + 1}` : "";
      return [`${relative(layout.root, file)}${where} YAML: ${reason ?? message}`];
    }
  });
}

export interface SpecBuilder {
  build(): Promise<SpecBuild>;
}

export async function createSpecBuilder(layout: Layout): Promise<SpecBuilder> {
  const config: Config = await loadConfig({ configPath: layout.redoclyConfig });
  return {
    async build() {
      const unparsable = yamlErrors(layout);
      if (unparsable.length > 0) return { errors: unparsable, warnings: [] };
      try {
        return await lintAndBundle();
      } catch (error) {
        return {
          errors: [`openapi: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
          warnings: [],
        };
      }
    },
  };

  async function lintAndBundle(): Promise<SpecBuild> {
    const resolver = new BaseResolver(config.resolve);
    const document = await resolver.resolveDocument(null, layout.entry, true);
    if (!("parsed" in document))
      return { errors: [`${relative(layout.root, layout.entry)}: ${document.message}`], warnings: [] };
    const problems = await lintDocument({
      document,
      externalRefResolver: resolver,
      config: config.styleguide,
    });
    const lines = (severity: string) =>
      problems
        .filter((problem) => problem.severity === severity)
        .map((problem) => problemLine(layout.root, problem));
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
  }
}
