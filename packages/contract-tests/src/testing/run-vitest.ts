import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** One testcase of a JUnit file: its name, and its failure or skip text (annotations included). */
export interface JunitCase {
  name: string;
  state: "passed" | "failed" | "skipped";
  text: string;
}

/** The testcases of a JUnit file, Vitest's or the CLI's, in order. */
export function junitCases(xml: string): JunitCase[] {
  const unescapeXml = (text: string) =>
    text
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&apos;", "'")
      .replaceAll("&amp;", "&");
  return [...xml.matchAll(/<testcase [^>]*?\sname="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map(
    ([, name = "", , inner = ""]) => ({
      name: unescapeXml(name),
      state: /<failure/.test(inner) ? "failed" : /<skipped/.test(inner) ? "skipped" : "passed",
      text: unescapeXml(inner),
    }),
  );
}

export interface VitestRun {
  code: number;
  output: string;
  cases: JunitCase[];
  /** What the project wrote to `MCA_RUNS_OUT` (the fixtures: what each suite's onRun saw, by title). */
  runs: Record<string, { sent: Record<string, number>; baseUrl: string; report: string; durationMs: number }>;
}

/**
 * Runs Vitest as a child process on a project (`root`, with its own vitest.config) with Vitest's JUnit reporter,
 * passing `suites` (describeContract options as JSON) in `MCA_CONTRACT_SUITES`: how this repository proves what
 * the Vitest front end reports, failing tests included, without failing its own run.
 */
export function runVitest(root: string, suites: object[], extraArgs: string[] = []): Promise<VitestRun> {
  const VITEST = join(
    dirname(createRequire(join(root, "package.json")).resolve("vitest/package.json")),
    "vitest.mjs",
  );
  const dir = mkdtempSync(join(tmpdir(), "mca-vitest-front-end-"));
  const junit = join(dir, "junit.xml");
  const runsOut = join(dir, "runs.json");
  const args = [
    VITEST,
    "run",
    "--root",
    root,
    "--reporter=junit",
    `--outputFile=${junit}`,
    "--reporter=default",
    ...extraArgs,
  ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        env: { ...process.env, MCA_CONTRACT_SUITES: JSON.stringify(suites), MCA_RUNS_OUT: runsOut, CI: "1" },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const read = (file: string) => {
          try {
            return readFileSync(file, "utf8");
          } catch {
            return "";
          }
        };
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          output: `${stdout}${stderr}`,
          cases: junitCases(read(junit)),
          runs: JSON.parse(read(runsOut) || "{}"),
        });
      },
    );
  });
}
