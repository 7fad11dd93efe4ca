// .github/actions/contract-tests run as the runner runs it (its bash steps, GITHUB_OUTPUT per step, the job
// summary file, GITHUB_BASE_REF of a pull request), with the packed tarballs of @mca/spec, @mca/types and
// @mca/contract-tests as its package input, against the sandbox started on a free port: once passing, once behind
// a proxy that breaks one rule (the summary must show the failure), once with identities that are not JSON.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBreakingProxy } from "@mca/contract-tests/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/repo-root.js";
import { type CompositeRun, runCompositeAction } from "../src/run-composite-action.js";

const ACTION_DIR = join(REPO_ROOT, ".github/actions/contract-tests");
const PACKED = ["packages/spec", "packages/types", "packages/pipeline", "packages/contract-tests"];

let work: string;
let tarballs: string[];
let sandbox: ChildProcess;
let sandboxUrl: string;
let identities: string;

/** The built sandbox CLI in its own process group on a port the OS picks; resolves with the URL it prints. */
function startSandboxCli(identitiesOut: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, "apps/sandbox/dist/src/cli.js"), "--port", "0", "--identities-out", identitiesOut],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = / at (http:\/\/127\.0\.0\.1:\d+) /.exec(output)?.[1];
      if (url && output.includes("Identities of")) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}:\n${output}`)));
  });
}

/** The runner's environment without the variables pnpm sets for the test script (npm would read npm_config_*). */
function runnerEnv(runnerTemp: string, summary: string) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|INIT_CWD$)/i.test(name)),
  );
  return {
    ...inherited,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: work,
    GITHUB_BASE_REF: "main",
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: runnerTemp,
  };
}

interface ActionRun extends CompositeRun {
  summary: string;
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(work, "runner-temp-"));
  const summary = join(runnerTemp, "step-summary.md");
  writeFileSync(summary, "");
  const run = await runCompositeAction(
    ACTION_DIR,
    { package: tarballs.join("\n"), "base-url": sandboxUrl, identities, ...inputs },
    runnerEnv(runnerTemp, summary),
  );
  return { ...run, summary: readFileSync(summary, "utf8") };
}

const outputOf = (run: CompositeRun) =>
  run.steps.map((step) => `--- ${step.name}\n${step.stdout}${step.stderr}`).join("\n");

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mca-action-"));
  const packed = join(work, "tarballs");
  mkdirSync(packed);
  for (const folder of PACKED)
    execFileSync("pnpm", ["-s", "pack", "--pack-destination", packed], { cwd: join(REPO_ROOT, folder) });
  // relative to the workspace, as a workflow names a tarball it built or downloaded
  tarballs = readdirSync(packed).map((name) => `tarballs/${name}`);
  expect(tarballs).toHaveLength(PACKED.length);
  const started = await startSandboxCli(join(work, "identities.json"));
  sandbox = started.child;
  sandboxUrl = started.url;
  identities = readFileSync(join(work, "identities.json"), "utf8");
}, 120_000);

afterAll(() => {
  if (sandbox?.pid !== undefined && sandbox.exitCode === null) process.kill(-sandbox.pid, "SIGTERM");
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the contract-tests action", () => {
  it("installs the tarballs, passes against the sandbox, writes the JUnit file, its outputs and the summary", async () => {
    const run = await runAction({ junit: "reports/contract.xml" });
    expect(run.exitCode, outputOf(run)).toBe(0);
    expect(run.steps.map((step) => step.exitCode)).toEqual([0, 0, 0]);
    expect(run.outputs).toEqual({ junit: join(work, "reports/contract.xml"), "exit-code": "0" });
    // `reports/` does not exist before: the suite must write it where the input says
    const junit = readFileSync(join(work, "reports/contract.xml"), "utf8");
    expect(junit).toMatch(/<testsuites name="mca-contract" tests="\d+" failures="0"/);
    expect(junit).toContain('classname="list_semantics"');
    expect(run.summary).toContain(`### Contract tests against ${sandboxUrl} (pull request into \`main\`)`);
    expect(run.summary).toMatch(/✅ passed: \d+ check × operation case\(s\), none failed\n/);
    expect(run.summary).toContain("| ✅ `tenant_isolation` |");
    expect(run.summary).not.toContain("#### Failures");
    // every client secret of the identities is masked on its own, and never printed otherwise
    const secrets = (JSON.parse(identities) as { hosts: Array<{ clientSecret: string }> }).hosts.map(
      (host) => host.clientSecret,
    );
    for (const secret of secrets) {
      expect(run.steps[1]?.stdout).toContain(`::add-mask::${secret}\n`);
      expect(outputOf(run).replaceAll(`::add-mask::${secret}`, "")).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
    }
    expect(existsSync(join(run.outputs.junit ?? "", ".."))).toBe(true);
  });

  it("fails against a server that breaks a rule, and the summary names the failure", async () => {
    // `limit` ignored: every list answers the whole collection
    const proxy = await startBreakingProxy(sandboxUrl, {
      request: (request) => ({ ...request, url: request.url.replace(/([?&])limit=\d+/, "$1limit=100") }),
    });
    try {
      const run = await runAction({
        "base-url": proxy.url,
        args: "--only list_semantics --seed 1 --runs 5",
      });
      expect(run.exitCode, outputOf(run)).toBe(1);
      expect(run.outputs["exit-code"]).toBe("1");
      expect(readFileSync(run.outputs.junit ?? "", "utf8")).toMatch(/failures="[1-9]/);
      expect(run.summary).toContain(`### Contract tests against ${proxy.url}`);
      expect(run.summary).toMatch(/❌ failed: [1-9]\d* of \d+ check × operation case\(s\) failed/);
      expect(run.summary).toContain("| ❌ `list_semantics` |");
      // the JUnit testcase names are the Vitest front end's: <check> > <rule> for a stateful rule
      expect(run.summary).toMatch(/#### Failures\n\n- `list_semantics > limit`: .*limit/);
    } finally {
      await proxy.stop();
    }
  });

  it("says it could not run, and exits 2, when the identities are not JSON", async () => {
    const run = await runAction({ identities: "{not json" });
    expect(run.exitCode, outputOf(run)).toBe(2);
    expect(run.summary).toMatch(/⚠️ could not run \(exit 2\): mca-contract: .*identities/);
    expect(run.summary).toContain("No JUnit report at");
  });
});
