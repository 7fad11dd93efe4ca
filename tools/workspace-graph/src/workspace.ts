import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface WorkspacePackage {
  name: string;
  /** The folder, relative to the workspace root, e.g. `packages/client`. */
  folder: string;
  description: string;
  /**
   * Workspace packages this one uses: `runtime` (dependencies), `dev` (devDependencies), and from turbo.json
   * `build` (a task of this one needs another's build output) or `after-tests` (a task of this one waits for
   * another's tests).
   */
  uses: Array<{ name: string; kind: "runtime" | "dev" | "build" | "after-tests" }>;
}

interface Manifest {
  name?: string;
  description?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The folders pnpm-workspace.yaml lists: `dir` or `dir/*` entries (the only forms this repository uses). */
function workspaceFolders(root: string): string[] {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map((match) => match[1] as string);
  return globs.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
}

const readJson = <T>(path: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
};

/** Every workspace package with the workspace packages it uses, sorted so that a package comes after what it uses. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const manifests = workspaceFolders(root)
    .map((folder) => ({ folder, manifest: readJson<Manifest>(join(root, folder, "package.json")) }))
    .filter(
      (entry): entry is { folder: string; manifest: Manifest & { name: string } } =>
        typeof entry.manifest?.name === "string",
    );
  const names = new Set(manifests.map(({ manifest }) => manifest.name));
  const turbo = readJson<{ tasks?: Record<string, { dependsOn?: string[] }> }>(join(root, "turbo.json"));
  const buildEdges = Object.entries(turbo?.tasks ?? {}).flatMap(([task, config]) =>
    (config.dependsOn ?? [])
      .filter((dependency) => task.includes("#") && dependency.includes("#"))
      .map((dependency) => {
        const [to, dependencyTask] = dependency.split("#") as [string, string];
        return {
          from: task.split("#")[0] as string,
          to,
          kind: dependencyTask === "test" ? ("after-tests" as const) : ("build" as const),
        };
      }),
  );
  const packages = manifests.map(({ folder, manifest }): WorkspacePackage => {
    const inWorkspace = (deps: Record<string, string> | undefined) =>
      Object.keys(deps ?? {}).filter((name) => names.has(name));
    const uses: WorkspacePackage["uses"] = [
      ...inWorkspace(manifest.dependencies).map((name) => ({ name, kind: "runtime" as const })),
      ...inWorkspace(manifest.devDependencies).map((name) => ({ name, kind: "dev" as const })),
      ...buildEdges
        .filter((edge) => edge.from === manifest.name)
        .map((edge) => ({ name: edge.to, kind: edge.kind })),
    ];
    return { name: manifest.name, folder, description: manifest.description ?? "", uses };
  });
  return topologicalOrder(packages);
}

/** Dependencies first; runtime and build edges order, dev edges may loop (the spec's lint uses @mca/spec) and do not. */
function topologicalOrder(packages: WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((entry) => [entry.name, entry]));
  const done = new Set<string>();
  const ordered: WorkspacePackage[] = [];
  const visit = (entry: WorkspacePackage, path: Set<string>) => {
    if (done.has(entry.name) || path.has(entry.name)) return;
    path.add(entry.name);
    for (const use of entry.uses) {
      const next = byName.get(use.name);
      if (next && use.kind !== "dev") visit(next, path);
    }
    done.add(entry.name);
    ordered.push(entry);
  };
  for (const entry of [...packages].sort((a, b) => a.folder.localeCompare(b.folder))) visit(entry, new Set());
  return ordered;
}
