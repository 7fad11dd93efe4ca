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

const LIST = "/host-connections?statuses=connected&limit=10&offset=0";
const ID = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";
type Bad = [
  name: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string | undefined>,
];

// each parameter kind, header, body field and path id; all problems of one request at once
const BAD_REQUESTS: Bad[] = [
  ["limit past its maximum", "GET", LIST.replace("limit=10", "limit=101")],
  ["limit not an integer", "GET", LIST.replace("limit=10", "limit=ten")],
  ["limit missing", "GET", LIST.replace("&limit=10", "")],
  ["offset below its minimum", "GET", LIST.replace("offset=0", "offset=-1")],
  ["offset missing", "GET", LIST.replace("&offset=0", "")],
  ["statuses missing", "GET", LIST.replace("statuses=connected&", "")],
  ["a status outside the enum", "GET", LIST.replace("statuses=connected", "statuses=pending")],
  ["order_by outside the enum", "GET", `${LIST}&order_by=score`],
  ["order_dir outside the enum", "GET", `${LIST}&order_dir=up`],
  ["search_field outside the enum", "GET", `${LIST}&search_field=nickname`],
  ["search_text too long", "GET", `${LIST}&search_text=${"x".repeat(256)}`],
  ["archived not a boolean", "GET", `${LIST}&archived=maybe`],
  ["an unknown active action type", "GET", `${LIST}&active_action_types=coffee`],
  ["three problems at once", "GET", "/host-connections?statuses=pending&limit=500"],
  ["Target-Organization-ID missing", "GET", LIST, undefined, { "target-organization-id": undefined }],
  ["Requester-Organization-ID not a uuid", "GET", LIST, undefined, { "requester-organization-id": "me" }],
  ["a path id that is not a uuid", "GET", "/host-connections/not-a-uuid"],
  ["a path id with a urn: prefix", "GET", `/host-connections/urn:uuid:${ID}`],
  ["a malformed percent-escape in the path", "GET", "/host-connections/%E2%82"],
  ["a body field of the wrong type", "PATCH", `/guest-connections/${ID}`, { archived: "yes" }],
  ["a required body field missing", "PATCH", `/guest-connections/${ID}`, {}],
  ["no body at all", "PATCH", `/guest-connections/${ID}`],
  ["a body that is not JSON", "PATCH", `/guest-connections/${ID}`, "{archived:"],
  ["a host id that is not a uuid", "POST", "/host-connections", { host_organization_id: "acme" }],
  [
    "an invitation token too short",
    "POST",
    "/host-connections",
    { host_organization_id: ID, invitation_token: "abc" },
  ],
  [
    "an email that is not an email",
    "POST",
    "/guest-invitations",
    { email: "nobody", expired_at: "2099-01-01T00:00:00Z" },
  ],
  [
    "an hour-only offset",
    "POST",
    "/guest-invitations",
    { email: "a@b.co", expired_at: "2099-01-01T00:00:00+02" },
  ],
  ["a leap second", "POST", "/guest-invitations", { email: "a@b.co", expired_at: "2016-12-31T23:59:60Z" }],
];

async function detailFrom(baseUrl: string, [_name, method, path, body, headers = {}]: Bad) {
  const organization = sandbox.guest.organizationId;
  const merged: Record<string, string | undefined> = {
    authorization: `Bearer ${token}`,
    "requester-organization-id": organization,
    "target-organization-id": organization,
    "content-type": "application/json",
    ...headers,
  };
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as { detail: unknown } };
}

describe(`the same bad request gets the same detail from the mock and the sandbox (${BAD_REQUESTS.length} requests)`, () => {
  it.each(BAD_REQUESTS)("%s", async (...bad) => {
    const [fromSandbox, fromMock] = await Promise.all([
      detailFrom(sandbox.url, bad),
      detailFrom(mock.baseUrl, bad),
    ]);
    expect(fromSandbox.status).toBe(422);
    expect(fromMock).toEqual(fromSandbox);
  });
});
