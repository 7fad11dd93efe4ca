import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TARGET_BRANCH_VARIABLES } from "../../src/index.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** git in `cwd`, its output trimmed. */
export const gitIn = (cwd: string, ...args: string[]): string =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** A new repository on `main` with a committer, in a temp folder. */
export function newRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "mca-spec-diff-"));
  gitIn(root, "init", "-q", "-b", "main");
  gitIn(root, "config", "user.email", "ci@example.com");
  gitIn(root, "config", "user.name", "ci");
  return root;
}

/** Writes `document` as the bundle in the working tree (openapi/dist/openapi.json). */
export function writeBundle(root: string, document: unknown): void {
  mkdirSync(join(root, "openapi", "dist"), { recursive: true });
  writeFileSync(join(root, "openapi", "dist", "openapi.json"), JSON.stringify(document));
}

/** Writes and commits `document` as the bundle; the new commit's id. */
export function commitBundle(root: string, document: unknown, message: string): string {
  writeBundle(root, document);
  gitIn(root, "add", ".");
  gitIn(root, "commit", "-q", "-m", message);
  return gitIn(root, "rev-parse", "HEAD");
}

/** `git clone <flags> file://source` into a temp folder. */
export function cloneOf(source: string, ...flags: string[]): string {
  const target = mkdtempSync(join(tmpdir(), "mca-spec-diff-clone-"));
  execFileSync("git", ["clone", "-q", ...flags, `file://${source}`, target], { stdio: "ignore" });
  return target;
}

/**
 * The CLI in `cwd`, as CI would run it with `env` on top of this process's environment, minus any pull-request
 * target this test run itself may be under (a CI job sets GITHUB_BASE_REF for everything it starts).
 */
export function runCli(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  for (const variable of TARGET_BRANCH_VARIABLES) delete inherited[variable];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
