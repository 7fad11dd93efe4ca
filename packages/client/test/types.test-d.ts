import type { GuestConnection, GuestInvitation, HostConnection, HostConnectionList } from "@mca/types";
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../src/index.js";

const client = createClient({ organizationId: "054b4106-174b-46b0-97f8-86d8d7b6f0af", token: "t" });

describe("the client's types are the generated types", () => {
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
    // @ts-expect-error auth is one of token, getToken or client credentials, not a half of them
    createClient({ clientId: "only-the-id" });
  });
});
