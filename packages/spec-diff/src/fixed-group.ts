import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { publishedPackages } from "./published-packages.js";

/** changesets' configuration; its `fixed` group is written from the manifests (biome leaves the file alone). */
export const CHANGESET_CONFIG = ".changeset/config.json";

interface ChangesetConfig {
  fixed?: string[][];
  [key: string]: unknown;
}

const readConfig = (root: string) =>
  JSON.parse(readFileSync(join(root, CHANGESET_CONFIG), "utf8")) as ChangesetConfig;

/** The fixed group the manifests call for: every published package, versioned together. */
export const wantedFixedGroup = (root: string): string[][] => [
  publishedPackages(root).map(({ name }) => name),
];

/** Why the committed fixed group is not the published packages, in one line; undefined when it is. */
export function fixedGroupDrift(root: string): string | undefined {
  const wanted = wantedFixedGroup(root);
  const fixed = readConfig(root).fixed ?? [];
  if (isDeepStrictEqual(fixed, wanted)) return undefined;
  return `${CHANGESET_CONFIG}: the fixed group is ${JSON.stringify(fixed)}, the published packages (manifests without "private": true) are ${JSON.stringify(wanted)}: run pnpm release:group`;
}

/** Writes the fixed group from the manifests, keeping the rest of the configuration; true when it changed. */
export function writeFixedGroup(root: string): boolean {
  const config = readConfig(root);
  const wanted = wantedFixedGroup(root);
  if (isDeepStrictEqual(config.fixed, wanted)) return false;
  writeFileSync(join(root, CHANGESET_CONFIG), `${JSON.stringify({ ...config, fixed: wanted }, null, 2)}\n`);
  return true;
}
