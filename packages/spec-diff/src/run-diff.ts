import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type JsonObject, resolveRef } from "@mca/spec";
import { hasMajorChangeset } from "./acknowledgement.js";
import { resolveBase } from "./base.js";
import { DiffConfigError } from "./diff-config-error.js";
import { BUNDLE_PATH, bundleAt, repositoryRoot } from "./git.js";
import type { DiffReport } from "./report.js";
import { diffSpecs, majorVersion } from "./spec-diff.js";

/**
 * Compares the committed bundle at the base (`base` when given, else see resolveBase) with the working tree's
 * bundle; `env` is where CI names a pull request's target branch.
 */
export function runDiff(
  cwd: string,
  base?: string,
  env: NodeJS.ProcessEnv = process.env,
): DiffReport & { root: string } {
  const root = repositoryRoot(cwd);
  const chosen = resolveBase(root, base, env);
  let head: JsonObject;
  try {
    head = JSON.parse(readFileSync(join(root, BUNDLE_PATH), "utf8")) as JsonObject;
  } catch (error) {
    throw new DiffConfigError(
      `${BUNDLE_PATH} is missing or not JSON (run pnpm bundle): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const before = chosen ? bundleAt(root, chosen.commit) : undefined;
  const found = chosen ? { base: chosen } : {};
  if (!before) return { ...found, root, breaking: [], compatible: [], acknowledged: true, skipped: true };
  const changes = diffSpecs(before, head);
  const version = (document: JsonObject) => String(resolveRef(document, document.info).version ?? "");
  const majorBump = (majorVersion(head) ?? 0) > (majorVersion(before) ?? 0);
  return {
    ...found,
    root,
    breaking: changes.filter((change) => change.breaking),
    compatible: changes.filter((change) => !change.breaking),
    acknowledged: majorBump || hasMajorChangeset(root),
    baseVersion: version(before),
    headVersion: version(head),
    skipped: false,
  };
}
