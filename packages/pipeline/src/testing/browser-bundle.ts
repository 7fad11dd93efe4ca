import { builtinModules } from "node:module";
import { build } from "esbuild";

/** `node:x`, and Node's built-in modules under their bare names (`fs`, `events`) as older packages import them. */
const NODE_MODULE = new RegExp(
  `^(node:.*|(${builtinModules.map((name) => name.replaceAll("/", "\\/")).join("|")})(\\/.*)?)$`,
);

const CHECKED = Symbol("resolved by esbuild itself");

export interface BrowserCheckOptions {
  /**
   * `node:` imports to let through: dynamic imports from files matching this (a library that loads Node modules
   * only when it finds itself in Node, as PGlite does). Static imports are never let through.
   */
  guardedDynamicImportsIn?: RegExp;
}

/**
 * Bundles `entry` for the browser as esbuild does (platform browser) and returns what would not run there: every
 * import of a Node module (`node:fs`, or `fs`) (each resolved as external and recorded, so none hides behind a resolve error), and every use of
 * Node's `Buffer` or `process` globals in the repository's own sources (`opts.code.process(…)` is a method, not
 * the global). Empty: the entry runs in a browser as far as its imports tell.
 */
export async function nodeOnlyUses(entry: string, options: BrowserCheckOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "record-node-imports",
        setup(plugin) {
          plugin.onResolve({ filter: NODE_MODULE }, async (args) => {
            if (args.pluginData === CHECKED) return undefined;
            if (!args.path.startsWith("node:")) {
              // a bare `fs` the package maps away for browsers (its package.json `browser` field) is no finding
              const resolved = await plugin.resolve(args.path, {
                kind: args.kind,
                importer: args.importer,
                resolveDir: args.resolveDir,
                pluginData: CHECKED,
              });
              if (resolved.errors.length === 0) return undefined;
            }
            const guarded =
              args.kind === "dynamic-import" && options.guardedDynamicImportsIn?.test(args.importer) === true;
            if (!guarded)
              found.push(`${args.path} (imported by ${args.importer.split("/").slice(-3).join("/")})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  // esbuild heads each module's code with a `// path` comment (comments of the sources themselves are gone)
  const modules = (result.outputFiles[0]?.text ?? "").split(/^\/\/ (?=\S+\.[cm]?[jt]s$)/m);
  for (const module of modules) {
    const path = module.slice(0, module.indexOf("\n"));
    if (path.includes("node_modules/")) continue;
    for (const global of ["Buffer", "process"])
      if (new RegExp(`(?<![.\\w$])${global}[.(]`).test(module))
        found.push(`the global ${global} (in ${path.split("/").slice(-3).join("/")})`);
  }
  return found;
}
