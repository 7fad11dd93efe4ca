// What is published comes from the manifests alone, and the changesets fixed group is exactly that list.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixedGroupDrift, publishedPackages, workspaceRoot, writeFixedGroup } from "../src/index.js";
import { writeWorkspace } from "./support/workspace.js";

const REPO_ROOT = workspaceRoot(fileURLToPath(new URL(".", import.meta.url)));

function workspaceWith(packages: Array<{ name: string; private?: boolean }>, fixed: string[][]): string {
  const root = mkdtempSync(join(tmpdir(), "mca-published-"));
  writeWorkspace(root, packages);
  mkdirSync(join(root, ".changeset"));
  writeFileSync(
    join(root, ".changeset", "config.json"),
    JSON.stringify({ changelog: "@changesets/cli/changelog", fixed, access: "restricted" }),
  );
  return root;
}

describe("this repository", () => {
  it("publishes every package whose manifest is not private, @mca/spec, @mca/mock and both sandboxes among them", () => {
    expect(publishedPackages(REPO_ROOT).map(({ name }) => name)).toEqual([
      "@mca/client",
      "@mca/contract-tests",
      "@mca/mock",
      "@mca/pipeline",
      "@mca/sandbox",
      "@mca/sandbox-msw",
      "@mca/spec",
      "@mca/types",
    ]);
  });

  it("versions them together: .changeset/config.json's fixed group is that list (pnpm release:group)", () => {
    expect(fixedGroupDrift(REPO_ROOT)).toBeUndefined();
  });

  it("has them on one version", () => {
    expect(new Set(publishedPackages(REPO_ROOT).map(({ version }) => version)).size).toBe(1);
  });
});

describe("the fixed group follows the manifests", () => {
  it("a package that becomes publishable is drift until the group is written; a private one never joins", () => {
    const root = workspaceWith(
      [{ name: "@x/a" }, { name: "@x/b", private: true }, { name: "@x/c" }],
      [["@x/a"]],
    );
    expect(fixedGroupDrift(root)).toBe(
      '.changeset/config.json: the fixed group is [["@x/a"]], the published packages (manifests without "private": true) are [["@x/a","@x/c"]]: run pnpm release:group',
    );
    expect(writeFixedGroup(root)).toBe(true);
    expect(fixedGroupDrift(root)).toBeUndefined();
    expect(JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"))).toEqual({
      changelog: "@changesets/cli/changelog",
      fixed: [["@x/a", "@x/c"]],
      access: "restricted",
    });
    expect(writeFixedGroup(root)).toBe(false);
  });

  it("says why when there is no workspace to read", () => {
    expect(() => publishedPackages(mkdtempSync(join(tmpdir(), "mca-none-")))).toThrow(
      /^no workspace's packages to read at /,
    );
  });
});
