import { type Outcome, PHASES, type RunResult } from "../run-checks.js";
import { failureBlock } from "./failure-block.js";
import { redact, type Secrets } from "./redact.js";

/**
 * The human summary: failures in full, then a line per check with cases and cases per second, every rule a
 * check could not judge, and the requests each phase sent. Secrets are replaced by their placeholders throughout.
 */
export function consoleReport(result: RunResult, baseUrl: string, secrets: Secrets = new Map()): string {
  const byCheck = new Map<string, Outcome[]>();
  for (const outcome of result.outcomes)
    byCheck.set(outcome.check, [...(byCheck.get(outcome.check) ?? []), outcome]);
  const failed = result.outcomes.filter((outcome) => outcome.failure);
  const blocks = failed.map((outcome) => failureBlock(outcome, baseUrl, secrets));
  const rows = [...byCheck.entries()].map(([check, outcomes]) => {
    const cases = outcomes.reduce((sum, outcome) => sum + outcome.cases, 0);
    const ms = outcomes.reduce((sum, outcome) => sum + outcome.durationMs, 0);
    const bad = outcomes.filter((outcome) => outcome.failure).length;
    const rate = ms > 0 ? `${((cases * 1000) / ms).toFixed(0)} cases/s` : "";
    return `${bad === 0 ? "✓" : "✗"} ${check.padEnd(30)} ${String(outcomes.length).padStart(3)} operation(s) ${String(cases).padStart(6)} cases ${rate.padStart(14)}${bad ? `  ${bad} failed` : ""}`;
  });
  const notJudged = result.outcomes.flatMap((outcome) =>
    outcome.notJudged.map(({ rule, why }) => `  ${outcome.check} ${rule}: not judged, ${why}`),
  );
  const waived = result.outcomes.flatMap((outcome) =>
    outcome.waived.map(
      ({ rule, why }) =>
        `  ${outcome.check} ${rule}: waived (--accept-not-judged ${outcome.check}.${rule}), not judged: ${why}`,
    ),
  );
  const judged = result.outcomes.flatMap((outcome) =>
    outcome.judged.map((rule) => `${outcome.check} ${rule}`),
  );
  const coverage = [
    ...(judged.length
      ? [`judged on data that could fail: ${judged.length} rule(s) of the stateful checks`]
      : []),
    ...(notJudged.length ? [`${notJudged.length} not judged:`, ...notJudged] : []),
    ...(waived.length ? [`${waived.length} waived, accepted as not judged:`, ...waived] : []),
    ...result.replaySkipped.map(({ source, why }) => `saved case ${source} not replayed: ${why}`),
  ];
  const total = PHASES.reduce((sum, phase) => sum + result.sent[phase], 0);
  const phases = `cases sent per phase: ${PHASES.map((phase) => `${phase} ${result.sent[phase]}`).join(", ")} (${total} requests in all)`;
  const summary = `${result.outcomes.length - failed.length} passed, ${failed.length} failed (check × operation), ${notJudged.length} not judged${waived.length ? `, ${waived.length} waived` : ""}, in ${(result.durationMs / 1000).toFixed(1)} s against ${baseUrl}`;
  return redact(
    [
      ...blocks,
      ...(blocks.length ? [""] : []),
      ...rows,
      ...(coverage.length ? ["", ...coverage] : []),
      "",
      phases,
      summary,
    ].join("\n"),
    secrets,
  );
}
