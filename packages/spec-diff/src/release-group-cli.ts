#!/usr/bin/env node
import { parseArgs } from "node:util";
import { CHANGESET_CONFIG, fixedGroupDrift, wantedFixedGroup, writeFixedGroup } from "./fixed-group.js";
import { workspaceRoot } from "./published-packages.js";

const USAGE = `Usage: mca-release-group [--check]
  Writes the changesets fixed group (${CHANGESET_CONFIG}) from the workspace's manifests: every package whose
  package.json is not "private": true. --check only says whether it is current (exit 1 and one line when not).`;

try {
  const { values } = parseArgs({
    options: { check: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  const root = workspaceRoot(process.cwd());
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
  } else if (values.check) {
    const drift = fixedGroupDrift(root);
    process.stderr.write(drift ? `mca-release-group: ${drift}\n` : "");
    process.exit(drift ? 1 : 0);
  } else {
    const changed = writeFixedGroup(root);
    const [group = []] = wantedFixedGroup(root);
    process.stdout.write(
      `${CHANGESET_CONFIG}: fixed group ${changed ? "written" : "already"}: ${group.join(", ")}\n`,
    );
  }
} catch (error) {
  process.stderr.write(`mca-release-group: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
