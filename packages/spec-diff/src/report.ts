import type { Change } from "./change.js";

export interface DiffReport {
  breaking: Change[];
  compatible: Change[];
  acknowledged: boolean;
  baseVersion?: string;
  headVersion?: string;
  /** True when there was nothing to compare with: the spec did not exist at the base. */
  skipped?: boolean;
}

const line = (change: Change) =>
  `${change.operation} — ${change.location}: ${change.message} [${change.rule}]`;

export function humanReport(report: DiffReport): string {
  if (report.skipped) return "spec:diff: not judged: no spec at the base to compare with";
  const lines = [
    `spec:diff: ${report.breaking.length} breaking, ${report.compatible.length} compatible change(s)`,
  ];
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

export function markdownReport(report: DiffReport): string {
  const table = (changes: Change[]) =>
    [
      "| operation | where | change |",
      "|---|---|---|",
      ...changes.map((change) => `| \`${change.operation}\` | ${change.location} | ${change.message} |`),
    ].join("\n");
  const parts = [
    `### API changes (${report.breaking.length} breaking, ${report.compatible.length} compatible)`,
  ];
  if (report.breaking.length) parts.push("#### Breaking for clients", table(report.breaking));
  if (report.compatible.length) parts.push("#### Compatible", table(report.compatible));
  return `${parts.join("\n\n")}\n`;
}

export function jsonReport(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
