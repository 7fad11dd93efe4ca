import type { Base } from "./base.js";
import type { Change } from "./change.js";

export interface DiffReport {
  /** The commit compared with; absent only when there is none (the repository's first commit). */
  base?: Base;
  breaking: Change[];
  compatible: Change[];
  acknowledged: boolean;
  baseVersion?: string;
  headVersion?: string;
  /** True when there was nothing to compare with: no base commit, or the spec did not exist at it. */
  skipped?: boolean;
}

const line = (change: Change) =>
  `${change.operation} — ${change.location}: ${change.message} [${change.rule}]`;

/** `1a2b3c4d5e6f "subject" (how it was chosen)`, the same words in every format. */
const baseText = (base: Base, code: (text: string) => string = (text) => text) =>
  `${code(base.commit.slice(0, 12))} "${base.subject}" (${base.reason})`;

/** Why nothing was judged, in one sentence. */
const notJudged = (report: DiffReport, code?: (text: string) => string) =>
  report.base
    ? `no spec at the base ${baseText(report.base, code)} to compare with`
    : "no base commit: this is the repository's first commit";

export function humanReport(report: DiffReport): string {
  if (report.skipped) return `spec:diff: not judged: ${notJudged(report)}`;
  const lines = [
    `spec:diff: ${report.breaking.length} breaking, ${report.compatible.length} compatible change(s)`,
  ];
  if (report.base) lines.push(`Base: ${baseText(report.base)}`);
  if (report.breaking.length)
    lines.push("", "Breaking for clients:", ...report.breaking.map((change) => `  ✗ ${line(change)}`));
  if (report.compatible.length)
    lines.push("", "Compatible:", ...report.compatible.map((change) => `  ✓ ${line(change)}`));
  if (report.breaking.length) {
    lines.push(
      "",
      report.acknowledged
        ? "Acknowledged: info.version has a new major version or a major changeset names @mca/types."
        : "Not acknowledged: bump the major of info.version in openapi/openapi.yaml, or add a major changeset for @mca/types.",
    );
  }
  return lines.join("\n");
}

const code = (text: string) => `\`${text}\``;

export function markdownReport(report: DiffReport): string {
  if (report.skipped) return `### API changes: not judged\n\n${notJudged(report, code)}.\n`;
  const table = (changes: Change[]) =>
    [
      "| operation | where | change |",
      "|---|---|---|",
      ...changes.map((change) => `| \`${change.operation}\` | ${change.location} | ${change.message} |`),
    ].join("\n");
  const parts = [
    `### API changes (${report.breaking.length} breaking, ${report.compatible.length} compatible)`,
  ];
  if (report.base) parts.push(`Compared with ${baseText(report.base, code)}.`);
  if (report.breaking.length) parts.push("#### Breaking for clients", table(report.breaking));
  if (report.compatible.length) parts.push("#### Compatible", table(report.compatible));
  return `${parts.join("\n\n")}\n`;
}

export function jsonReport(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
