import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError, createClient, isApiError, NetworkError } from "../src/index.js";
import { fakeFetch, json, OWN_ORGANIZATION as OWN } from "./support/fake-fetch.js";

const GUEST = "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-token-value";

function clientAnswering(response: () => Response) {
  return createClient({
    baseUrl: "http://api.test",
    organizationId: OWN,
    token: TOKEN,
    retry: false,
    fetch: fakeFetch(response).fetch,
  });
}

describe("ApiError", () => {
  it("carries status, operation template, detail and response", async () => {
    const body = {
      detail: [
        { loc: ["body", "archived"], msg: "Field required", type: "missing" },
        { loc: ["header", "Target-Organization-ID"], msg: "Field required", type: "missing" },
      ],
    };
    const error = await clientAnswering(() => json(body, 422))
      .guestConnections.archive(GUEST)
      .catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({
      kind: "api",
      status: 422,
      operation: "PATCH /guest-connections/{guest_org_id}",
    });
    expect(apiError.detail).toEqual(body.detail);
    expect(apiError.response.status).toBe(422);
    expect(apiError.message).toBe(
      "422 PATCH /guest-connections/{guest_org_id}: body.archived: Field required; header.Target-Organization-ID: Field required",
    );
  });

  it.each([
    [
      "the docs' error body with a code",
      {
        detail: [
          {
            loc: [],
            msg: "Unsupported CRUD operation!",
            type: "request",
            code: "unsupported_crud_operation",
          },
        ],
      },
      [{ loc: [], msg: "Unsupported CRUD operation!", type: "request", code: "unsupported_crud_operation" }],
    ],
    ["FastAPI's string detail", { detail: "Not Found" }, [{ loc: [], msg: "Not Found", type: "http_error" }]],
    ["a body without detail", { message: "oops" }, []],
  ])("parses %s", async (_case, body, detail) => {
    const error = (await clientAnswering(() => json(body, 404))
      .hostConnections.get(GUEST)
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.detail).toEqual(detail);
  });

  it("parses a non-JSON error body without failing", async () => {
    const error = (await clientAnswering(() => new Response("Bad gateway", { status: 502 }))
      .hostConnections.get(GUEST)
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
  });

  it("is not thrown for a 2xx", async () => {
    await expect(
      clientAnswering(() => json({ items: [], total_items: 0 })).hostConnections.list({
        statuses: [],
        limit: 1,
        offset: 0,
      }),
    ).resolves.toEqual({ items: [], total_items: 0 });
  });
});

describe("the token never leaks into error text", () => {
  it.each([
    [
      "an API error echoing the token",
      () => json({ detail: [{ loc: [], msg: `invalid token ${TOKEN}`, type: "auth" }] }, 403),
    ],
    [
      "a network error whose cause names the token",
      (): Response => {
        throw new TypeError(`connect failed for Bearer ${TOKEN}`);
      },
    ],
  ])("%s", async (_case, respond) => {
    const error = (await clientAnswering(respond)
      .guestConnections.archive(GUEST)
      .catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(Error);
    for (const text of [error.message, String(error), error.stack ?? "", JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(error.message).toContain("[redacted]");
  });

  it("redacts whole secret values only, never a piece of ordinary text", async () => {
    const error = await createClient({
      baseUrl: "https://api.example.com",
      organizationId: GUEST,
      token: "t",
      retry: false,
      fetch: () => {
        throw new TypeError("fetch failed for Bearer t");
      },
    })
      .hostConnections.get(GUEST)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("fetch failed for Bearer [redacted]");
  });

  it("network errors are their own kind", async () => {
    const error = await clientAnswering(() => {
      throw new TypeError("fetch failed");
    })
      .hostConnections.get(GUEST)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      kind: "network",
      operation: expect.stringMatching(/^GET \/host-connections\//),
    });
    expect(inspect(error)).not.toContain(TOKEN);
  });
});
