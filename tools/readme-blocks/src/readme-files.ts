import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every README the repository tracks, as paths from its root. */
export function readmeFiles(): string[] {
  return execFileSync("git", ["ls-files", "*README.md"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}
