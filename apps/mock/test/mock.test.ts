import { createSpecValidator, loadBundledSpec, responseSchemaPointer } from "@mca/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";
import { type ExampleRequest, exampleRequests, headersFor } from "./example-requests.js";

const document = loadBundledSpec();
const validator = createSpecValidator(document);

function responseSchema(request: ExampleRequest, status: number): string {
  const schema = responseSchemaPointer(document, request.template, request.method, status);
  if (!schema) throw new Error(`${request.operationId} documents no ${status} response`);
  return schema;
}

async function call(
  mock: MockServer,
  request: ExampleRequest,
  init: { headers: Record<string, string>; body?: unknown },
) {
  const response = await fetch(`${mock.baseUrl}${request.path}`, {
    method: request.method,
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

let staticMock: MockServer;
let dynamicMock: MockServer;
beforeAll(async () => {
  [staticMock, dynamicMock] = await Promise.all([
    startMock({ logLevel: "silent" }),
    startMock({ dynamic: true, seed: "42", logLevel: "silent" }),
  ]);
});
afterAll(async () => {
  await Promise.all([staticMock?.stop(), dynamicMock?.stop()]);
});

const byOperation = exampleRequests.map((request) => [request.operationId, request] as const);
const orgScoped = byOperation.filter(([, request]) => request.orgScoped);

describe("the mock answers every operation with data that satisfies the spec", () => {
  it.each(byOperation)("%s, static: the spec's example", async (_id, request) => {
    const { status, body } = await call(staticMock, request, {
      headers: headersFor(request),
      body: request.body,
    });
    expect(status).toBe(200);
    expect(validator.validate(responseSchema(request, 200), body)).toEqual([]);
  });

  it.each(byOperation)("%s, dynamic (--dynamic): generated data", async (_id, request) => {
    const { status, body } = await call(dynamicMock, request, {
      headers: headersFor(request),
      body: request.body,
    });
    expect(status).toBe(200);
    expect(validator.validate(responseSchema(request, 200), body)).toEqual([]);
  });

  it.each(byOperation)("%s, Prefer: dynamic=true on the static mock", async (_id, request) => {
    const headers = headersFor(request, { extra: { Prefer: "dynamic=true" } });
    const { status, body } = await call(staticMock, request, { headers, body: request.body });
    expect(status).toBe(200);
    expect(validator.validate(responseSchema(request, 200), body)).toEqual([]);
  });

  it("answers with the same data for the same seed", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "getHostConnection",
    ) as ExampleRequest;
    const again = await startMock({ dynamic: true, seed: "42", logLevel: "silent" });
    try {
      const first = await call(again, request, { headers: headersFor(request) });
      const restarted = await startMock({ dynamic: true, seed: "42", logLevel: "silent" });
      const second = await call(restarted, request, { headers: headersFor(request) }).finally(() =>
        restarted.stop(),
      );
      expect(second.body).toEqual(first.body);
    } finally {
      await again.stop();
    }
  }, 180_000);

  it("serves a named example on Prefer: example=…", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "listHostConnections",
    ) as ExampleRequest;
    const headers = headersFor(request, { extra: { Prefer: "example=onePage" } });
    const { status, body } = await call(staticMock, request, { headers });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      total_items: 1,
      items: [expect.objectContaining({ active_action_type: "documents_update_request" })],
    });
  });

  it("serves another documented status on Prefer: code=…", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "createHostConnection",
    ) as ExampleRequest;
    const headers = headersFor(request, { extra: { Prefer: "code=409" } });
    const { status, body } = await call(staticMock, request, { headers, body: request.body });
    expect(status).toBe(409);
    expect(validator.validate(responseSchema(request, 409), body)).toEqual([]);
  });
});

// the 422s themselves are the pipeline's (@mca/pipeline's test/validation.test.ts is the one table of them)
describe("the mock refuses what the API refuses, through the one pipeline", () => {
  it.each(orgScoped)("%s without a bearer token: 401", async (_id, request) => {
    const headers = headersFor(request, { omit: ["Authorization"] });
    const { status, body } = await call(staticMock, request, { headers, body: request.body });
    expect(status).toBe(401);
    expect(validator.validate(responseSchema(request, 401), body)).toEqual([]);
  });

  it("a request that breaks the spec: the pipeline's 422, documented, never reaching Prism", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "listHostConnections",
    ) as ExampleRequest;
    const headers = headersFor(request, { omit: ["Requester-Organization-ID"] });
    const { status, body, headers: answered } = await call(staticMock, request, { headers });
    expect(status).toBe(422);
    expect(body).toEqual({
      detail: [{ loc: ["header", "Requester-Organization-ID"], msg: "Field required", type: "missing" }],
    });
    expect(validator.validate(responseSchema(request, 422), body)).toEqual([]);
    expect(answered.get("content-type")).toMatch(/application\/json/);
  });

  it.each([
    ["an offset-less timestamp is accepted", "2030-12-31T23:59:59.123456"],
    ["a timestamp with an offset is accepted", "2030-12-31T23:59:59Z"],
  ])("date-time: %s", async (_case, expiredAt) => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "createGuestInvitation",
    ) as ExampleRequest;
    const body = { email: "guest@example.com", expired_at: expiredAt };
    const { status } = await call(staticMock, request, { headers: headersFor(request), body });
    expect(status).toBe(200);
  });

  it("Prefer: code=… on a request that breaks the spec still gets the 422 (validated like any other)", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "createHostConnection",
    ) as ExampleRequest;
    const headers = headersFor(request, { extra: { Prefer: "code=409" } });
    const { status } = await call(staticMock, request, { headers, body: { host_organization_id: "acme" } });
    expect(status).toBe(422);
  });
});

describe("CORS: the sandbox's policy", () => {
  it.each([
    ["http://localhost:5173", 200],
    ["https://evil.example", 400],
  ])("a preflight from %s: %i", async (origin, expected) => {
    const response = await fetch(`${staticMock.baseUrl}/host-connections`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization, requester-organization-id, target-organization-id",
      },
    });
    expect(response.status).toBe(expected);
    expect(response.headers.get("access-control-allow-origin")).toBe(expected === 200 ? origin : null);
    if (expected === 200)
      expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
        "requester-organization-id",
      );
  });

  it("an allowed page's call gets Prism's answer with its origin echoed", async () => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "getHostConnection",
    ) as ExampleRequest;
    const response = await fetch(`${staticMock.baseUrl}${request.path}`, {
      headers: { ...headersFor(request), origin: "http://localhost:5173" },
    });
    expect([response.status, response.headers.get("access-control-allow-origin")]).toEqual([
      200,
      "http://localhost:5173",
    ]);
  });
});

describe("query parameters that are T | null", () => {
  it.each([
    ["a lone array item", "active_action_types=analytics_request"],
    ["two array items", "active_action_types=analytics_request&active_action_types=documents_update_request"],
    ["a boolean", "archived=true"],
    ["a search text", "search_text=acme"],
  ])("accepts %s", async (_case, extra) => {
    const request = exampleRequests.find(
      (entry) => entry.operationId === "listHostConnections",
    ) as ExampleRequest;
    const { status } = await call(
      staticMock,
      { ...request, path: `${request.path}&${extra}` },
      { headers: headersFor(request) },
    );
    expect(status).toBe(200);
  });
});
