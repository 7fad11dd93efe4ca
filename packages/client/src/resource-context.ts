import type { Client } from "openapi-fetch";
import type { ClientPaths } from "./client-paths.js";
import type { CallSettings } from "./transport.js";

/** Per-call options every resource method takes last. */
export interface CallOptions extends CallSettings {
  /** Act on this organization for this call only. */
  targetOrganizationId?: string;
  signal?: AbortSignal;
}

/** What the client hands each resource: the raw client, the result unwrapper and per-call options. */
export type ResourceContext = {
  raw: Client<ClientPaths>;
  unwrap: <Data>(
    operation: string,
    result: Promise<{ data?: Data; error?: unknown; response: Response }>,
  ) => Promise<Data>;
  callInit: (options?: CallOptions) => {
    headers: Record<string, string>;
    signal?: AbortSignal;
    fetch?: (request: Request) => Promise<Response>;
  };
};
