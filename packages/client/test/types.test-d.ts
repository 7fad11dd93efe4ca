import type { GuestConnection, GuestInvitation, HostConnection, HostConnectionList } from "@mca/types";
import { describe, expectTypeOf, it } from "vitest";
import { type ClientError, createClient, type GeneratedResources, type McaClient } from "../src/index.js";

const client = createClient({ organizationId: "054b4106-174b-46b0-97f8-86d8d7b6f0af", token: "t" });

describe("the client's types are the generated types", () => {
  it("keeps every public name: the spec's methods generated, listAll and archive/unarchive on top", () => {
    expectTypeOf<keyof GeneratedResources>().toEqualTypeOf<
      "oauth" | "guestInvitations" | "hostConnections" | "guestConnections"
    >();
    expectTypeOf<keyof GeneratedResources["oauth"]>().toEqualTypeOf<"createToken">();
    expectTypeOf<keyof GeneratedResources["guestInvitations"]>().toEqualTypeOf<"create">();
    expectTypeOf<keyof GeneratedResources["hostConnections"]>().toEqualTypeOf<"list" | "get" | "create">();
    expectTypeOf<keyof GeneratedResources["guestConnections"]>().toEqualTypeOf<"update">();
    expectTypeOf<keyof McaClient["hostConnections"]>().toEqualTypeOf<"list" | "get" | "create" | "listAll">();
    expectTypeOf<keyof McaClient["guestConnections"]>().toEqualTypeOf<"update" | "archive" | "unarchive">();
    expectTypeOf<McaClient["oauth"]>().toEqualTypeOf<GeneratedResources["oauth"]>();
    expectTypeOf<McaClient["guestInvitations"]>().toEqualTypeOf<GeneratedResources["guestInvitations"]>();
  });

  it("returns the spec's schemas, not any", () => {
    expectTypeOf(
      client.hostConnections.list({ statuses: ["connected"], limit: 10, offset: 0 }),
    ).resolves.toEqualTypeOf<HostConnectionList>();
    expectTypeOf(client.hostConnections.get("id")).resolves.toEqualTypeOf<HostConnection>();
    expectTypeOf(
      client.hostConnections.create({ host_organization_id: "id" }),
    ).resolves.toEqualTypeOf<HostConnection>();
    expectTypeOf(client.guestConnections.archive("id")).resolves.toEqualTypeOf<GuestConnection>();
    expectTypeOf(
      client.guestInvitations.create({ email: "a@b.co", expired_at: "2030-01-01T00:00:00Z" }),
    ).resolves.toEqualTypeOf<GuestInvitation>();
    expectTypeOf(client.hostConnections.listAll({ statuses: ["connected"] })).toEqualTypeOf<
      AsyncGenerator<HostConnection, void, undefined>
    >();
  });

  it("types the raw openapi-fetch client from the same paths, org headers optional", async () => {
    const { data } = await client.raw.GET("/host-connections", {
      params: { query: { statuses: ["connected"], limit: 1, offset: 0 } },
    });
    expectTypeOf(data).toEqualTypeOf<HostConnectionList | undefined>();
  });

  it("refuses wrong calls at compile time", () => {
    // @ts-expect-error an unknown status
    void client.hostConnections.list({ statuses: ["pending"], limit: 10, offset: 0 });
    // @ts-expect-error limit and offset are required
    void client.hostConnections.list({ statuses: ["connected"] });
    // @ts-expect-error a query parameter cannot be null on the wire (openapi/PROVENANCE.md)
    void client.hostConnections.list({ statuses: ["connected"], limit: 1, offset: 0, search_text: null });
    // @ts-expect-error an unknown order field
    void client.hostConnections.list({ statuses: ["connected"], limit: 1, offset: 0, order_by: "score" });
    // @ts-expect-error archived must be a boolean
    void client.guestConnections.update("id", { archived: "yes" });
    // @ts-expect-error host_organization_id is required
    void client.hostConnections.create({ invitation_token: "0123456789" });
    // @ts-expect-error email is required
    void client.guestInvitations.create({ expired_at: "2030-01-01T00:00:00Z" });
    // @ts-expect-error not an operation of the spec
    void client.raw.GET("/guest-connections");
    // @ts-expect-error the raw client still requires the query the spec requires
    void client.raw.GET("/host-connections", {});
  });
});

const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

describe("wrong set-ups do not compile", () => {
  it("takes one way to authenticate, whole", () => {
    createClient({ organizationId: ORG, token: "t" });
    createClient({ organizationId: ORG, getToken: async () => "t" });
    createClient({ organizationId: ORG, clientId: "id", clientSecret: "secret" });
    createClient({ organizationId: ORG }); // no auth: a mock, or a server that needs none
    // @ts-expect-error clientId without clientSecret
    createClient({ organizationId: ORG, clientId: "only-the-id" });
    // @ts-expect-error clientSecret without clientId
    createClient({ organizationId: ORG, clientSecret: "only-the-secret" });
    // @ts-expect-error a token next to client credentials (the token would silently win)
    createClient({ organizationId: ORG, token: "t", clientId: "id", clientSecret: "secret" });
    // @ts-expect-error a token next to a token callback
    createClient({ organizationId: ORG, token: "t", getToken: () => "u" });
    // @ts-expect-error a token callback next to client credentials
    createClient({ organizationId: ORG, getToken: () => "u", clientId: "id", clientSecret: "secret" });
  });

  it("requires organizationId, the Requester-Organization-ID every operation but the token needs", () => {
    // @ts-expect-error organizationId is missing
    createClient({ token: "t" });
    // @ts-expect-error organizationId is missing
    createClient({});
  });

  it("types per-call options and the response alongside the data", async () => {
    client.guestConnections.archive("id", { headers: { "Idempotency-Key": "k" }, timeoutMs: 1000 });
    // @ts-expect-error header values are strings
    client.guestConnections.archive("id", { headers: { "X-Attempt": 1 } });
    const { data, response } = await client.hostConnections.get("id").withResponse();
    expectTypeOf(data).toEqualTypeOf<HostConnection>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    expectTypeOf(client.forTarget("id").raw).toEqualTypeOf(client.raw);
  });

  it("gives every client error the same facts", () => {
    expectTypeOf<ClientError["operation"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientError["method"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ClientError["kind"]>().toEqualTypeOf<"api" | "network" | "timeout">();
  });
});
