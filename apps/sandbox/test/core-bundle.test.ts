import { fileURLToPath } from "node:url";
import { nodeOnlyUses } from "@mca/pipeline/testing";
import { describe, expect, it } from "vitest";

const core = fileURLToPath(new URL("../src/core/index.ts", import.meta.url));
// PGlite runs in browsers: it imports node:module only when it finds itself in Node (a dynamic import)
const PGLITE = /@electric-sql\/pglite\/dist\//;

describe("the sandbox's core (handlers, store, tokens, migrations, its pipeline) bundles for the browser", () => {
  it("with no node: import and no Buffer or process of ours", async () => {
    expect(await nodeOnlyUses(core, { guardedDynamicImportsIn: PGLITE })).toEqual([]);
  }, 60_000);

  it("the node side does not: the check sees the server's imports", async () => {
    const server = fileURLToPath(new URL("../src/server.ts", import.meta.url));
    expect(await nodeOnlyUses(server, { guardedDynamicImportsIn: PGLITE })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node:http /), expect.stringMatching(/^node:fs /)]),
    );
  }, 60_000);
});
