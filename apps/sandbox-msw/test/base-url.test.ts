import { describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_BASE_URL, normaliseBaseUrl, toPipelineRequest } from "../src/base-url.js";

describe("the base URL", () => {
  it("defaults to a reserved name that never resolves, under the spec's base path", () => {
    expect(new URL(DEFAULT_SANDBOX_BASE_URL)).toMatchObject({
      hostname: "sandbox.mca.invalid",
      pathname: "/v1-beta",
    });
  });

  it.each([
    ["not a URL", "sandbox", /absolute URL/],
    ["not http(s)", "ftp://sandbox.test/v1", /must be http\(s\)/],
  ])("refuses %s", (_name, given, message) => {
    expect(() => normaliseBaseUrl(given)).toThrow(message);
  });

  it.each([
    [
      "a path under it",
      "https://s.test/v1-beta/host-connections?limit=1",
      "https://s.test/host-connections?limit=1",
    ],
    ["the base itself", "https://s.test/v1-beta", "https://s.test/"],
    ["another base that starts the same", "https://s.test/v1-beta2/host-connections", undefined],
    ["another host", "https://other.test/v1-beta/host-connections", undefined],
  ])("routes %s from the spec's root", async (_name, url, expected) => {
    const routed = await toPipelineRequest(new Request(url), normaliseBaseUrl("https://s.test/v1-beta/"));
    expect(routed?.url).toBe(expected);
  });

  it("keeps the method, headers and body", async () => {
    const routed = await toPipelineRequest(
      new Request("https://s.test/v1-beta/guest-invitations", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer t" },
        body: '{"email":"a@b.co"}',
      }),
      normaliseBaseUrl("https://s.test/v1-beta"),
    );
    expect([routed?.method, routed?.headers.get("authorization"), await routed?.text()]).toEqual([
      "POST",
      "Bearer t",
      '{"email":"a@b.co"}',
    ]);
  });
});
