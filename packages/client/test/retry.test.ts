import { describe, expect, it } from "vitest";
import { ApiError, type createClient, NetworkError, TimeoutError } from "../src/index.js";
import { DEFAULT_RETRY, retryAfterMs, retryDelayMs } from "../src/retry.js";
import { clientFor, fakeFetch, GUEST_CONNECTION, json } from "./support/fake-fetch.js";

const GUEST = "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77";
const fastRetry = { baseDelayMs: 1, maxDelayMs: 5 };

type Call = "list" | "create" | "createIdempotent" | "archive";
async function run(client: ReturnType<typeof createClient>, call: Call) {
  switch (call) {
    case "list":
      return client.hostConnections.list({ statuses: ["connected"], limit: 10, offset: 0 });
    case "create":
      return client.hostConnections.create({ host_organization_id: GUEST });
    case "createIdempotent":
      return client.hostConnections.create({ host_organization_id: GUEST }, { idempotent: true });
    case "archive":
      return client.guestConnections.archive(GUEST);
  }
}

describe("retry policy", () => {
  it.each<[Call, number | "network", number]>([
    ["list", 503, 3],
    ["list", 502, 3],
    ["list", 504, 3],
    ["list", 429, 3],
    ["list", 500, 1],
    ["list", 404, 1],
    ["list", "network", 3],
    ["create", 503, 1],
    ["create", "network", 1],
    ["archive", 503, 1],
    ["createIdempotent", 503, 3],
    ["createIdempotent", "network", 3],
  ])("%s answered %s: %i attempts", async (call, failure, attempts) => {
    const fake = fakeFetch(() => {
      if (failure === "network") throw new TypeError("fetch failed");
      return json({ detail: [] }, failure);
    });
    const client = clientFor(fake, { token: "t", retry: fastRetry });
    const error = await run(client, call).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(failure === "network" ? NetworkError : ApiError);
    expect(fake.apiRequests()).toHaveLength(attempts);
  });

  it("succeeds when a retry succeeds, resending the same body", async () => {
    let attempt = 0;
    const fake = fakeFetch(() => {
      attempt += 1;
      return attempt < 3 ? json({ detail: [] }, 503) : json(GUEST_CONNECTION);
    });
    const client = clientFor(fake, { token: "t", retry: fastRetry });
    await expect(
      client.guestConnections.update(GUEST, { archived: true }, { idempotent: true }),
    ).resolves.toMatchObject({
      archived: true,
    });
    expect(await Promise.all(fake.apiRequests().map((request) => request.json()))).toEqual([
      { archived: true },
      { archived: true },
      { archived: true },
    ]);
  });

  it("can be turned off", async () => {
    const fake = fakeFetch(() => json({ detail: [] }, 503));
    const client = clientFor(fake, { token: "t", retry: false });
    await expect(run(client, "list")).rejects.toBeInstanceOf(ApiError);
    expect(fake.apiRequests()).toHaveLength(1);
  });
});

describe("backoff and Retry-After", () => {
  // a whole second, so that an HTTP date (second precision) names it exactly
  const NOW = Date.parse("2030-01-01T00:00:00Z");
  it.each([
    ["seconds", "2", 2000],
    ["zero", "0", 0],
    ["an HTTP date", new Date(NOW + 3000).toUTCString(), 3000],
    ["an HTTP date in the past", new Date(NOW - 3000).toUTCString(), 0],
    ["nonsense", "soon", undefined],
  ])("reads Retry-After given as %s", (_case, header, expected) => {
    expect(retryAfterMs(header, NOW)).toBe(expected);
  });

  it("waits what Retry-After asks, capped at maxDelayMs", () => {
    const response = new Response(null, { status: 429, headers: { "retry-after": "2" } });
    expect(retryDelayMs(0, DEFAULT_RETRY, response)).toBe(2000);
    expect(retryDelayMs(0, { ...DEFAULT_RETRY, maxDelayMs: 500 }, response)).toBe(500);
  });

  it("backs off exponentially with full jitter", () => {
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(retry, DEFAULT_RETRY, undefined, () => 0.999))).toEqual([
      199, 399, 799, 1598,
    ]);
    expect(retryDelayMs(3, DEFAULT_RETRY, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(20, DEFAULT_RETRY, undefined, () => 0.999)).toBe(9990);
  });

  it("honours Retry-After between real attempts", async () => {
    let attempt = 0;
    const fake = fakeFetch(() => {
      attempt += 1;
      return attempt === 1
        ? json({ detail: [] }, 429, { "retry-after": "0.2" })
        : json({ items: [], total_items: 0 });
    });
    const client = clientFor(fake, { token: "t" });
    const started = performance.now();
    await run(client, "list");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe("timeouts and cancellation", () => {
  const hang = (request: Request) =>
    new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });

  it("throws TimeoutError, a distinct kind, after timeoutMs", async () => {
    const fake = fakeFetch(hang);
    const client = clientFor(fake, { token: "t", timeoutMs: 30, retry: false });
    const error = await run(client, "list").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 30, operation: "GET /host-connections" });
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const fake = fakeFetch(hang);
    const client = clientFor(fake, { token: "t" });
    const controller = new AbortController();
    const pending = client.hostConnections.list(
      { statuses: ["connected"], limit: 1, offset: 0 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it("cancels a backoff wait when the caller aborts", async () => {
    const fake = fakeFetch(() => json({ detail: [] }, 503, { "retry-after": "5" }));
    const client = clientFor(fake, { token: "t" });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.hostConnections.list(
      { statuses: ["connected"], limit: 1, offset: 0 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
