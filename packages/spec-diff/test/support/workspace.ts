import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A pnpm workspace's manifests in `root`: the root package, `packages/*`, and each package given. */
export function writeWorkspace(root: string, packages: Array<{ name: string; private?: boolean }>): void {
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "root", private: true }));
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  for (const { name, private: isPrivate } of packages) {
    const folder = join(root, "packages", name.replace(/^@[^/]+\//, ""));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "package.json"),
      JSON.stringify({ name, version: "1.0.0-beta.0", ...(isPrivate ? { private: true } : {}) }),
    );
  }
}
