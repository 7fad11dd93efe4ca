import type { Outcome, RunResult } from "../run-checks.js";
import { FLOW_TEST, type PlannedTest } from "./test-plan.js";

/** What one named test says, in the CLI's JUnit and in Vitest alike. */
export type Verdict =
  | { state: "passed" }
  | { state: "failed"; outcome: Outcome }
  | { state: "not judged"; why: string }
  | { state: "waived"; why: string };

const entryFor = (entries: Outcome["notJudged"], rule: string | undefined) =>
  entries.filter((entry) => rule === undefined || entry.rule === rule || entry.rule === "cases");

/** The verdict of one planned test, read from the run's outcomes. */
export function verdictOf(test: PlannedTest, result: RunResult): Verdict {
  const outcome = result.outcomes.find(
    (candidate) => candidate.check === test.check && candidate.operation === test.operation,
  );
  if (!outcome) return { state: "not judged", why: "the check did not run" };
  const { failure } = outcome;
  if (failure) {
    // a flow stops at its first broken rule: the rules after it were not reached
    if (test.rule === undefined || failure.rule === undefined || failure.rule === test.rule)
      return { state: "failed", outcome };
    return { state: "not judged", why: `the flow stopped when ${failure.rule} failed` };
  }
  const rule = test.name === FLOW_TEST ? undefined : test.rule;
  const waived = entryFor(outcome.waived, rule);
  if (waived.length > 0) return { state: "waived", why: waived.map((entry) => entry.why).join("; ") };
  const notJudged = entryFor(outcome.notJudged, rule);
  if (notJudged.length > 0)
    return {
      state: "not judged",
      why: notJudged.map((entry) => (rule ? entry.why : `${entry.rule}: ${entry.why}`)).join("; "),
    };
  if (test.rule !== undefined && !outcome.judged.includes(test.rule))
    return { state: "not judged", why: "the check said nothing about it" };
  return { state: "passed" };
}

/** Counts a run's tests by verdict; `--require-coverage` fails on `not judged`, never on `waived`. */
export function countVerdicts(verdicts: Verdict[]): Record<Verdict["state"], number> {
  const counts = { passed: 0, failed: 0, "not judged": 0, waived: 0 };
  for (const verdict of verdicts) counts[verdict.state] += 1;
  return counts;
}
