import type { OperationId, operations } from "@mca/types";

type Responses<Id extends OperationId> = operations[Id]["responses"];
type DocumentedStatus<Id extends OperationId> = Extract<keyof Responses<Id>, number>;
type JsonBodyOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;

/** An answer the spec documents for the operation: its status, and a body of that status's schema. */
export type DocumentedAnswer<Id extends OperationId> = {
  [Status in DocumentedStatus<Id>]: {
    status: Status;
    body: JsonBodyOf<Responses<Id>[Status]>;
    headers?: Record<string, string>;
  };
}[DocumentedStatus<Id>];

/** What client code must survive, whichever operation it calls. */
export type Fault =
  | { fault: "rate-limited"; retryAfterSeconds: number }
  | { fault: "unavailable" }
  | { fault: "latency"; ms: number }
  | { fault: "expired-token" }
  | { fault: "dropped-connection" };

/** What `sandbox.use(operationId, scenario)` makes the operation do. */
export type Scenario<Id extends OperationId> = DocumentedAnswer<Id> | Fault;

export interface UseOptions {
  /** How many calls the scenario answers before the sandbox answers again. Default: every call until `reset()`. */
  times?: number;
}

/** The faults, by what they do to a call. */
export const faults = {
  /** 429 with `Retry-After` (seconds). Not a status the spec documents: marked so, never checked against a schema. */
  rateLimited: (retryAfterSeconds = 1): Fault => ({ fault: "rate-limited", retryAfterSeconds }),
  /** 503 (with `{ times: n }`: a burst of n). Not documented either: marked, not checked. */
  unavailable: (): Fault => ({ fault: "unavailable" }),
  /** The sandbox's own answer, `ms` late. */
  latency: (ms: number): Fault => ({ fault: "latency", ms }),
  /** The call's token as if it had expired: the sandbox's real 401 for an expired token. */
  expiredToken: (): Fault => ({ fault: "expired-token" }),
  /** No answer: the connection drops (`fetch` rejects with a TypeError, as it does for a reset socket). */
  droppedConnection: (): Fault => ({ fault: "dropped-connection" }),
} as const;

/**
 * The header on answers with a status the spec does not document for the operation (429, 503): a client test can
 * tell a scenario's status from one the API promises.
 */
export const UNDOCUMENTED_STATUS_HEADER = "x-mca-sandbox-undocumented-status";

/** The FastAPI-style body of a fault's status (no schema: the spec documents neither). */
export function faultAnswer(fault: Extract<Fault, { fault: "rate-limited" | "unavailable" }>): Response {
  const [status, detail, headers] =
    fault.fault === "rate-limited"
      ? [429, "Too Many Requests", { "retry-after": String(fault.retryAfterSeconds) }]
      : [503, "Service Unavailable", {}];
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { "content-type": "application/json", [UNDOCUMENTED_STATUS_HEADER]: "true", ...headers },
  });
}
