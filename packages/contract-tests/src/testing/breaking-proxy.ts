import { forward, type IncomingRequest } from "@mca/pipeline";
import { serve } from "@mca/pipeline/node";

export interface ProxiedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type MaybeAsync<T> = T | Promise<T>;

/**
 * What a broken server does: change the request before the upstream sees it, answer itself, or change the
 * answer (and, being async, do more behind the caller's back: `forward` sends another request upstream).
 */
export interface Breakage {
  request?(request: ProxiedRequest): MaybeAsync<ProxiedRequest>;
  answer?(request: ProxiedRequest): MaybeAsync<ProxiedResponse | undefined>;
  response?(
    response: ProxiedResponse,
    request: ProxiedRequest,
    forward: (request: ProxiedRequest) => Promise<ProxiedResponse>,
  ): MaybeAsync<ProxiedResponse>;
}

/** The proxied request as the pipeline's transport-free request, for `forward`. */
function asIncoming(request: ProxiedRequest): IncomingRequest {
  return {
    method: request.method,
    url: new URL(request.url, "http://proxy.invalid"),
    header: (name) => request.headers[name],
    headerEntries: () => Object.entries(request.headers),
    bytes: async () => new TextEncoder().encode(request.body),
    remoteAddress: undefined,
  };
}

/**
 * A server in front of `upstream` (a correct server) that breaks the contract in one way: how each check is
 * proven able to fail. Exported as `@mca/contract-tests/testing` for suites that hold a stateful upstream. It
 * forwards with the repository's one forwarding helper and serves through its one node:http adapter.
 */
export async function startBreakingProxy(
  upstream: string,
  breakage: Breakage,
): Promise<{ url: string; stop(): Promise<void> }> {
  const toUpstream = async (request: ProxiedRequest): Promise<ProxiedResponse> => {
    const answer = await forward(upstream, asIncoming(request), request.body);
    return {
      status: answer.status,
      headers: { "content-type": answer.headers["content-type"] ?? "application/json" },
      body:
        typeof answer.body === "string" ? answer.body : new TextDecoder().decode(answer.body ?? undefined),
    };
  };
  const served = await serve(
    async (incoming) => {
      const bytes = await incoming.bytes();
      let request: ProxiedRequest = {
        method: incoming.method,
        url: `${incoming.url.pathname}${incoming.url.search}`,
        headers: Object.fromEntries(incoming.headerEntries()),
        body: bytes ? new TextDecoder().decode(bytes) : "",
      };
      request = (await breakage.request?.(request)) ?? request;
      let response = (await breakage.answer?.(request)) ?? (await toUpstream(request));
      response = (await breakage.response?.(response, request, toUpstream)) ?? response;
      return { status: response.status, headers: response.headers, body: response.body };
    },
    { port: 0 },
  );
  return { url: served.url, stop: served.stop };
}
