import { execFileSync } from "node:child_process";
import type { JsonObject } from "@mca/spec";

export const BUNDLE_PATH = "openapi/dist/openapi.json";

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  } catch {
    return undefined;
  }
}

export function repositoryRoot(cwd: string): string | undefined {
  return git(["rev-parse", "--show-toplevel"], cwd);
}

/** The default base: where this branch left main, or the previous commit when we are on main itself. */
export function defaultBase(root: string): string | undefined {
  const head = git(["rev-parse", "HEAD"], root);
  const mergeBase = git(["merge-base", "HEAD", "main"], root);
  if (mergeBase && mergeBase !== head) return mergeBase;
  return git(["rev-parse", "--verify", "--quiet", "HEAD~1"], root);
}

/** The committed bundle at `ref`, or undefined when that commit has none. */
export function bundleAt(root: string, ref: string): JsonObject | undefined {
  const text = git(["show", `${ref}:${BUNDLE_PATH}`], root);
  return text ? (JSON.parse(text) as JsonObject) : undefined;
}

export function refExists(root: string, ref: string): boolean {
  return git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root) !== undefined;
}
