import type { Client } from "openapi-fetch";
import type { ApiPromise } from "./api-promise.js";
import type { ClientPaths } from "./client-paths.js";
import type { CallSettings } from "./transport.js";

/** Per-call options every resource method takes last. */
export interface CallOptions extends CallSettings {
  /** Act on this organization for this call only. */
  targetOrganizationId?: string;
  /** Extra headers for this call, e.g. `X-Request-ID` or `Idempotency-Key`; they win over the client's. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What openapi-fetch gets per call, on top of the operation's own parameters. */
export interface CallInit {
  headers: Record<string, string> | Headers;
  signal?: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
}

/** An openapi-fetch result, as the operation's call returns it. */
export type FetchResult<Data> = Promise<{ data?: Data; error?: unknown; response: Response }>;

/** What the client hands each resource: the openapi-fetch client and the one way to make a call with it. */
export type ResourceContext = {
  raw: Client<ClientPaths>;
  /**
   * Makes the call `send` describes with this client's per-call init, and turns its result into the data or an
   * `ApiError`. `operation` is the spec's method and path template, e.g. `GET /host-connections/{host_org_id}`.
   */
  call: <Data>(
    operation: string,
    options: CallOptions | undefined,
    send: (init: CallInit) => FetchResult<Data>,
  ) => ApiPromise<Data>;
};
