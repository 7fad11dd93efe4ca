import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  type ClientError,
  createClient,
  isClientError,
  type McaClient,
  NetworkError,
  TimeoutError,
} from "../src/index.js";
import { clientFor, fakeFetch, hostConnection, json, type Responder } from "./support/fake-fetch.js";

const HOST = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";
const GET_ONE = "GET /host-connections/{host_org_id}";
const fastRetry = { baseDelayMs: 1, maxDelayMs: 2 };

/** A body whose first bytes arrive and whose rest never does (or breaks off when `fail` is set). */
function stalledBody(status: number, fail?: Error, headers: Record<string, string> = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"host_organization_id":'));
      if (fail) setTimeout(() => controller.error(fail), 5);
    },
  });
  return new Response(stream, { status, headers: { "content-type": "application/json", ...headers } });
}

const hangHead: Responder = (request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason));
  });

type Via = "resource" | "raw";

async function getOne(client: McaClient, via: Via, headers?: Record<string, string>): Promise<unknown> {
  if (via === "resource") return client.hostConnections.get(HOST, headers ? { headers } : {});
  const { data, error } = await client.raw.GET("/host-connections/{host_org_id}", {
    params: { path: { host_org_id: HOST } },
    ...(headers ? { headers } : {}),
  });
  return data ?? error;
}

interface FailureCase {
  name: string;
  respond: Responder;
  kind: ClientError["kind"];
  status: number | undefined;
  /** Resource methods only: `raw` returns an error answer as `{ error }` instead of throwing. */
  resourceOnly?: boolean;
}

/** Every way a call can fail, each with the one error type and the facts it must carry. */
const FAILURES: FailureCase[] = [
  {
    name: "connection refused",
    respond: () => {
      throw new TypeError("fetch failed");
    },
    kind: "network",
    status: undefined,
  },
  { name: "no answer head within timeoutMs", respond: hangHead, kind: "timeout", status: undefined },
  {
    name: "a body that stalls past timeoutMs",
    respond: () => stalledBody(200),
    kind: "timeout",
    status: 200,
  },
  {
    name: "a body that breaks off",
    respond: () => stalledBody(200, new TypeError("terminated")),
    kind: "network",
    status: 200,
  },
  {
    name: "an error answer",
    respond: () => json({ detail: "Not Found" }, 404),
    kind: "api",
    status: 404,
    resourceOnly: true,
  },
];

describe("one error model: ApiError | NetworkError | TimeoutError from every path", () => {
  const cases = FAILURES.flatMap((failure) =>
    (["resource", "raw"] as const)
      .filter((via) => via === "resource" || !failure.resourceOnly)
      .map((via) => [`${failure.name}, through ${via}`, failure, via] as const),
  );

  it.each(cases)("%s", async (_name, failure, via) => {
    const fake = fakeFetch(failure.respond);
    const client = clientFor(fake, { token: "t", timeoutMs: 40, retry: fastRetry });
    const error = await getOne(client, via, { "X-Request-ID": "req-42" }).catch((caught: unknown) => caught);
    expect(isClientError(error)).toBe(true);
    const expectedClass = { api: ApiError, network: NetworkError, timeout: TimeoutError }[failure.kind];
    expect(error).toBeInstanceOf(expectedClass);
    const clientError = error as ClientError;
    expect(clientError.kind).toBe(failure.kind);
    // the template, never the concrete path or the base path
    expect(clientError.operation).toBe(GET_ONE);
    expect(clientError.method).toBe("GET");
    expect(clientError.status).toBe(failure.status);
    expect(clientError.requestId).toBe("req-42");
    // a GET is retried on network failures and timeouts alike (head or body); 404 is not retried
    expect(fake.apiRequests()).toHaveLength(failure.kind === "api" ? 1 : 3);
  });

  it("takes the server's request id over the one the call sent", async () => {
    const fake = fakeFetch(() => stalledBody(503, new TypeError("terminated"), { "x-request-id": "srv-7" }));
    const client = clientFor(fake, { token: "t", retry: false });
    const error = await getOne(client, "resource", { "X-Request-ID": "mine" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: "network", status: 503, requestId: "srv-7" });
  });

  it("leaves requestId out when nobody named one", async () => {
    const fake = fakeFetch(() => json({ detail: "Not Found" }, 404));
    const error = await getOne(clientFor(fake, { token: "t" }), "resource").catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(Object.hasOwn(error as object, "requestId")).toBe(false);
  });
});

describe("a real server whose body stalls (undici, not a scripted fetch)", () => {
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { "content-type": "application/json", "x-request-id": "real-1" });
      response.write(JSON.stringify(hostConnection(1)).slice(0, 20));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("is a TimeoutError with the status and the server's request id, retried", async () => {
    const client = createClient({
      baseUrl,
      organizationId: HOST,
      token: "t",
      timeoutMs: 100,
      retry: { maxRetries: 1, ...fastRetry },
    });
    const error = await client.hostConnections.get(HOST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: GET_ONE, status: 200, requestId: "real-1", timeoutMs: 100 });
    expect(requests).toBe(2);
  });
});

describe("raw results are redacted like the resource methods' errors", () => {
  const TOKEN = "eyJhbGciOiJIUzI1NiJ9.raw-secret";
  it("replaces the token in an error body, whole values only", async () => {
    const fake = fakeFetch(() =>
      json({ detail: [{ loc: [], msg: `token ${TOKEN} refused; at least 1 t`, type: "auth" }] }, 403),
    );
    const client = clientFor(fake, { token: TOKEN, retry: false });
    const { error, response } = await client.raw.GET("/host-connections/{host_org_id}", {
      params: { path: { host_org_id: HOST } },
    });
    expect(response.status).toBe(403);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(error).toEqual({
      detail: [{ loc: [], msg: "token [redacted] refused; at least 1 t", type: "auth" }],
    });
  });

  it("leaves a successful body as the server sent it: data is not scrubbed", async () => {
    const fake = fakeFetch(() => json({ ...hostConnection(1), host_name: TOKEN }));
    const client = clientFor(fake, { token: TOKEN });
    const host = await client.hostConnections.get(HOST);
    expect(host.host_name).toBe(TOKEN);
  });
});

describe("a raw caller that streams the body", () => {
  it("gets the body as it arrives (parseAs: stream), not a buffered copy", async () => {
    const fake = fakeFetch(() => json(hostConnection(1)));
    const client = clientFor(fake, { token: "t" });
    const { data } = await client.raw.GET("/host-connections/{host_org_id}", {
      params: { path: { host_org_id: HOST } },
      parseAs: "stream",
    });
    expect(data).toBeInstanceOf(ReadableStream);
    expect(JSON.parse(await new Response(data).text())).toEqual(hostConnection(1));
  });
});
