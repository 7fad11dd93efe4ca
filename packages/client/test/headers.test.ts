import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
import {
  clientFor,
  fakeFetch,
  GUEST_CONNECTION,
  json,
  OWN_ORGANIZATION as OWN,
} from "./support/fake-fetch.js";

const GUEST = "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77";
const HOST = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";

describe("organization headers follow the authorization guide's scenarios", () => {
  it.each([
    ["Self: the target is the requester", (client: ReturnType<typeof createClient>) => client, OWN],
    [
      "Host → Guest: forTarget(guest)",
      (client: ReturnType<typeof createClient>) => client.forTarget(GUEST),
      GUEST,
    ],
    [
      "Guest → Host: forTarget(host)",
      (client: ReturnType<typeof createClient>) => client.forTarget(HOST),
      HOST,
    ],
  ])("%s", async (_scenario, pick, expectedTarget) => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = clientFor(fake, { token: "t0ken" });
    await pick(client).guestConnections.archive(GUEST);
    const [request] = fake.apiRequests();
    expect(request?.headers.get("Requester-Organization-ID")).toBe(OWN);
    expect(request?.headers.get("Target-Organization-ID")).toBe(expectedTarget);
    expect(request?.headers.get("Authorization")).toBe("Bearer t0ken");
  });

  it("takes a per-call target over the client's", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = clientFor(fake, { token: "t" });
    await client.guestConnections.unarchive(GUEST, { targetOrganizationId: HOST });
    expect(fake.apiRequests()[0]?.headers.get("Target-Organization-ID")).toBe(HOST);
  });

  it("sends the user agent, the JSON body and the path parameter", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = createClient({
      baseUrl: "http://api.test/v1/",
      organizationId: OWN,
      token: "t",
      userAgent: "my-app/1.0",
      fetch: fake.fetch,
    });
    await client.guestConnections.archive(GUEST);
    const [request] = fake.apiRequests();
    expect(request?.url).toBe(`http://api.test/v1/guest-connections/${GUEST}`);
    expect(request?.method).toBe("PATCH");
    expect(request?.headers.get("User-Agent")).toBe("my-app/1.0");
    expect(await request?.json()).toEqual({ archived: true });
  });

  it("defaults to the spec's first server", async () => {
    const fake = fakeFetch(() => json({ items: [], total_items: 0 }));
    const client = createClient({ organizationId: OWN, token: "t", fetch: fake.fetch });
    await client.hostConnections.list({ statuses: ["connected"], limit: 10, offset: 0 });
    expect(fake.apiRequests()[0]?.url).toMatch(
      /^https:\/\/api\.mycreditapp\.ai\/v1-beta\/host-connections\?/,
    );
  });
});

describe("query serialization matches FastAPI", () => {
  it("repeats array keys and leaves out what is not set", async () => {
    const fake = fakeFetch(() => json({ items: [], total_items: 0 }));
    const client = clientFor(fake, { token: "t" });
    await client.hostConnections.list({
      statuses: ["connected", "disconnected"],
      search_text: undefined,
      archived: undefined,
      active_action_types: ["analytics_request"],
      order_dir: "desc",
      limit: 20,
      offset: 40,
    });
    const url = new URL(fake.apiRequests()[0]?.url ?? "");
    expect(url.searchParams.getAll("statuses")).toEqual(["connected", "disconnected"]);
    expect(url.searchParams.getAll("active_action_types")).toEqual(["analytics_request"]);
    expect(url.searchParams.has("search_text")).toBe(false);
    expect(url.searchParams.has("archived")).toBe(false);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      order_dir: "desc",
      limit: "20",
      offset: "40",
    });
  });
});

describe("per-call headers, shared middleware and the response alongside the data", () => {
  it("sends per-call headers over the client's, on resource and raw calls", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = clientFor(fake, { token: "t" });
    await client.guestConnections.archive(GUEST, {
      headers: { "Idempotency-Key": "k-1", "Target-Organization-ID": HOST },
    });
    await client.raw.PATCH("/guest-connections/{guest_org_id}", {
      params: { path: { guest_org_id: GUEST } },
      body: { archived: true },
      headers: { "X-Request-ID": "r-1" },
    });
    const [resourceCall, rawCall] = fake.apiRequests();
    expect(resourceCall?.headers.get("Idempotency-Key")).toBe("k-1");
    expect(resourceCall?.headers.get("Target-Organization-ID")).toBe(HOST);
    expect(rawCall?.headers.get("X-Request-ID")).toBe("r-1");
    expect(rawCall?.headers.get("Target-Organization-ID")).toBe(OWN);
    expect(rawCall?.headers.get("Requester-Organization-ID")).toBe(OWN);
  });

  it("runs middleware added with raw.use() for forTarget() clients, made before or after, and ejects it", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = clientFor(fake, { token: "t" });
    const early = client.forTarget(GUEST);
    const seen: string[] = [];
    const middleware = {
      onRequest({ request, schemaPath }: { request: Request; schemaPath: string }) {
        seen.push(`${schemaPath} → ${request.headers.get("Target-Organization-ID")}`);
        request.headers.set("X-Trace", "on");
        return request;
      },
    };
    client.raw.use(middleware);
    const late = client.forTarget(HOST);
    await early.guestConnections.archive(GUEST);
    await late.raw.GET("/host-connections/{host_org_id}", { params: { path: { host_org_id: HOST } } });
    await client.guestConnections.archive(GUEST);
    expect(seen).toEqual([
      `/guest-connections/{guest_org_id} → ${GUEST}`,
      `/host-connections/{host_org_id} → ${HOST}`,
      `/guest-connections/{guest_org_id} → ${OWN}`,
    ]);
    expect(fake.apiRequests().map((request) => request.headers.get("X-Trace"))).toEqual(["on", "on", "on"]);
    late.raw.eject(middleware);
    await early.guestConnections.archive(GUEST);
    expect(seen).toHaveLength(3);
  });

  it("gives status and headers with the data through withResponse()", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION, 200, { "x-request-id": "srv-1", etag: '"v1"' }));
    const client = clientFor(fake, { token: "t" });
    const { data, response } = await client.guestConnections.archive(GUEST).withResponse();
    expect(data).toEqual(GUEST_CONNECTION);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("srv-1");
    expect(response.headers.get("etag")).toBe('"v1"');
    // awaiting the call itself still gives the data alone
    await expect(client.guestConnections.archive(GUEST)).resolves.toEqual(GUEST_CONNECTION);
  });

  it("rejects withResponse() with the same ApiError", async () => {
    const fake = fakeFetch(() => json({ detail: "Not Found" }, 404));
    const client = clientFor(fake, { token: "t" });
    await expect(client.hostConnections.get(HOST).withResponse()).rejects.toMatchObject({
      kind: "api",
      status: 404,
      operation: "GET /host-connections/{host_org_id}",
    });
  });
});
