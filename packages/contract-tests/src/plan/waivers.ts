import type { Check } from "../checks/check.js";
import { ConfigError } from "../config.js";
import type { RunResult } from "../run-checks.js";
import { ruleId } from "./test-plan.js";

/** Every waiver names a rule of a stateful check of this run: a typo would waive nothing and pass silently. */
export function checkWaivers(waivers: string[], checks: Check[], option: string): void {
  const known = checks.flatMap((check) =>
    check.kind === "stateful" ? check.rules.map((rule) => ruleId(check.name, rule)) : [],
  );
  const unknown = waivers.filter((waiver) => !known.includes(waiver));
  if (unknown.length > 0)
    throw new ConfigError(
      `${option}: unknown rule(s) ${unknown.join(", ")}; known: ${known.join(", ") || "none (add --stateful)"}`,
    );
}

/**
 * The result with each waived rule that was not judged moved from `notJudged` to `waived`: it no longer fails
 * `--require-coverage`, and every report lists it as waived, with why it could not be judged.
 */
export function applyWaivers(result: RunResult, waivers: string[]): RunResult {
  const waived = new Set(waivers);
  return {
    ...result,
    outcomes: result.outcomes.map((outcome) => {
      const isWaived = ({ rule }: { rule: string }) => waived.has(ruleId(outcome.check, rule));
      return {
        ...outcome,
        notJudged: outcome.notJudged.filter((entry) => !isWaived(entry)),
        waived: [...outcome.waived, ...outcome.notJudged.filter(isWaived)],
      };
    }),
  };
}
