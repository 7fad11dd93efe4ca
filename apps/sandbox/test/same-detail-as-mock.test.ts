import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";
import { tokenFor } from "./support/api.js";

let sandbox: Sandbox;
let mock: MockServer;
let token: string;
beforeAll(async () => {
  [sandbox, mock] = await Promise.all([
    startSandbox({ port: 0 }),
    startMock({ logLevel: "silent", log: () => {} }),
  ]);
  token = await tokenFor(sandbox, sandbox.guest);
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), mock?.stop()]);
});

async function detailFrom(baseUrl: string, method: string, path: string, body?: string) {
  const organization = sandbox.guest.organizationId;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "requester-organization-id": organization,
      "target-organization-id": organization,
      "content-type": "application/json",
    },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as { detail: unknown } };
}

// the 422 table itself is @mca/pipeline's (test/validation.test.ts, both compositions compared); this shows the two
// servers are those compositions, over HTTP, for a query, a path and a body problem at once
describe("the same bad request gets the same detail from the mock and the sandbox", () => {
  it("a query, a path id and a body", async () => {
    for (const [method, path, body] of [
      ["GET", "/host-connections?statuses=pending&limit=500", undefined],
      ["GET", "/host-connections/not-a-uuid", undefined],
      ["PATCH", "/guest-connections/d49b0749-fbc7-4e0a-b03d-ef15f238071a", '{"archived":"yes"}'],
    ] as const) {
      const [fromSandbox, fromMock] = await Promise.all([
        detailFrom(sandbox.url, method, path, body),
        detailFrom(mock.baseUrl, method, path, body),
      ]);
      expect(fromSandbox.status).toBe(422);
      expect(fromMock).toEqual(fromSandbox);
    }
  });
});
