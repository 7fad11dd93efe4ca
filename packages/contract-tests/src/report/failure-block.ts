import { toCurl } from "../http/curl.js";
import type { Outcome } from "../run-checks.js";
import type { Secrets } from "./redact.js";

const MAX_BODY = 600;

/**
 * A failure as every report writes it: the check, the operation and the phase that found it, the reason (with
 * the schema path), the case, the shrunk request as a ready-to-paste curl (tokens as placeholders) and the
 * response.
 */
export function failureBlock(outcome: Outcome, baseUrl: string, secrets: Secrets): string {
  const failure = outcome.failure;
  if (!failure) return "";
  const lines = [
    `✗ ${failure.check}  ${failure.operation}  (${failure.phase} phase)`,
    `  reason:   ${failure.reason}`,
  ];
  if (failure.description) lines.push(`  case:     ${failure.description}`);
  if (failure.exchange) {
    const { request, response } = failure.exchange;
    lines.push(`  request:\n    ${toCurl(baseUrl, request, secrets).replaceAll("\n", "\n    ")}`);
    const body = response.text.length > MAX_BODY ? `${response.text.slice(0, MAX_BODY)}…` : response.text;
    lines.push(`  response: ${response.status} ${response.contentType ?? "(no content type)"} ${body}`);
  }
  return lines.join("\n");
}

/** A failed test's message in every front end: the failure block, and the seed that replays the run. */
export function failureMessage(outcome: Outcome, baseUrl: string, seed: number, secrets: Secrets): string {
  return `${failureBlock(outcome, baseUrl, secrets)}\n  seed:     ${seed} (re-run this exact suite with seed ${seed})`;
}
