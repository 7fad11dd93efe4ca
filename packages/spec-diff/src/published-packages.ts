import { relative } from "node:path";
import { getPackagesSync } from "@manypkg/get-packages";

/** A workspace package that is published: its manifest does not say `"private": true`. */
export interface PublishedPackage {
  name: string;
  version: string;
  /** The folder, relative to the workspace root (`packages/client`). */
  folder: string;
}

function workspaceOf(dir: string): ReturnType<typeof getPackagesSync> {
  try {
    return getPackagesSync(dir);
  } catch (error) {
    throw new Error(
      `no workspace's packages to read at ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The workspace root (where pnpm-workspace.yaml is) of the folder `dir` is in. */
export const workspaceRoot = (dir: string): string => workspaceOf(dir).root.dir;

/**
 * What is published, from the packages' own manifests: every workspace package (found the way changesets finds
 * them) whose package.json is not `"private": true`, by name. A new package joins by being publishable; this is
 * the one list the fixed group, spec:diff's changesets and the release test read.
 */
export function publishedPackages(root: string): PublishedPackage[] {
  const { root: workspace, packages } = workspaceOf(root);
  return packages
    .filter(({ packageJson }) => (packageJson as { private?: boolean }).private !== true)
    .map(({ packageJson, dir }) => ({
      name: packageJson.name,
      version: packageJson.version,
      folder: relative(workspace.dir, dir),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
