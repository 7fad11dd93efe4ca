import { execFileSync } from "node:child_process";
import type { JsonObject } from "@mca/spec";
import { DiffConfigError } from "./diff-config-error.js";

export const BUNDLE_PATH = "openapi/dist/openapi.json";

/** git's output; a failure is DiffConfigError with git's first line of complaint. */
export function git(args: string[], cwd: string): string {
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
export function gitAnswers(args: string[], cwd: string): boolean {
  try {
    git(args, cwd);
    return true;
  } catch {
    return false;
  }
}

/** The full commit id `ref` names, or undefined when there is no such commit here. */
export function commitOf(root: string, ref: string): string | undefined {
  return gitAnswers(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root)
    ? git(["rev-parse", "--verify", `${ref}^{commit}`], root)
    : undefined;
}

export const isShallow = (root: string): boolean =>
  git(["rev-parse", "--is-shallow-repository"], root) === "true";

export function repositoryRoot(cwd: string): string {
  return git(["rev-parse", "--show-toplevel"], cwd);
}

/** The committed bundle at `commit`; undefined only when that commit has no bundle (the spec is new). */
export function bundleAt(root: string, commit: string): JsonObject | undefined {
  if (!gitAnswers(["cat-file", "-e", `${commit}:${BUNDLE_PATH}`], root)) return undefined;
  const text = git(["show", `${commit}:${BUNDLE_PATH}`], root);
  try {
    return JSON.parse(text) as JsonObject;
  } catch (error) {
    throw new DiffConfigError(
      `${BUNDLE_PATH} at ${commit} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
