// The workspace's packages as the type-checker needs them: who depends on the generated packages, and where
// each package's sources are (so a dependent reads @mca/types from src/, with no build of dist/ in between).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface WorkspacePackage {
  name: string;
  dir: string;
  dependencies: string[];
  /** `@mca/pipeline/node` → the source file its `exports` entry is built from. */
  sources: Record<string, string>;
}

const PACKAGE_FOLDERS = ["openapi", "packages/*", "apps/*", "tools/*"];

function packageDirs(root: string): string[] {
  return PACKAGE_FOLDERS.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => join(parent, name)) : [];
  }).filter((dir) => existsSync(join(dir, "package.json")));
}

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, { types?: string } | string>;
}

/** `./dist/index.d.ts` (or `./dist/src/index.d.ts`) → `src/index.ts`, when that source exists. */
function sourcesOf(dir: string, name: string, exports: Manifest["exports"]): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(exports ?? {})) {
    const types = typeof target === "string" ? target : target.types;
    const built = types ? /^\.\/dist\/(?:src\/)?(.+)\.d\.ts$/.exec(types) : null;
    const source = built?.[1] ? join(dir, "src", `${built[1]}.ts`) : undefined;
    if (source && existsSync(source)) sources[name + subpath.slice(1)] = source;
  }
  return sources;
}

export function workspacePackages(root: string): WorkspacePackage[] {
  return packageDirs(root).map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
    const name = manifest.name ?? dir;
    return {
      name,
      dir,
      dependencies: Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
      sources: sourcesOf(dir, name, manifest.exports),
    };
  });
}

/** The packages in `names` and every package that depends on one of them, directly or not. */
export function dependentsOf(packages: WorkspacePackage[], names: string[]): WorkspacePackage[] {
  const reached = new Set(names);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pkg of packages)
      if (!reached.has(pkg.name) && pkg.dependencies.some((dependency) => reached.has(dependency))) {
        reached.add(pkg.name);
        grew = true;
      }
  }
  return packages.filter((pkg) => reached.has(pkg.name));
}
