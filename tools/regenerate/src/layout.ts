// Where the spec and everything generated from it live, relative to the repository root.
import { join } from "node:path";

export interface Layout {
  root: string;
  /** The hand-authored spec: the folder the watcher watches, its entry file and its Redocly config. */
  specDir: string;
  entry: string;
  redoclyConfig: string;
  bundleYaml: string;
  bundleJson: string;
  /** @mca/spec ships a copy of the bundle. */
  specPackageBundle: string;
  types: string;
  servers: string;
  clientResources: string;
}

export function layoutOf(root: string): Layout {
  const specDir = join(root, "openapi");
  return {
    root,
    specDir,
    entry: join(specDir, "openapi.yaml"),
    redoclyConfig: join(specDir, "redocly.yaml"),
    bundleYaml: join(specDir, "dist/openapi.yaml"),
    bundleJson: join(specDir, "dist/openapi.json"),
    specPackageBundle: join(root, "packages/spec/bundle"),
    types: join(root, "packages/types/src/generated/openapi.ts"),
    servers: join(root, "packages/types/src/generated/servers.ts"),
    clientResources: join(root, "packages/client/src/generated/resources.ts"),
  };
}

/** The repository this tool belongs to (tools/regenerate/src → the root). */
export const REPOSITORY_ROOT = join(import.meta.dirname, "../../..");
