import { type Client, mergeHeaders } from "openapi-fetch";
import type { ClientPaths } from "./client-paths.js";
import type { CallInit } from "./resource-context.js";

export type RawClient = Client<ClientPaths>;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
type Method = (typeof METHODS)[number];

/** What the wrapper reads of a call's init: the rest passes through to openapi-fetch untouched. */
interface UntypedInit {
  headers?: unknown;
  fetch?: unknown;
  parseAs?: unknown;
}
/** What the wrapper needs of an openapi-fetch method: a path template and an init it can add to. */
type UntypedCall = (url: string, init?: UntypedInit) => Promise<unknown>;
type UntypedRequest = (method: string, url: string, init?: UntypedInit) => Promise<unknown>;
type CallerFetch = (request: Request) => Promise<Response>;

/**
 * The openapi-fetch client a scope hands out as `raw`: every call goes through the client's transport with the
 * spec's operation (`GET /host-connections/{host_org_id}`) for its errors, and carries the scope's organization
 * headers under the caller's own. `use` and `eject` are the shared client's, so middleware added on one scope
 * (`client.raw.use(...)`) runs for every scope (`client.forTarget(id).raw`) and every resource method.
 */
export function createRawClient(
  base: RawClient,
  initFor: (operation: string, fetch: CallerFetch | undefined, streamed: boolean) => CallInit,
): RawClient {
  // openapi-fetch's methods are generic over the paths; the wrapper only adds headers and `fetch`, which leaves
  // those types as they are, so the typed client is the one handed out
  const untyped = base as unknown as Record<Method, UntypedCall> & { request: UntypedRequest };
  const withInit = (method: string, url: string, init: UntypedInit = {}) => {
    const own = initFor(
      `${method.toUpperCase()} ${url}`,
      init.fetch as CallerFetch | undefined,
      init.parseAs === "stream",
    );
    return {
      ...init,
      headers:
        init.headers === undefined ? own.headers : mergeHeaders(own.headers, init.headers as HeadersInit),
      fetch: own.fetch,
    };
  };
  const wrapped: Record<string, unknown> = {
    request: (method: string, url: string, init?: UntypedInit) =>
      untyped.request(method, url, withInit(method, url, init)),
    use: base.use,
    eject: base.eject,
  };
  for (const method of METHODS)
    wrapped[method] = (url: string, init?: UntypedInit) => untyped[method](url, withInit(method, url, init));
  return wrapped as unknown as RawClient;
}
