import type { ErrorDetail } from "@mca/types";

/** What every client error says about the call it ends: the same fields whichever way the call failed. */
export interface CallFacts {
  /** The operation as the spec names it: method and path template, e.g. `GET /host-connections/{host_org_id}`. */
  operation: string;
  method: string;
  /** The HTTP status, when an answer's head arrived (always for `ApiError`; for a body that stalls or breaks). */
  status?: number;
  /** The server's `X-Request-ID` (or `Request-ID`) answer header, else the `X-Request-ID` the call sent. */
  requestId?: string;
}

/** Keeps only the facts that are there, so `exactOptionalPropertyTypes` callers never see an `undefined` field. */
function assignFacts(error: Error & Partial<CallFacts>, facts: CallFacts): void {
  error.operation = facts.operation;
  error.method = facts.method;
  if (facts.status !== undefined) error.status = facts.status;
  if (facts.requestId !== undefined) error.requestId = facts.requestId;
}

/** The API answered with a non-2xx status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind = "api" as const;
  declare readonly operation: string;
  declare readonly method: string;
  declare readonly status: number;
  declare readonly requestId?: string;
  /** The body's `detail` list (`loc`, `msg`, `type`, `code`); a FastAPI string `detail` becomes one entry. */
  readonly detail: ErrorDetail[];
  /** The parsed body, with the client's secrets already replaced by `[redacted]`. */
  readonly body: unknown;
  readonly response: Response;

  constructor(init: { operation: string; response: Response; body: unknown; requestId?: string }) {
    const detail = parseDetail(init.body);
    super(apiErrorMessage(init.operation, init.response.status, detail));
    assignFacts(this, {
      operation: init.operation,
      method: methodOf(init.operation),
      status: init.response.status,
      ...(init.requestId === undefined ? {} : { requestId: init.requestId }),
    });
    this.response = init.response;
    this.body = init.body;
    this.detail = detail;
  }
}

/** No complete HTTP answer: connection refused or reset, DNS, a body that broke off. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly kind = "network" as const;
  declare readonly operation: string;
  declare readonly method: string;
  declare readonly status?: number;
  declare readonly requestId?: string;
  constructor(facts: CallFacts, message: string, options?: { cause?: unknown }) {
    super(message, options);
    assignFacts(this, facts);
  }
}

/** No complete answer within `timeoutMs`: neither the head nor, once the head arrived, the body. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  readonly kind = "timeout" as const;
  declare readonly operation: string;
  declare readonly method: string;
  declare readonly status?: number;
  declare readonly requestId?: string;
  readonly timeoutMs: number;
  constructor(facts: CallFacts, timeoutMs: number) {
    super(
      `${facts.operation} timed out after ${timeoutMs} ms${facts.status === undefined ? "" : ` reading the ${facts.status} answer's body`}`,
    );
    assignFacts(this, facts);
    this.timeoutMs = timeoutMs;
  }
}

export type ClientError = ApiError | NetworkError | TimeoutError;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for every error the client itself throws (a caller's own abort reason is thrown as it is). */
export function isClientError(error: unknown): error is ClientError {
  return error instanceof ApiError || error instanceof NetworkError || error instanceof TimeoutError;
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id"] as const;

/** The id a server gave the call, else the one the caller sent. */
export function requestIdOf(
  response: Response | undefined,
  request: Request | undefined,
): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response?.headers.get(name);
    if (value) return value;
  }
  return request?.headers.get("x-request-id") ?? undefined;
}

function methodOf(operation: string): string {
  return operation.slice(0, operation.indexOf(" "));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function parseDetail(body: unknown): ErrorDetail[] {
  const detail = isRecord(body) ? body.detail : undefined;
  if (typeof detail === "string") return [{ loc: [], msg: detail, type: "http_error" }];
  if (!Array.isArray(detail)) return [];
  return detail.filter(isRecord).map((entry) => ({
    loc: Array.isArray(entry.loc)
      ? entry.loc.filter((part) => typeof part === "string" || typeof part === "number")
      : [],
    msg: typeof entry.msg === "string" ? entry.msg : "",
    type: typeof entry.type === "string" ? entry.type : "",
    ...(typeof entry.code === "string" ? { code: entry.code } : {}),
  }));
}

/** `422 PATCH /guest-connections/{guest_org_id}: body.archived: Field required` */
export function apiErrorMessage(operation: string, status: number, detail: ErrorDetail[]): string {
  const reasons = detail.map((entry) =>
    entry.loc.length > 0 ? `${entry.loc.join(".")}: ${entry.msg}` : entry.msg,
  );
  return `${status} ${operation}${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`;
}
