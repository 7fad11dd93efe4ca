import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The package whose major version follows the API: a breaking spec change needs a major changeset for it. */
export const API_PACKAGE = "@mca/types";

/** True when a pending changeset (`.changeset/*.md`) bumps the API package's major version. */
export function hasMajorChangeset(root: string): boolean {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .some((name) => {
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, name), "utf8"))?.[1] ?? "";
      return new RegExp(`^["']?${API_PACKAGE.replace("/", "\\/")}["']?:\\s*major\\s*$`, "m").test(
        frontMatter,
      );
    });
}
