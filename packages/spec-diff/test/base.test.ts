// Which commit spec:diff compares with, in real git repositories shaped like CI's checkouts: a pull request's
// branch cloned with and without the rest of the repository, main itself, and the CI variables that name a target.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { editableBundle } from "./support/editable-spec.js";
import { cloneOf, commitBundle, gitIn, newRepository, runCli } from "./support/git-repo.js";

const bundle = editableBundle();
const withoutHostEmail = () => {
  const document = structuredClone(bundle);
  delete document.components.schemas.HostConnection.properties.host_email;
  return document;
};
const withNickname = () => {
  const document = structuredClone(bundle);
  document.components.schemas.HostConnection.properties.nickname = { type: "string" };
  return document;
};
const REMOVED_HOST_EMAIL =
  /✗ GET \/host-connections — .*removed the required property `items\/items\/host_email`/;
const short = (commit: string) => commit.slice(0, 12);

/**
 * An upstream repository whose HEAD is main (the spec), with `feature` branched from it: a breaking first commit,
 * then one that leaves the spec alone, so that "the previous commit" would see nothing.
 */
let upstream: string;
let mainTip: string;
beforeAll(() => {
  upstream = newRepository();
  mainTip = commitBundle(upstream, bundle, "the spec on main");
  gitIn(upstream, "checkout", "-q", "-b", "feature");
  commitBundle(upstream, withoutHostEmail(), "drop host_email (breaking)");
  writeFileSync(join(upstream, "NOTES"), "unrelated\n");
  gitIn(upstream, "add", "NOTES");
  gitIn(upstream, "commit", "-q", "-m", "notes");
  gitIn(upstream, "checkout", "-q", "main");
});

describe("a pull request's branch, cloned as CI clones it", () => {
  it("with no local main but an origin/main: compares with the merge base, finds the first commit's break, exits 1", () => {
    const clone = cloneOf(upstream, "--branch", "feature");
    expect(gitIn(clone, "branch", "--list", "main")).toBe("");
    const { code, stdout } = runCli(clone);
    expect(code).toBe(1);
    expect(stdout).toMatch(REMOVED_HOST_EMAIL);
    expect(stdout).toContain(
      `Base: ${short(mainTip)} "the spec on main" (merge base of HEAD and origin/main)`,
    );
  });

  it("cloned with --single-branch (no target to find): exits 2 with the one-line remedy, never a pass", () => {
    const clone = cloneOf(upstream, "--single-branch", "--branch", "feature");
    const { code, stdout, stderr } = runCli(clone);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      /^mca-spec-diff: no base to compare with .*: pass --base <ref>, or fetch the target branch \(git fetch origin main\)$/m,
    );
  });

  it("the same --single-branch clone with the target fetched: judged again", () => {
    const clone = cloneOf(upstream, "--single-branch", "--branch", "feature");
    gitIn(clone, "fetch", "-q", "origin", "main:refs/remotes/origin/main");
    const { code, stdout } = runCli(clone, [], { GITHUB_BASE_REF: "main" });
    expect(code).toBe(1);
    expect(stdout).toContain(`(merge base of HEAD and origin/main, GITHUB_BASE_REF=main)`);
  });

  it("--base wins over everything CI says", () => {
    const clone = cloneOf(upstream, "--branch", "feature");
    const { code, stdout } = runCli(clone, ["--base", "HEAD~1"], { GITHUB_BASE_REF: "no-such-branch" });
    expect(code).toBe(0);
    expect(stdout).toContain("0 breaking");
    expect(stdout).toMatch(/Base: [0-9a-f]{12} "drop host_email \(breaking\)" \(--base HEAD~1\)/);
  });
});

describe("main itself", () => {
  it("compares with the previous commit and names it", () => {
    const repository = newRepository();
    const previous = commitBundle(repository, bundle, "the spec");
    commitBundle(repository, withoutHostEmail(), "drop host_email on main");
    for (const checkout of [repository, cloneOf(repository)]) {
      const { code, stdout } = runCli(checkout);
      expect(code).toBe(1);
      expect(stdout).toMatch(REMOVED_HOST_EMAIL);
      expect(stdout).toMatch(
        new RegExp(
          `Base: ${short(previous)} "the spec" \\(the previous commit: HEAD is on (origin/)?main\\)`,
        ),
      );
    }
  });

  it("says 'not judged' on a repository's first commit", () => {
    const repository = newRepository();
    commitBundle(repository, bundle, "the first commit");
    const { code, stderr } = runCli(repository);
    expect(code).toBe(0);
    expect(stderr).toMatch(/not judged: no base commit: this is the repository's first commit/);
  });
});

describe("the target branch CI names", () => {
  /**
   * upstream2: main, and `release` with a compatible change of its own; `fix` branches from release. Its merge
   * base with release is release's tip, with main (origin/HEAD) main's tip: the two differ.
   */
  let fixClone: string;
  let releaseTip: string;
  beforeAll(() => {
    const repository = newRepository();
    commitBundle(repository, bundle, "main");
    gitIn(repository, "checkout", "-q", "-b", "release");
    releaseTip = commitBundle(repository, withNickname(), "release: a nickname");
    gitIn(repository, "checkout", "-q", "-b", "fix");
    const broken = withNickname();
    delete broken.components.schemas.HostConnection.properties.host_email;
    commitBundle(repository, broken, "fix: drop host_email");
    gitIn(repository, "checkout", "-q", "main");
    fixClone = cloneOf(repository, "--branch", "fix");
  });

  it.each(["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"])(
    "%s: the merge base with it",
    (variable) => {
      const { code, stdout } = runCli(fixClone, [], { [variable]: "release" });
      expect(code).toBe(1);
      expect(stdout).toMatch(REMOVED_HOST_EMAIL);
      expect(stdout).toContain("0 compatible");
      expect(stdout).toContain(
        `Base: ${short(releaseTip)} "release: a nickname" (merge base of HEAD and origin/release, ${variable}=release)`,
      );
    },
  );

  it("without it: origin/HEAD (main), whose merge base also shows release's own change", () => {
    const { stdout } = runCli(fixClone, [], { GITHUB_BASE_REF: "" });
    expect(stdout).toContain("(merge base of HEAD and origin/main)");
    expect(stdout).toMatch(/✓ .*nickname/);
  });

  it("a named target this clone lacks: exit 2, one line naming it and the fetch that fixes it", () => {
    const { code, stderr } = runCli(fixClone, [], { GITHUB_BASE_REF: "develop" });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(
      "GITHUB_BASE_REF=develop names the target branch, but this clone has neither origin/develop nor develop: fetch it (git fetch origin develop) or pass --base <ref>",
    );
  });
});

describe("every report format names the base commit", () => {
  it.each([
    ["human", (out: string) => out],
    ["markdown", (out: string) => out],
    ["json", (out: string) => JSON.stringify(JSON.parse(out).base)],
  ])("--format %s", (format, baseOf) => {
    const clone = cloneOf(upstream, "--branch", "feature");
    const { stdout } = runCli(clone, ["--format", format]);
    expect(baseOf(stdout)).toContain(format === "json" ? mainTip : short(mainTip));
    expect(baseOf(stdout)).toContain("merge base of HEAD and origin/main");
  });

  it("the JSON's base: commit, subject and reason", () => {
    const { stdout } = runCli(cloneOf(upstream, "--branch", "feature"), ["--format", "json"]);
    expect(JSON.parse(stdout).base).toEqual({
      commit: mainTip,
      subject: "the spec on main",
      reason: "merge base of HEAD and origin/main",
    });
  });
});
