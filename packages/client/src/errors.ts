import type { ErrorDetail } from "@mca/types";

/** The API answered with a non-2xx status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind = "api" as const;
  /** The operation as the spec names it: method and path template, e.g. `GET /host-connections`. */
  readonly operation: string;
  readonly status: number;
  /** The body's `detail` list (`loc`, `msg`, `type`, `code`); a FastAPI string `detail` becomes one entry. */
  readonly detail: ErrorDetail[];
  readonly body: unknown;
  readonly response: Response;

  /** `redact` scrubs secrets (the bearer token) that a server may echo back, before anything is kept. */
  constructor(init: {
    operation: string;
    response: Response;
    body: unknown;
    redact?: (text: string) => string;
  }) {
    const redact = init.redact ?? ((text: string) => text);
    const body: unknown = init.body === undefined ? undefined : JSON.parse(redact(JSON.stringify(init.body)));
    const detail = parseDetail(body);
    super(apiErrorMessage(init.operation, init.response.status, detail));
    this.operation = init.operation;
    this.status = init.response.status;
    this.response = init.response;
    this.body = body;
    this.detail = detail;
  }
}

/** The request never got an HTTP answer (connection refused, reset, DNS…). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly kind = "network" as const;
  readonly operation: string;
  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}

/** No answer within `timeoutMs`. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  readonly kind = "timeout" as const;
  readonly operation: string;
  readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number) {
    super(`${operation} timed out after ${timeoutMs} ms`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

export type ClientError = ApiError | NetworkError | TimeoutError;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
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
