import type { TokenResponse } from "@mca/types";
import { REQUESTER_ORGANIZATION_HEADER, servers, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import createFetchClient, { type Client } from "openapi-fetch";
import type { ClientPaths } from "./client-paths.js";
import { ApiError } from "./errors.js";
import type { CallOptions, ResourceContext } from "./resource-context.js";
import { createGuestConnections } from "./resources/guest-connections.js";
import { createGuestInvitations } from "./resources/guest-invitations.js";
import { createHostConnections } from "./resources/host-connections.js";
import { createOauth } from "./resources/oauth.js";
import type { Resources } from "./resources/resources.js";
import { type RetryOptions, resolveRetry } from "./retry.js";
import { type AuthOptions, createTokenProvider, type TokenProvider } from "./token-provider.js";
import { type CallSettings, createTransport, type TransportSettings } from "./transport.js";

export const DEFAULT_BASE_URL: string = servers[0].url;

export type ClientOptions = {
  /** Default: the first server in the spec, production. */
  baseUrl?: string;
  /** Your organization; sent as `Requester-Organization-ID`. */
  organizationId?: string;
  /** The organization the calls act on; sent as `Target-Organization-ID`. Default: `organizationId` (Self). */
  targetOrganizationId?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt. Default: none. */
  timeoutMs?: number;
  /** Retry policy for GETs and calls marked idempotent; `false` turns retries off. */
  retry?: RetryOptions | false;
  userAgent?: string;
} & (AuthOptions | { token?: undefined });

export type RawClient = Client<ClientPaths>;

export interface McaClient extends Resources {
  /** openapi-fetch over the generated paths, with this client's auth, headers, retries and timeout. */
  raw: RawClient;
  /** The same client, acting on another organization (Host → Guest, Guest → Host). */
  forTarget(targetOrganizationId: string): McaClient;
}

/** Who the client's calls come from and act on. */
interface OrganizationScope {
  organizationId: string | undefined;
  targetOrganizationId: string | undefined;
  userAgent: string | undefined;
}

/** Headers every request of this client carries, set once when openapi-fetch builds the request. */
function defaultHeaders(scope: OrganizationScope, settings: TransportSettings): Record<string, string> {
  const headers: Record<string, string> = {};
  if (scope.organizationId) headers[REQUESTER_ORGANIZATION_HEADER] = scope.organizationId;
  const target = scope.targetOrganizationId ?? scope.organizationId;
  if (target) headers[TARGET_ORGANIZATION_HEADER] = target;
  if (scope.userAgent) headers["User-Agent"] = scope.userAgent;
  if (settings.tokens?.staticToken !== undefined)
    headers.Authorization = `Bearer ${settings.tokens.staticToken}`;
  return headers;
}

function buildClient(settings: TransportSettings, scope: OrganizationScope, baseUrl: string): McaClient {
  const transport = createTransport(settings);
  const raw = createFetchClient<ClientPaths>({
    baseUrl,
    fetch: transport,
    headers: defaultHeaders(scope, settings),
  });

  /** Turns an openapi-fetch result into its data, or throws an ApiError naming the operation. */
  async function unwrap<Data>(
    operation: string,
    result: Promise<{ data?: Data; error?: unknown; response: Response }>,
  ): Promise<Data> {
    const { data, error, response } = await result;
    if (response.ok) return data as Data;
    throw new ApiError({
      operation,
      response,
      body: error,
      ...(settings.tokens ? { redact: settings.tokens.redact } : {}),
    });
  }

  /** What each resource method passes to openapi-fetch for per-call options. */
  function callInit(options: CallOptions = {}) {
    const headers: Record<string, string> = {};
    if (options.targetOrganizationId) headers[TARGET_ORGANIZATION_HEADER] = options.targetOrganizationId;
    const call: CallSettings = {
      ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    };
    return {
      headers,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(Object.keys(call).length > 0 ? { fetch: createTransport(settings, call) } : {}),
    };
  }

  const context: ResourceContext = { raw, unwrap, callInit };
  return {
    raw,
    oauth: createOauth(context),
    guestInvitations: createGuestInvitations(context),
    hostConnections: createHostConnections(context),
    guestConnections: createGuestConnections(context),
    forTarget: (targetOrganizationId) => buildClient(settings, { ...scope, targetOrganizationId }, baseUrl),
  };
}

export function createClient(options: ClientOptions = {}): McaClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const retry = resolveRetry(options.retry);
  let tokens: TokenProvider | undefined;
  if ("clientId" in options && options.clientId !== undefined) {
    const tokenClient = createFetchClient<ClientPaths>({
      baseUrl,
      fetch: createTransport({
        fetch: fetchImpl,
        tokens: undefined,
        timeoutMs: options.timeoutMs,
        retry: resolveRetry(false),
      }),
      ...(options.userAgent ? { headers: { "User-Agent": options.userAgent } } : {}),
    });
    tokens = createTokenProvider(options, async (clientId, clientSecret): Promise<TokenResponse> => {
      const { data, error, response } = await tokenClient.POST("/oauth2/token", {
        body: { client_id: clientId, client_secret: clientSecret },
      });
      if (data) return data;
      const redact = (text: string) => text.split(clientSecret).join("[redacted]");
      throw new ApiError({ operation: "POST /oauth2/token", response, body: error, redact });
    });
  } else if (("token" in options && options.token !== undefined) || "getToken" in options) {
    tokens = createTokenProvider(options as AuthOptions, () =>
      Promise.reject(new Error("no client credentials")),
    );
  }
  return buildClient(
    { fetch: fetchImpl, tokens, timeoutMs: options.timeoutMs, retry },
    {
      organizationId: options.organizationId,
      targetOrganizationId: options.targetOrganizationId,
      userAgent: options.userAgent,
    },
    baseUrl,
  );
}
