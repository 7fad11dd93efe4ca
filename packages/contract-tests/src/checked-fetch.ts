import type { OperationId } from "@mca/types";
import { record } from "./http/request.js";
import { operationForRequest, responseProblems, specResponses } from "./response-verdict.js";

/** A response that breaks the spec, seen by `checkedFetch`. */
export class ContractMismatch extends Error {
  override readonly name = "ContractMismatch";
  constructor(
    readonly operationId: OperationId | string,
    readonly status: number,
    readonly problems: string[],
    request: string,
  ) {
    super(
      `${request} (${operationId}) answered ${status}, which breaks the spec:\n  ${problems.join("\n  ")}`,
    );
  }
}

export interface CheckedFetchOptions {
  /** `throw` (the default): the call rejects with a ContractMismatch; `warn`: console.warn; or your own handler. */
  onMismatch?: "throw" | "warn" | ((mismatch: ContractMismatch) => void);
}

type Fetch = (input: Request) => Promise<Response>;

/**
 * `fetch` that checks every response against the spec (documented status, content type, headers and body
 * schema), for any client in any test: `createMcaClient({ fetch: checkedFetch(fetch) })`. A request the spec has
 * no operation for passes through unjudged. The caller still gets the whole response.
 */
export function checkedFetch(
  upstream: Fetch = (request) => fetch(request),
  options: CheckedFetchOptions = {},
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await upstream(request);
    const operation = operationForRequest(request.method, request.url, specResponses());
    if (!operation) return response;
    const problems = responseProblems(operation, await record(response.clone()));
    if (problems.length === 0) return response;
    const mismatch = new ContractMismatch(
      operation.operationId,
      response.status,
      problems,
      `${request.method} ${new URL(request.url).pathname}`,
    );
    const onMismatch = options.onMismatch ?? "throw";
    if (onMismatch === "throw") throw mismatch;
    if (onMismatch === "warn") console.warn(mismatch.message);
    else onMismatch(mismatch);
    return response;
  };
}
