import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

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

/** What a broken server does: change the request before the upstream sees it, answer itself, or change the answer. */
export interface Breakage {
  request?(request: ProxiedRequest): ProxiedRequest;
  answer?(request: ProxiedRequest): ProxiedResponse | undefined;
  response?(response: ProxiedResponse, request: ProxiedRequest): ProxiedResponse;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A server in front of `upstream` (a correct server) that breaks the contract in one way: how each check is
 * proven able to fail. Exported as `@mca/contract-tests/testing` for suites that hold a stateful upstream.
 */
export async function startBreakingProxy(
  upstream: string,
  breakage: Breakage,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    const headers = Object.fromEntries(
      Object.entries(incoming.headers).flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value]] : [],
      ),
    );
    let request: ProxiedRequest = {
      method: incoming.method ?? "GET",
      url: incoming.url ?? "/",
      headers,
      body: await readBody(incoming),
    };
    request = breakage.request?.(request) ?? request;
    let response = breakage.answer?.(request);
    if (!response) {
      const { host: _host, "content-length": _length, ...forwarded } = request.headers;
      const upstreamResponse = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        headers: forwarded,
        ...(request.body && request.method !== "GET" ? { body: request.body } : {}),
      });
      response = {
        status: upstreamResponse.status,
        headers: { "content-type": upstreamResponse.headers.get("content-type") ?? "application/json" },
        body: await upstreamResponse.text(),
      };
    }
    response = breakage.response?.(response, request) ?? response;
    outgoing.writeHead(response.status, response.headers).end(response.body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
