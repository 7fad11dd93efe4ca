import { describe, expect, it } from "vitest";
import { call, handled, ORG, OTHER_ORG, sandboxLike } from "./support/pipelines.js";

const LIST = "/host-connections?statuses=connected&limit=10&offset=0";
const BAD_LIST = "/host-connections?statuses=pending&limit=10&offset=0";
const detailOf = (body: unknown) => (body as { detail: unknown }).detail;

// one order for every server: route (404/405), token (401), validation (422), organizations (403), handler
describe("the stages answer in one order", () => {
  it.each<[string, string, string, Record<string, string | undefined>, number, unknown]>([
    ["an unknown path, no token", "GET", "/nowhere", { authorization: undefined }, 404, "Not Found"],
    [
      "an undocumented method, no token",
      "DELETE",
      "/host-connections",
      { authorization: undefined },
      405,
      "Method Not Allowed",
    ],
    [
      "no token and a bad query",
      "GET",
      BAD_LIST,
      { authorization: undefined },
      401,
      [expect.objectContaining({ code: "token_missing" })],
    ],
    [
      "a Basic header and a bad query",
      "GET",
      BAD_LIST,
      { authorization: "Basic dXNlcjpwYXNz" },
      401,
      [expect.objectContaining({ code: "token_malformed" })],
    ],
    [
      "a refused token and a bad query",
      "GET",
      BAD_LIST,
      { authorization: "Bearer nonsense" },
      401,
      [expect.objectContaining({ code: "token_malformed" })],
    ],
    [
      "an expired token",
      "GET",
      LIST,
      { authorization: "Bearer old" },
      401,
      [expect.objectContaining({ code: "token_expired" })],
    ],
    [
      "a bad query and another requester",
      "GET",
      BAD_LIST,
      { "requester-organization-id": OTHER_ORG },
      422,
      [expect.objectContaining({ type: "enum" })],
    ],
    [
      "another requester",
      "GET",
      LIST,
      { "requester-organization-id": OTHER_ORG, "target-organization-id": OTHER_ORG },
      403,
      [expect.objectContaining({ code: "requester_mismatch" })],
    ],
    [
      "another target (the operations are Self-only)",
      "GET",
      LIST,
      { "target-organization-id": OTHER_ORG },
      403,
      [expect.objectContaining({ code: "target_not_allowed" })],
    ],
    [
      "the requester in upper case: the same organization",
      "GET",
      LIST,
      { "requester-organization-id": ORG.toUpperCase(), "target-organization-id": ORG.toUpperCase() },
      200,
      undefined,
    ],
  ])("%s: %s %s → %i", async (_name, method, path, headers, status, detail) => {
    const before = handled.length;
    const answer = await call(sandboxLike, method, path, { headers });
    expect(answer.status).toBe(status);
    if (detail !== undefined) expect(detailOf(answer.body)).toEqual(detail);
    // only a request that passed every stage reaches the handler
    expect(handled.length - before).toBe(status === 200 ? 1 : 0);
  });

  it("a 401 carries WWW-Authenticate: Bearer; a 405 carries Allow", async () => {
    expect(
      (await call(sandboxLike, "GET", LIST, { headers: { authorization: undefined } })).headers.get(
        "www-authenticate",
      ),
    ).toBe("Bearer");
    expect((await call(sandboxLike, "DELETE", "/host-connections")).headers.get("allow")).toBe("GET, POST");
  });

  it("the token route needs no token, and its 422 comes before any 401", async () => {
    const answer = await call(sandboxLike, "POST", "/oauth2/token", {
      body: { client_id: "x" },
      headers: { authorization: undefined },
    });
    expect(answer.status).toBe(422);
  });
});
