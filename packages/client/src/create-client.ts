import type { TokenResponse } from "@mca/types";
import { REQUESTER_ORGANIZATION_HEADER, servers, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import createFetchClient, { type Client } from "openapi-fetch";
import { ApiPromise } from "./api-promise.js";
import type { ClientPaths } from "./client-paths.js";
import { ApiError, requestIdOf } from "./errors.js";
import { createGeneratedResources } from "./generated/resources.js";
import { createRawClient, type RawClient } from "./raw-client.js";
import type { CallInit, CallOptions, ResourceContext } from "./resource-context.js";
import { withArchive } from "./resources/guest-connections.js";
import { withListAll } from "./resources/host-connections.js";
import type { Resources } from "./resources/resources.js";
import { type RetryOptions, resolveRetry } from "./retry.js";
import {
  type AuthChoice,
  checkAuthChoice,
  createTokenProvider,
  type TokenProvider,
} from "./token-provider.js";
import { type Call, createTransport, type Transport } from "./transport.js";

export const DEFAULT_BASE_URL: string = servers[0].url;

export type ClientOptions = {
  /** Default: the first server in the spec, production. */
  baseUrl?: string | undefined;
  /** Your organization; sent as `Requester-Organization-ID` on every call but the token request. */
  organizationId: string;
  /** The organization the calls act on; sent as `Target-Organization-ID`. Default: `organizationId` (Self). */
  targetOrganizationId?: string | undefined;
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt, for the answer's head and body together. Default: none. */
  timeoutMs?: number | undefined;
  /** Retry policy for GETs and calls marked idempotent; `false` turns retries off. */
  retry?: RetryOptions | false;
  userAgent?: string | undefined;
} & AuthChoice;

export interface McaClient extends Resources {
  /**
   * openapi-fetch over the generated paths, with this client's auth, headers, retries, timeout and error model
   * (network failures and timeouts throw `NetworkError` / `TimeoutError`; error bodies come back redacted).
   */
  raw: RawClient;
  /** The same client acting on another organization (Host → Guest, Guest → Host); middleware is shared. */
  forTarget(targetOrganizationId: string): McaClient;
}

const identity = (text: string) => text;

/** The one answer to "which id did this call carry": the server's, else the one the caller sent. */
function callRequestId(response: Response, sent: Record<string, string> | undefined): string | undefined {
  const fromServer = requestIdOf(response, undefined);
  if (fromServer !== undefined || sent === undefined) return fromServer;
  return new Headers(sent).get("x-request-id") ?? undefined;
}

/** Turns an openapi-fetch result into its data (and response), or an ApiError naming the operation. */
function settle<Data>(
  operation: string,
  result: Promise<{ data?: Data; error?: unknown; response: Response }>,
  sentHeaders: Record<string, string> | undefined,
): ApiPromise<Data> {
  return new ApiPromise(
    result.then(({ data, error, response }) => {
      if (response.ok) return { data: data as Data, response };
      const requestId = callRequestId(response, sentHeaders);
      throw new ApiError({ operation, response, body: error, ...(requestId ? { requestId } : {}) });
    }),
  );
}

/** One organization scope over the shared openapi-fetch client: its resources, its raw client, its children. */
function buildScope(
  base: Client<ClientPaths>,
  transport: Transport,
  scopeHeaders: Record<string, string>,
): McaClient {
  function callInit(operation: string, options: CallOptions = {}): CallInit {
    const call: Call = {
      operation,
      ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    };
    const headers =
      options.targetOrganizationId === undefined && options.headers === undefined
        ? scopeHeaders
        : {
            ...scopeHeaders,
            ...(options.targetOrganizationId === undefined
              ? {}
              : { [TARGET_ORGANIZATION_HEADER]: options.targetOrganizationId }),
            ...options.headers,
          };
    return {
      headers,
      ...(options.signal ? { signal: options.signal } : {}),
      fetch: (request) => transport(request, call),
    };
  }

  const context: ResourceContext = {
    raw: base,
    call: (operation, options, send) =>
      settle(operation, send(callInit(operation, options)), options?.headers),
  };
  const generated = createGeneratedResources(context);
  return {
    ...generated,
    hostConnections: withListAll(generated.hostConnections),
    guestConnections: withArchive(generated.guestConnections),
    raw: createRawClient(base, (operation, fetch, streamed) => {
      const init = callInit(operation);
      const call: Call = { operation, ...(streamed ? { streamed } : {}) };
      return { ...init, fetch: (request: Request) => transport(request, call, fetch) };
    }),
    forTarget: (targetOrganizationId) =>
      buildScope(base, transport, { ...scopeHeaders, [TARGET_ORGANIZATION_HEADER]: targetOrganizationId }),
  };
}

function requireOrganizationId(organizationId: unknown): string {
  if (typeof organizationId !== "string" || organizationId === "")
    throw new TypeError(
      "createClient: organizationId is required (your organization, sent as Requester-Organization-ID)",
    );
  return organizationId;
}

export function createClient(options: ClientOptions): McaClient {
  const organizationId = requireOrganizationId(options.organizationId);
  const auth = checkAuthChoice(options);
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const userAgent = options.userAgent ? { "User-Agent": options.userAgent } : undefined;

  let tokens: TokenProvider | undefined;
  if (auth !== undefined) {
    // the token request goes out without organization headers, retries or a token of its own
    const tokenClient = createFetchClient<ClientPaths>({
      baseUrl,
      ...(userAgent ? { headers: userAgent } : {}),
    });
    const tokenTransport = createTransport({
      fetch: fetchImpl,
      tokens: undefined,
      redact: (text) => tokens?.redact(text) ?? text,
      timeoutMs: options.timeoutMs,
      retry: resolveRetry(false),
    });
    const operation = "POST /oauth2/token";
    tokens = createTokenProvider(auth, async (clientId, clientSecret): Promise<TokenResponse> => {
      const result = tokenClient.POST("/oauth2/token", {
        body: { client_id: clientId, client_secret: clientSecret },
        fetch: (request) => tokenTransport(request, { operation }),
      });
      return settle(operation, result, undefined);
    });
  }

  const transport = createTransport({
    fetch: fetchImpl,
    tokens,
    redact: tokens ? tokens.redact : identity,
    timeoutMs: options.timeoutMs,
    retry: resolveRetry(options.retry),
  });
  const base = createFetchClient<ClientPaths>({
    baseUrl,
    headers: {
      [REQUESTER_ORGANIZATION_HEADER]: organizationId,
      ...userAgent,
      ...(tokens?.staticToken === undefined ? {} : { Authorization: `Bearer ${tokens.staticToken}` }),
    },
  });
  return buildScope(base, transport, {
    [TARGET_ORGANIZATION_HEADER]: options.targetOrganizationId ?? organizationId,
  });
}
