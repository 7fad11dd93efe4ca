import { type Answer, jsonAnswer } from "../answer.js";
import { type ErrorDetail, HttpError } from "../errors.js";

/** What a server answers for an error no stage expected: 500 for a server, 502 for a proxy (the mock's front). */
export interface UnexpectedError {
  status: number;
  detail: ErrorDetail;
  /** Where the error is told (the answer tells the caller nothing of it). */
  log(line: string): void;
}

/** An `HttpError` as FastAPI writes it (`{"detail": …}` and its headers); anything else as `unexpected` says. */
export function errorAnswer(error: unknown, unexpected: UnexpectedError, what: string): Answer {
  if (error instanceof HttpError) return jsonAnswer(error.status, { detail: error.detail }, error.headers);
  unexpected.log(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return jsonAnswer(unexpected.status, { detail: [unexpected.detail] });
}
