import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type MockServer, startMock } from "@mca/mock";
import { createSpecValidator, loadBundledSpec, responseSchemaPointer } from "@mca/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createClient, type McaClient } from "../src/index.js";

const document = loadBundledSpec();
const validator = createSpecValidator(document);
const GUEST = "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77";
const HOST = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";

function expectValid(path: string, method: string, body: unknown) {
  const schema = responseSchemaPointer(document, path, method, 200);
  expect(schema).toBeDefined();
  expect(validator.validate(schema as string, body)).toEqual([]);
}

let mock: MockServer;
let client: McaClient;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
  client = createClient({ baseUrl: mock.baseUrl, organizationId: GUEST, token: "any-token" });
});
afterAll(async () => {
  await mock?.stop();
});

describe("every operation round-trips through the client against the Prism mock", () => {
  const calls: Array<[string, string, (client: McaClient) => Promise<unknown>]> = [
    ["/oauth2/token", "POST", (c) => c.oauth.createToken({ client_id: "id", client_secret: "secret" })],
    ["/guest-connections/{guest_org_id}", "PATCH", (c) => c.guestConnections.archive(GUEST)],
    [
      "/host-connections",
      "GET",
      (c) =>
        c.hostConnections.list({
          statuses: ["connected", "disconnected"],
          archived: false,
          limit: 10,
          offset: 0,
        }),
    ],
    [
      "/host-connections",
      "POST",
      (c) => c.hostConnections.create({ host_organization_id: HOST, invitation_token: "0123456789abc" }),
    ],
    ["/host-connections/{host_org_id}", "GET", (c) => c.hostConnections.get(HOST)],
    [
      "/guest-invitations",
      "POST",
      (c) => c.guestInvitations.create({ email: "guest@example.com", expired_at: "2030-12-31T23:59:59Z" }),
    ],
  ];
  it.each(calls)("%s %s", async (path, method, call) => {
    expectValid(path, method, await call(client));
  });

  it("gets a token with client credentials, then calls with it", async () => {
    const withCredentials = createClient({
      baseUrl: mock.baseUrl,
      organizationId: GUEST,
      clientId: "id",
      clientSecret: "secret",
    });
    expectValid("/host-connections/{host_org_id}", "GET", await withCredentials.hostConnections.get(HOST));
  });

  it("walks all pages with listAll", async () => {
    const all = [];
    for await (const connection of client.hostConnections.listAll({ statuses: ["connected"] }))
      all.push(connection);
    expect(all.length).toBeGreaterThan(0);
  });

  it("surfaces the mock's 422 as an ApiError with FastAPI's detail", async () => {
    const error = await client.hostConnections
      .list({ statuses: ["connected"], limit: 1000, offset: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, operation: "GET /host-connections" });
    expect((error as ApiError).detail[0]).toMatchObject({
      msg: expect.any(String),
      type: expect.any(String),
    });
  });

  it("runs the example", async () => {
    const example = fileURLToPath(new URL("../examples/list-and-archive.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", example], {
      env: { ...process.env, MCA_BASE_URL: mock.baseUrl },
      cwd: fileURLToPath(new URL("..", import.meta.url)),
    });
    expect(stdout).toMatch(/host connection\(s\); first page:/);
    expect(stdout).toMatch(/archived guest .*: archived=true/);
  }, 30_000);
});
