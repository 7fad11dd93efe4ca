import { fullName, type PlannedTest } from "../plan/test-plan.js";
import type { Verdict } from "../plan/verdicts.js";
import type { RunResult } from "../run-checks.js";
import { failureMessage } from "./failure-block.js";
import { redact, type Secrets } from "./redact.js";

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** A test and its verdict, as a run reports them. */
export interface TestVerdict {
  test: PlannedTest;
  verdict: Verdict;
}

/** Why a test was skipped, in the words every report uses. */
export function skipNote(verdict: Verdict): string | undefined {
  if (verdict.state === "not judged") return `not judged: ${verdict.why}`;
  if (verdict.state === "waived") return `waived (accepted as not judged): ${verdict.why}`;
  return undefined;
}

/**
 * JUnit XML with the Vitest front end's testcase names (`<operation> > <check>`, `<check> > <rule>`): a
 * testsuite per check (as before the names changed, for the reports that count by check), a failure with the console's failure block, a skipped testcase with its reason
 * for a rule not judged or waived. Secrets replaced by their placeholders.
 */
export function junitReport(
  result: RunResult,
  tests: TestVerdict[],
  run: { baseUrl: string; seed: number },
  secrets: Secrets = new Map(),
): string {
  const checks = [...new Set(tests.map(({ test }) => test.check))];
  const suites = checks.map((check) => {
    const mine = tests.filter(({ test }) => test.check === check);
    const count = (state: Verdict["state"]) => mine.filter(({ verdict }) => verdict.state === state).length;
    const cases = mine.map(({ test, verdict }) => {
      const open = `    <testcase classname="${escapeXml(test.check)}" name="${escapeXml(fullName(test))}"`;
      const note = skipNote(verdict);
      if (note) return `${open}>\n      <skipped message="${escapeXml(note)}"/>\n    </testcase>`;
      if (verdict.state !== "failed") return `${open}/>`;
      const reason = verdict.outcome.failure?.reason ?? "";
      const text = failureMessage(verdict.outcome, run.baseUrl, run.seed, secrets);
      return `${open}>\n      <failure message="${escapeXml(reason)}">${escapeXml(text)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${escapeXml(check)}" tests="${mine.length}" failures="${count("failed")}" skipped="${count("not judged") + count("waived")}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const failures = tests.filter(({ verdict }) => verdict.state === "failed").length;
  return redact(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mca-contract" tests="${tests.length}" failures="${failures}" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`,
    secrets,
  );
}
