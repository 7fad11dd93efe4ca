import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Bundles `file` for the browser as esbuild does (platform browser) and returns what would not run there: every
 * `node:` import (each resolved as external and recorded, so none hides behind a resolve error), and every use of
 * Node's `Buffer` or `process` as globals in the output (`opts.code.process(…)` is a method, not the global).
 */
async function nodeOnlyUses(file: string): Promise<string[]> {
  const found: string[] = [];
  const result = await build({
    entryPoints: [file],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "record-node-imports",
        setup(plugin) {
          plugin.onResolve({ filter: /^node:/ }, (args) => {
            found.push(`${args.path} (imported by ${args.importer.split("/packages/").at(-1)})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const text = result.outputFiles.map((output) => output.text).join("\n");
  for (const global of ["Buffer", "process"])
    if (new RegExp(`(?<![.\\w$])${global}\\s*[.(]`).test(text)) found.push(`the global ${global}`);
  return found;
}

describe("the pipeline bundles for the browser", () => {
  it("with no node: import and no Buffer or process (src/index.ts, everything the package exports but ./node)", async () => {
    expect(await nodeOnlyUses(entry("../src/index.ts"))).toEqual([]);
  }, 60_000);

  it.each([
    [
      "a node: import",
      "./fixtures/imports-node-fs.ts",
      "node:fs (imported by pipeline/test/fixtures/imports-node-fs.ts)",
    ],
    ["Node's Buffer", "./fixtures/uses-buffer.ts", "the global Buffer"],
  ])(
    "the check fails when %s is added",
    async (_name, fixture, finding) => {
      expect(await nodeOnlyUses(entry(fixture))).toEqual([finding]);
    },
    60_000,
  );

  it("the node:http adapter is the one part that is not (./node): the check sees it", async () => {
    expect(await nodeOnlyUses(entry("../src/node.ts"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node:http /)]),
    );
  }, 60_000);
});
