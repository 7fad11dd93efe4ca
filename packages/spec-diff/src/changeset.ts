import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages } from "./published-packages.js";
import { type DiffReport, markdownReport } from "./report.js";

export type Bump = "major" | "minor" | "patch";

/** Major for a breaking change, minor for a compatible change to the API's surface, patch for the rest. */
export function bumpFor(report: DiffReport): Bump | undefined {
  if (report.breaking.length > 0) return "major";
  if (report.compatible.some((change) => change.rule !== "documentation-changed")) return "minor";
  return report.compatible.length > 0 ? "patch" : undefined;
}

/**
 * Writes a changeset for every published package (they version together: the fixed group) whose text is the
 * diff's Markdown; returns its path, or undefined when nothing changed.
 */
export function writeChangeset(root: string, report: DiffReport, name: string): string | undefined {
  const bump = bumpFor(report);
  if (!bump) return undefined;
  const path = join(root, ".changeset", `${name}.md`);
  const header = publishedPackages(root)
    .map((pkg) => `"${pkg.name}": ${bump}`)
    .join("\n");
  writeFileSync(path, `---\n${header}\n---\n\n${markdownReport(report)}`);
  return path;
}
