import { ApiError, createClient, type McaClient, NetworkError, TimeoutError } from "@mca/client";
import {
  createSandbox,
  type Fault,
  faults,
  type InProcessSandbox,
  UNDOCUMENTED_STATUS_HEADER,
} from "@mca/sandbox-msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";

let sandbox: InProcessSandbox;
const server = setupServer();
beforeAll(async () => {
  sandbox = await createSandbox({ seed: 21 });
  server.use(...sandbox.handlers);
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => sandbox.reset());
afterAll(async () => {
  server.close();
  await sandbox?.close();
});

/** The guest's client: through MSW (global fetch), or through `sandbox.fetch` with no MSW at all. */
const guestClient = (through: "msw" | "fetch", extra: { timeoutMs?: number } = {}): McaClient =>
  createClient({
    baseUrl: sandbox.baseUrl,
    organizationId: sandbox.guest.organizationId,
    clientId: sandbox.guest.clientId,
    clientSecret: sandbox.guest.clientSecret,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    ...(through === "fetch" ? { fetch: sandbox.fetch } : {}),
    ...extra,
  });
const QUERY = { statuses: ["connected" as const], limit: 10, offset: 0 };
const list = (client: McaClient) => client.hostConnections.list(QUERY).withResponse();

interface FaultCase {
  name: string;
  fault: Fault;
  times?: number;
  /** What the client makes of it: the list answered (after its retries or token refresh), or the error. */
  outcome: "answered" | { error: new (...args: never[]) => Error; status?: number; type?: string };
  extra?: { timeoutMs?: number };
}

const CASES: FaultCase[] = [
  {
    name: "one 429 with Retry-After: retried after it",
    fault: faults.rateLimited(0),
    times: 1,
    outcome: "answered",
  },
  {
    name: "429 on every call: ApiError 429 once the retries are spent",
    fault: faults.rateLimited(0),
    outcome: { error: ApiError, status: 429 },
  },
  {
    name: "a burst of two 503s: the two retries get through",
    fault: faults.unavailable(),
    times: 2,
    outcome: "answered",
  },
  {
    name: "a burst of three 503s: ApiError 503",
    fault: faults.unavailable(),
    times: 3,
    outcome: { error: ApiError, status: 503 },
  },
  {
    name: "latency under the timeout: answered",
    fault: faults.latency(30),
    outcome: "answered",
    extra: { timeoutMs: 2_000 },
  },
  {
    name: "latency past the timeout: TimeoutError",
    fault: faults.latency(400),
    outcome: { error: TimeoutError },
    extra: { timeoutMs: 100 },
  },
  {
    name: "an expired token once: the client refreshes it and is answered",
    fault: faults.expiredToken(),
    times: 1,
    outcome: "answered",
  },
  {
    name: "tokens that keep expiring: ApiError 401 token_expired",
    fault: faults.expiredToken(),
    outcome: { error: ApiError, status: 401, type: "authentication" },
  },
  {
    name: "a dropped connection on every attempt: NetworkError",
    fault: faults.droppedConnection(),
    outcome: { error: NetworkError },
  },
  {
    name: "one dropped connection: the GET is retried",
    fault: faults.droppedConnection(),
    times: 1,
    outcome: "answered",
  },
];

describe.each(["msw", "fetch"] as const)("@mca/client through each fault (%s)", (through) => {
  it.each(CASES.map((entry) => [entry.name, entry] as const))("%s", async (_name, entry) => {
    sandbox.use("listHostConnections", entry.fault, entry.times === undefined ? {} : { times: entry.times });
    const call = list(guestClient(through, entry.extra));
    if (entry.outcome === "answered") {
      const { data, response } = await call;
      expect(response.status).toBe(200);
      expect(data).toEqual({ items: [], total_items: 0 });
      return;
    }
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(entry.outcome.error);
    if (entry.outcome.status !== undefined) expect((error as ApiError).status).toBe(entry.outcome.status);
    if (entry.outcome.type !== undefined)
      expect((error as ApiError).detail[0]).toMatchObject({
        type: entry.outcome.type,
        code: "token_expired",
      });
  });
});

describe("statuses the spec does not document are marked, not checked", () => {
  it.each([
    ["429", faults.rateLimited(7), { "retry-after": "7" }],
    ["503", faults.unavailable(), {}],
  ] as const)("%s", async (status, fault, headers) => {
    sandbox.use("listHostConnections", fault);
    const error = (await list(guestClient("fetch", {})).catch((thrown: unknown) => thrown)) as ApiError;
    expect(error.status).toBe(Number(status));
    expect(error.response.headers.get(UNDOCUMENTED_STATUS_HEADER)).toBe("true");
    for (const [name, value] of Object.entries(headers)) expect(error.response.headers.get(name)).toBe(value);
  });
});

describe("documented answers: typed by operationId, checked against the spec", () => {
  const item = {
    host_organization_id: "d49b0749-fbc7-4e0a-b03d-ef15f238071a",
    guest_organization_id: "054b4106-174b-46b0-97f8-86d8d7b6f0af",
    host_name: "Scenario Host",
    host_email: "host@scenario.example",
    owner_email: "owner@scenario.example",
    status: "connected" as const,
    archived: false,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };

  it("a body of the 200's schema is answered as given, for one call", async () => {
    sandbox.use(
      "listHostConnections",
      { status: 200, body: { items: [item], total_items: 1 } },
      { times: 1 },
    );
    const client = guestClient("msw");
    expect((await client.hostConnections.list(QUERY)).items).toEqual([item]);
    expect((await client.hostConnections.list(QUERY)).items).toEqual([]);
  });

  it("a wrong body fails with the schema path", () => {
    expect(() =>
      // @ts-expect-error a status outside ConnectionStatus
      sandbox.use("listHostConnections", {
        status: 200,
        body: { items: [{ ...item, status: "pending" }], total_items: 1 },
      }),
    ).toThrow(
      /\/items\/0\/status must be equal to one of the allowed values \(schema #\/components\/schemas\/ConnectionStatus\/enum\)/,
    );
    expect(() =>
      // @ts-expect-error total_items is required
      sandbox.use("listHostConnections", { status: 200, body: { items: [] } }),
    ).toThrow(/must have required property 'total_items'/);
  });

  it("wrong calls fail to compile", () => {
    // @ts-expect-error no such operation
    expect(() => sandbox.use("deleteEverything", faults.unavailable())).toThrow(
      /no operation deleteEverything/,
    );
    // @ts-expect-error 418 is no status the operation documents
    expect(() => sandbox.use("getHostConnection", { status: 418, body: {} })).toThrow(/documents no 418/);
    expectTypeOf(sandbox.use<"createToken">)
      .parameter(1)
      .extract<{ status: 200 }>()
      .toEqualTypeOf<{
        status: 200;
        body: { access_token: string; expires_in: number };
        headers?: Record<string, string>;
      }>();
  });
});

describe("sandbox.seed: states the API cannot create, checked against the spec", () => {
  it("a disconnected connection with an active action, as the guest lists it", async () => {
    await sandbox.seed.connection({
      host: sandbox.hosts[1] as InProcessSandbox["host"],
      guest: sandbox.guest,
      status: "disconnected",
      active_action_type: "documents_update_request",
      total_score: 712.5,
    });
    const page = await guestClient("fetch").hostConnections.list({ ...QUERY, statuses: ["disconnected"] });
    expect(page.items).toEqual([
      expect.objectContaining({
        host_organization_id: sandbox.hosts[1]?.organizationId,
        status: "disconnected",
        active_action_type: "documents_update_request",
      }),
    ]);
  });

  it("a value outside the schema fails with its path", async () => {
    await expect(
      // @ts-expect-error not a ConnectionStatus
      sandbox.seed.connection({ host: sandbox.host, guest: sandbox.guest, status: "paused" }),
    ).rejects.toThrow(
      /status does not match the spec:\n.*must be equal to one of the allowed values \(schema #\/components\/schemas\/ConnectionStatus\/enum\)/,
    );
    await expect(
      sandbox.seed.connection({ host: sandbox.host, guest: sandbox.guest, total_score: -1 }),
    ).rejects.toThrow(/total_score/);
  });
});
