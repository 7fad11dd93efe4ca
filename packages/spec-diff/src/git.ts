import { execFileSync } from "node:child_process";
import type { JsonObject } from "@mca/spec";
import { DiffConfigError } from "./diff-config-error.js";

export const BUNDLE_PATH = "openapi/dist/openapi.json";

/** git's output; a failure is DiffConfigError with git's first line of complaint. */
function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new DiffConfigError(
      `git ${args[0]} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`,
    );
  }
}

/** A yes/no question to git (a commit exists, a path exists in it): false when git says no. */
function gitAnswers(args: string[], cwd: string): boolean {
  try {
    git(args, cwd);
    return true;
  } catch {
    return false;
  }
}

export function repositoryRoot(cwd: string): string {
  return git(["rev-parse", "--show-toplevel"], cwd);
}

/**
 * The default base: where this branch left main, or the previous commit when we are on main itself; undefined
 * only for a repository whose first commit this is. A shallow clone that lacks the base is an error, never a pass.
 */
export function defaultBase(root: string): string | undefined {
  if (!gitAnswers(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root)) return undefined;
  const head = git(["rev-parse", "HEAD"], root);
  const mergeBase = gitAnswers(["merge-base", "HEAD", "main"], root)
    ? git(["merge-base", "HEAD", "main"], root)
    : undefined;
  if (mergeBase && mergeBase !== head) return mergeBase;
  if (gitAnswers(["rev-parse", "--verify", "--quiet", "HEAD~1^{commit}"], root))
    return git(["rev-parse", "HEAD~1"], root);
  if (git(["rev-parse", "--is-shallow-repository"], root) === "true")
    throw new DiffConfigError(
      "shallow clone: the base commit is not here; fetch it (git fetch --deepen=1) or pass --base <ref>",
    );
  return undefined;
}

/** The committed bundle at `ref`; undefined only when that commit exists and has no bundle (the spec is new). */
export function bundleAt(root: string, ref: string): JsonObject | undefined {
  if (!gitAnswers(["cat-file", "-e", `${ref}^{commit}`], root))
    throw new DiffConfigError(`--base ${ref}: no such commit here (a shallow clone? fetch it first)`);
  if (!gitAnswers(["cat-file", "-e", `${ref}:${BUNDLE_PATH}`], root)) return undefined;
  const text = git(["show", `${ref}:${BUNDLE_PATH}`], root);
  try {
    return JSON.parse(text) as JsonObject;
  } catch (error) {
    throw new DiffConfigError(
      `${BUNDLE_PATH} at ${ref} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
