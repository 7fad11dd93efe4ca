// A scratch copy of part of the repository: the tracked files of the folders asked for, their built dist/ (and
// @mca/spec's bundle/), and their node_modules as the symlinks pnpm made (relative ones land inside the copy; the
// root node_modules is linked to the real one). Generation and the mock then write and read only the copy.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPOSITORY_ROOT } from "../../src/layout.js";

const BUILT = ["dist", "bundle", "node_modules"];
const ROOT_FILES = ["tsconfig.base.json", "package.json", "pnpm-workspace.yaml", "turbo.json"];

export function scratchRepository(folders: string[]): string {
  const scratch = mkdtempSync(join(tmpdir(), "mca-regenerate-"));
  const tracked = execFileSync("git", ["ls-files", "-z", "--", ...folders, ...ROOT_FILES], {
    cwd: REPOSITORY_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((file) => file && existsSync(join(REPOSITORY_ROOT, file)));
  for (const file of tracked) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(REPOSITORY_ROOT, file), join(scratch, file));
  }
  for (const folder of folders)
    for (const built of BUILT) {
      const source = join(REPOSITORY_ROOT, folder, built);
      if (existsSync(source))
        cpSync(source, join(scratch, folder, built), { recursive: true, verbatimSymlinks: true });
    }
  symlinkSync(join(REPOSITORY_ROOT, "node_modules"), join(scratch, "node_modules"));
  return scratch;
}

/** The folders a regeneration, the client's type-check and the mock need. */
export const REGENERATION_FOLDERS = [
  "openapi",
  "packages/spec",
  "packages/types",
  "packages/client",
  "packages/pipeline",
  "apps/mock",
];
