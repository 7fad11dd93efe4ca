import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The package whose major version follows the API: a breaking spec change needs a major changeset for it. */
export const API_PACKAGE = "@mca/types";

/**
 * The changesets a pre-mode release already applied: in pre mode (`.changeset/pre.json`) `changeset version`
 * keeps their files until `changeset pre exit`, so their presence says nothing about the change under review.
 */
function consumedInPreMode(dir: string): Set<string> {
  const path = join(dir, "pre.json");
  if (!existsSync(path)) return new Set();
  const state = JSON.parse(readFileSync(path, "utf8")) as { mode?: string; changesets?: string[] };
  return new Set(state.mode === "pre" ? (state.changesets ?? []) : []);
}

/** True when a pending changeset (`.changeset/*.md`, not yet applied) bumps the API package's major version. */
export function hasMajorChangeset(root: string): boolean {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return false;
  const consumed = consumedInPreMode(dir);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md" && !consumed.has(name.slice(0, -3)))
    .some((name) => {
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, name), "utf8"))?.[1] ?? "";
      return new RegExp(`^["']?${API_PACKAGE.replace("/", "\\/")}["']?:\\s*major\\s*$`, "m").test(
        frontMatter,
      );
    });
}
