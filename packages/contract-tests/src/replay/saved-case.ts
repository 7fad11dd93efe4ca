import { isObject, type Json } from "@mca/spec";
import type { Caller } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";
import { redact, type Secrets } from "../report/redact.js";
import type { Failure, ReplayCase } from "../run-checks.js";

/** The format a saved case is written in; a file in another format is refused, never guessed at. */
export const SAVED_CASE_FORMAT = "mca-contract-saved-case/1";

/** A failing input case as `--save-failures` writes it: tokens as their placeholders, as in the curl output. */
export interface SavedCase {
  format: typeof SAVED_CASE_FORMAT;
  check: string;
  operation: string;
  operationId: string;
  phase: Failure["phase"];
  description: string;
  reason: string;
  seed: number;
  request: RequestSpec;
}

/** `value` with every string in it (keys left alone) passed through `map`. */
function mapStrings<T extends Json | undefined>(value: T, map: (text: string) => string): T {
  if (typeof value === "string") return map(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map)) as T;
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)])) as T;
  return value;
}

/** The shrunk failing case of `failure`, with every secret written as its placeholder. */
export function toSavedCase(failure: Failure, seed: number, secrets: Secrets): SavedCase | undefined {
  const exchange = failure.exchange;
  if (!exchange || failure.phase === "stateful") return undefined;
  const request = mapStrings(exchange.request as unknown as Json, (text) => redact(text, secrets));
  return {
    format: SAVED_CASE_FORMAT,
    check: failure.check,
    operation: failure.operation,
    operationId: exchange.operation.operationId,
    phase: failure.phase,
    description: failure.description ?? "",
    reason: failure.reason,
    seed,
    request: request as unknown as RequestSpec,
  };
}

/** Why `value` is not a saved case, or undefined when it is one. */
export function savedCaseProblem(value: unknown): string | undefined {
  if (!isObject(value as Json)) return "not a JSON object";
  const saved = value as Record<string, unknown>;
  if (saved.format !== SAVED_CASE_FORMAT) return `"format" is not "${SAVED_CASE_FORMAT}"`;
  for (const key of ["check", "operationId", "description"] as const)
    if (typeof saved[key] !== "string") return `"${key}" must be a string`;
  const request = saved.request as Record<string, unknown> | undefined;
  if (
    !isObject(request as Json) ||
    typeof request?.method !== "string" ||
    typeof request.path !== "string" ||
    !isObject(request.pathParams as Json) ||
    !isObject(request.query as Json) ||
    !isObject(request.headers as Json)
  )
    return `"request" must have method, path, pathParams, query and headers`;
  return undefined;
}

const PLACEHOLDER = /\$MCA_[A-Z0-9_]+/g;

/**
 * The saved case ready to send: each placeholder replaced by this run's value. Input cases only ever carry the
 * identity's token, so a token placeholder this run does not have (a file saved with more identities) gets the
 * identity's.
 */
export function replayCaseOf(
  saved: SavedCase,
  source: string,
  secrets: Secrets,
  identity: Caller,
): ReplayCase {
  const values = new Map([...secrets].map(([value, placeholder]) => [placeholder, value]));
  const inject = (text: string) =>
    text.replace(
      PLACEHOLDER,
      (placeholder) =>
        values.get(placeholder) ?? (placeholder.includes("TOKEN") ? identity.token : placeholder),
    );
  return {
    source,
    check: saved.check,
    operationId: saved.operationId,
    description: saved.description,
    request: mapStrings(saved.request as unknown as Json, inject) as unknown as RequestSpec,
  };
}
