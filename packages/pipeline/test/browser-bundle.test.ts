import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeOnlyUses } from "../src/testing.js";

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("the pipeline bundles for the browser", () => {
  it("with no node: import and no Buffer or process (src/index.ts, everything the package exports but ./node)", async () => {
    expect(await nodeOnlyUses(entry("../src/index.ts"))).toEqual([]);
  }, 60_000);

  it.each([
    [
      "a node: import",
      "./fixtures/imports-node-fs.ts",
      "node:fs (imported by test/fixtures/imports-node-fs.ts)",
    ],
    ["Node's Buffer", "./fixtures/uses-buffer.ts", "the global Buffer (in test/fixtures/uses-buffer.ts)"],
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
