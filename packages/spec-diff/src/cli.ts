#!/usr/bin/env node
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { writeChangeset } from "./changeset.js";
import { DiffConfigError } from "./diff-config-error.js";
import { humanReport, jsonReport, markdownReport } from "./report.js";
import { runDiff } from "./run-diff.js";

const USAGE = `Usage: mca-spec-diff [--base <git-ref>] [--format human|markdown|json] [--markdown <file>] [--json <file>] [--write-changeset]
  Compares openapi/dist/openapi.json at the base commit with the working tree's; every report names the base.
  Default base: the merge base of HEAD and the pull request's target branch (GITHUB_BASE_REF, or GitLab's
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME; origin/<branch>, else <branch>), else origin/HEAD, else main; the
  previous commit when HEAD is on that branch. No base found: exit 2 (pass --base, or fetch the target).
  Exit 0: no unacknowledged breaking change; 1: a breaking change without a major bump of info.version or a
  major changeset for @mca/types; 2: it could not judge (one line says why). --write-changeset writes
  .changeset/spec-*.md with the bump the diff calls for and the changes as its changelog text.`;

try {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      format: { type: "string", default: "human" },
      markdown: { type: "string" },
      json: { type: "string" },
      "write-changeset": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const formats = { human: humanReport, markdown: markdownReport, json: jsonReport };
  const format = formats[values.format as keyof typeof formats];
  if (!format) throw new DiffConfigError(`--format must be human, markdown or json, got "${values.format}"`);
  const report = runDiff(process.cwd(), values.base);
  if (report.skipped)
    process.stderr.write(`mca-spec-diff: ${humanReport(report).replace(/^spec:diff: /, "")}\n`);
  process.stdout.write(`${format(report)}\n`);
  if (values.markdown) writeFileSync(values.markdown, markdownReport(report));
  if (values.json) writeFileSync(values.json, jsonReport(report));
  if (values["write-changeset"]) {
    const written = writeChangeset(report.root, report, `spec-${Date.now().toString(36)}`);
    process.stderr.write(
      written ? `mca-spec-diff: wrote ${written}\n` : "mca-spec-diff: no API change, no changeset\n",
    );
  }
  process.exit(report.breaking.length > 0 && !report.acknowledged ? 1 : 0);
} catch (error) {
  process.stderr.write(`mca-spec-diff: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
