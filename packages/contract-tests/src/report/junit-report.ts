import type { RunResult } from "../run-checks.js";
import { redact, type Secrets } from "./redact.js";

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** JUnit XML: a testsuite per check, a testcase per check × operation; secrets replaced by their placeholders. */
export function junitReport(result: RunResult, secrets: Secrets = new Map()): string {
  const checks = [...new Set(result.outcomes.map((outcome) => outcome.check))];
  const suites = checks.map((check) => {
    const outcomes = result.outcomes.filter((outcome) => outcome.check === check);
    const failures = outcomes.filter((outcome) => outcome.failure).length;
    const cases = outcomes.map((outcome) => {
      const open = `    <testcase classname="${escapeXml(check)}" name="${escapeXml(`${check} ${outcome.operation}`)}" time="${(outcome.durationMs / 1000).toFixed(3)}"`;
      if (!outcome.failure) return `${open}/>`;
      const detail = outcome.failure.exchange
        ? `\n${outcome.failure.exchange.request.method} ${outcome.failure.exchange.request.path} → ${outcome.failure.exchange.response.status}`
        : "";
      return `${open}>\n      <failure message="${escapeXml(outcome.failure.reason)}">${escapeXml(outcome.failure.reason + detail)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${escapeXml(check)}" tests="${outcomes.length}" failures="${failures}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const failures = result.outcomes.filter((outcome) => outcome.failure).length;
  return redact(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mca-contract" tests="${result.outcomes.length}" failures="${failures}" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`,
    secrets,
  );
}
