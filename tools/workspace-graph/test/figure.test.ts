import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawFigure, END, START, withFigure } from "../src/figure.js";
import { readWorkspace } from "../src/workspace.js";

const root = join(import.meta.dirname, "..", "..", "..");

/** A workspace of three packages: b uses a, c uses b (dev) and, per turbo.json, a's build. */
function fakeWorkspace(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "mca-graph-"));
  writeFileSync(join(dir, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  writeFileSync(
    join(dir, "turbo.json"),
    JSON.stringify({ tasks: { "c#build": { dependsOn: ["a#bundle"] } } }),
  );
  const manifests: Record<string, object> = {
    a: { name: "a" },
    b: { name: "b", dependencies: { a: "workspace:*", lodash: "1", ...extra } },
    c: { name: "c", devDependencies: { b: "workspace:*" } },
  };
  for (const [folder, manifest] of Object.entries(manifests)) {
    mkdirSync(join(dir, "packages", folder), { recursive: true });
    writeFileSync(join(dir, "packages", folder, "package.json"), JSON.stringify(manifest));
  }
  return dir;
}

describe("the README's layout figure", () => {
  it("is the one the workspace's package.json files draw", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(withFigure(readme, drawFigure(readWorkspace(root)))).toBe(readme);
  });

  it("lists workspace edges only, in dependency order, with their kinds", () => {
    expect(drawFigure(readWorkspace(fakeWorkspace()))).toBe(
      ["```", "packages/a/  a", "packages/b/  b  ◀─ a", "packages/c/  c  ◀─ b (dev), a (build)", "```"].join(
        "\n",
      ),
    );
  });

  it("tells an edge to another package's tests from one to its build output", () => {
    const dir = fakeWorkspace();
    writeFileSync(
      join(dir, "turbo.json"),
      JSON.stringify({
        tasks: { "c#build": { dependsOn: ["a#bundle"] }, "c#test": { dependsOn: ["b#test"] } },
      }),
    );
    expect(drawFigure(readWorkspace(dir))).toContain("c  ◀─ b (dev), a (build), b (after its tests)");
  });

  it("changes when a dependency is added, so a stale README fails the first test", () => {
    const before = drawFigure(readWorkspace(fakeWorkspace()));
    const after = drawFigure(readWorkspace(fakeWorkspace({ c: "workspace:*" })));
    expect(after).not.toBe(before);
    const stale = `x\n${START}\n${before}\n${END}\n`;
    expect(withFigure(stale, after)).not.toBe(stale);
  });

  it("refuses a README without the markers", () => {
    expect(() => withFigure("# README\n", "figure")).toThrow(/has no/);
  });
});
