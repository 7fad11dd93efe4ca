import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createClient } from "../src/index.js";
import { clientFor, fakeFetch, GUEST_CONNECTION, json, OWN_ORGANIZATION } from "./support/fake-fetch.js";

const GUEST = "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77";
const credentials = { clientId: "client-1", clientSecret: "s3cret-value" };

afterEach(() => {
  vi.useRealTimers();
});

describe("client credentials", () => {
  it("gets one token for 20 concurrent calls and sends it on each", async () => {
    const fake = fakeFetch(() => json(GUEST_CONNECTION));
    const client = clientFor(fake, { ...credentials });
    await Promise.all(Array.from({ length: 20 }, () => client.guestConnections.archive(GUEST)));
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(await fake.tokenRequests()[0]?.json()).toEqual({
      client_id: "client-1",
      client_secret: "s3cret-value",
    });
    expect(fake.tokenRequests()[0]?.headers.get("Authorization")).toBeNull();
    expect(new Set(fake.apiRequests().map((request) => request.headers.get("Authorization")))).toEqual(
      new Set(["Bearer token-1"]),
    );
  });

  it("reuses the token until shortly before expires_in, then gets a new one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const fake = fakeFetch(() => json(GUEST_CONNECTION), { expiresIn: 3600 });
    const client = clientFor(fake, { ...credentials });
    await client.guestConnections.archive(GUEST);
    vi.advanceTimersByTime(3_500_000);
    await client.guestConnections.archive(GUEST);
    expect(fake.tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime(50_000); // 60 s before expiry: refresh
    await client.guestConnections.archive(GUEST);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests().at(-1)?.headers.get("Authorization")).toBe("Bearer token-2");
  });

  /** A server that refuses the first token it issued and accepts every later one. */
  const refusingFirstToken = () =>
    fakeFetch((request) =>
      request.headers.get("Authorization") === "Bearer token-1"
        ? json({ detail: [] }, 401)
        : json(GUEST_CONNECTION),
    );

  it("on a 401 refreshes once and retries once", async () => {
    const fake = refusingFirstToken();
    const client = clientFor(fake, credentials);
    await expect(client.guestConnections.archive(GUEST)).resolves.toMatchObject({ archived: true });
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it("shares one refresh among 20 concurrent calls that all got a 401", async () => {
    const fake = refusingFirstToken();
    const client = clientFor(fake, credentials);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.guestConnections.archive(GUEST)),
    );
    expect(results).toHaveLength(20);
    // every call went out with token-1, was refused, and came back with token-2: one refresh for all of them
    expect(
      fake.apiRequests().filter((request) => request.headers.get("Authorization") === "Bearer token-1"),
    ).toHaveLength(20);
    expect(
      fake.apiRequests().filter((request) => request.headers.get("Authorization") === "Bearer token-2"),
    ).toHaveLength(20);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("gives up after one refresh when the server keeps answering 401", async () => {
    const fake = fakeFetch(() =>
      json({ detail: [{ loc: [], msg: "Not authenticated", type: "authentication" }] }, 401),
    );
    const client = clientFor(fake, { ...credentials });
    const error = await client.guestConnections.archive(GUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(fake.apiRequests()).toHaveLength(2);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("does not retry a 401 with a static token", async () => {
    const fake = fakeFetch(() => json({ detail: [] }, 401));
    const client = clientFor(fake, { token: "static" });
    await expect(client.guestConnections.archive(GUEST)).rejects.toBeInstanceOf(ApiError);
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it("asks getToken() again after a 401", async () => {
    let calls = 0;
    const fake = fakeFetch((request) =>
      request.headers.get("Authorization") === "Bearer cb-1"
        ? json({ detail: [] }, 401)
        : json(GUEST_CONNECTION),
    );
    const getToken = async () => {
      calls += 1;
      return `cb-${calls}`;
    };
    const client = clientFor(fake, { getToken });
    await client.guestConnections.archive(GUEST);
    expect(fake.apiRequests().map((request) => request.headers.get("Authorization"))).toEqual([
      "Bearer cb-1",
      "Bearer cb-2",
    ]);
  });

  it("reports wrong client credentials as the token endpoint's ApiError, without the secret", async () => {
    const client = createClient({
      baseUrl: "http://api.test",
      organizationId: OWN_ORGANIZATION,
      ...credentials,
      fetch: async () =>
        json(
          {
            detail: [
              {
                loc: [],
                msg: `The client authentication failed! (${credentials.clientSecret})`,
                type: "oauth",
                code: "oauth_invalid_client_credentials",
              },
            ],
          },
          401,
        ),
    });
    const error = (await client.guestConnections
      .archive(GUEST)
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.operation).toBe("POST /oauth2/token");
    expect(error.detail[0]?.code).toBe("oauth_invalid_client_credentials");
    expect(error.message).not.toContain(credentials.clientSecret);
  });
});

describe("set-ups the types refuse are refused at run time too (callers without TypeScript)", () => {
  // JavaScript callers reach createClient with whatever object they built
  const untyped = createClient as (options: Record<string, unknown>) => unknown;
  it.each([
    ["no organizationId", { token: "t" }, /organizationId is required/],
    ["an empty organizationId", { organizationId: "", token: "t" }, /organizationId is required/],
    [
      "a token next to client credentials",
      { organizationId: OWN_ORGANIZATION, token: "t", ...credentials },
      /authenticate one way/,
    ],
    [
      "a token next to getToken",
      { organizationId: OWN_ORGANIZATION, token: "t", getToken: () => "u" },
      /one way/,
    ],
    ["clientId without clientSecret", { organizationId: OWN_ORGANIZATION, clientId: "c" }, /go together/],
    ["clientSecret without clientId", { organizationId: OWN_ORGANIZATION, clientSecret: "s" }, /go together/],
  ])("%s", (_case, options, message) => {
    expect(() => untyped(options)).toThrow(message);
  });
});
