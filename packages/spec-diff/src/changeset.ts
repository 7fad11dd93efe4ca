import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DiffReport, markdownReport } from "./report.js";

/** The packages that version with the API (a fixed group in .changeset/config.json). */
export const PUBLISHED_PACKAGES = ["@mca/types", "@mca/client", "@mca/contract-tests"];

export type Bump = "major" | "minor" | "patch";

/** Major for a breaking change, minor for a compatible change to the API's surface, patch for the rest. */
export function bumpFor(report: DiffReport): Bump | undefined {
  if (report.breaking.length > 0) return "major";
  if (report.compatible.some((change) => change.rule !== "documentation-changed")) return "minor";
  return report.compatible.length > 0 ? "patch" : undefined;
}

/** Writes a changeset whose text is the diff's Markdown; returns its path, or undefined when nothing changed. */
export function writeChangeset(root: string, report: DiffReport, name: string): string | undefined {
  const bump = bumpFor(report);
  if (!bump) return undefined;
  const path = join(root, ".changeset", `${name}.md`);
  const header = PUBLISHED_PACKAGES.map((pkg) => `"${pkg}": ${bump}`).join("\n");
  writeFileSync(path, `---\n${header}\n---\n\n${markdownReport(report)}`);
  return path;
}
