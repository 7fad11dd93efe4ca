/** One FastAPI-style error entry. */
export interface ErrorDetail {
  loc: Array<string | number>;
  msg: string;
  type: string;
  code?: string;
}

/**
 * An answer other than success: status and FastAPI's `{"detail": …}` body, a list of entries (a validation or
 * domain error) or one sentence (Starlette's own `Not Found`, `Method Not Allowed`).
 */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly detail: ErrorDetail[] | string,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === "string" ? detail : detail.map((entry) => entry.msg).join("; "));
  }
}

export const unauthorized = (msg: string, code: string) =>
  new HttpError(401, [{ loc: [], msg, type: "authentication", code }], { "www-authenticate": "Bearer" });
export const forbidden = (msg: string, code: string) =>
  new HttpError(403, [{ loc: [], msg, type: "authorization", code }]);
export const notFound = (loc: Array<string | number>, msg: string, code: string) =>
  new HttpError(404, [{ loc, msg, type: "request", code }]);
export const conflict = (msg: string, code: string) =>
  new HttpError(409, [{ loc: [], msg, type: "request", code }]);
export const unprocessable = (loc: Array<string | number>, msg: string, type: string) =>
  new HttpError(422, [{ loc, msg, type }]);
