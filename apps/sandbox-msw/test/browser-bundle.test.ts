import { fileURLToPath } from "node:url";
import { nodeOnlyUses } from "@mca/pipeline/testing";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
// PGlite runs in browsers: it imports node:module only when it finds itself in Node (a dynamic import)
const PGLITE = /@electric-sql\/pglite\/dist\//;

describe("the in-process sandbox bundles for the browser", () => {
  it("with no node: import, no Buffer and no process, msw and the sandbox's core included", async () => {
    expect(await nodeOnlyUses(entry, { guardedDynamicImportsIn: PGLITE })).toEqual([]);
  }, 60_000);
});
