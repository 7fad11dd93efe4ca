import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type JsonObject, resolveRef } from "@mca/spec";
import { hasMajorChangeset } from "./acknowledgement.js";
import { BUNDLE_PATH, bundleAt, defaultBase, refExists, repositoryRoot } from "./git.js";
import type { DiffReport } from "./report.js";
import { diffSpecs, majorVersion } from "./spec-diff.js";

export class DiffConfigError extends Error {
  override readonly name = "DiffConfigError";
}

/** Compares the committed bundle at `base` (default: see defaultBase) with the working tree's bundle. */
export function runDiff(cwd: string, base?: string): DiffReport & { base: string | undefined; root: string } {
  const root = repositoryRoot(cwd);
  if (!root) throw new DiffConfigError("not inside a git repository");
  const ref = base ?? defaultBase(root);
  if (base !== undefined && !refExists(root, base))
    throw new DiffConfigError(`--base ${base}: no such commit`);
  let head: JsonObject;
  try {
    head = JSON.parse(readFileSync(join(root, BUNDLE_PATH), "utf8")) as JsonObject;
  } catch {
    throw new DiffConfigError(`${BUNDLE_PATH} is missing: run pnpm bundle first`);
  }
  const before = ref ? bundleAt(root, ref) : undefined;
  if (!before) return { base: ref, root, breaking: [], compatible: [], acknowledged: true };
  const changes = diffSpecs(before, head);
  const version = (document: JsonObject) => String(resolveRef(document, document.info).version ?? "");
  const majorBump = (majorVersion(head) ?? 0) > (majorVersion(before) ?? 0);
  return {
    base: ref,
    root,
    breaking: changes.filter((change) => change.breaking),
    compatible: changes.filter((change) => !change.breaking),
    acknowledged: majorBump || hasMajorChangeset(root),
    baseVersion: version(before),
    headVersion: version(head),
  };
}
