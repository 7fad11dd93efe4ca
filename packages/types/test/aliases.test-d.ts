import { describe, expectTypeOf, it } from "vitest";
import type {
  ActionType,
  ConnectionStatus,
  GuestConnection,
  GuestConnectionUpdate,
  GuestInvitation,
  GuestInvitationCreate,
  HostConnection,
  HostConnectionCreate,
  HostConnectionList,
  InvitationStatus,
  ListHostConnectionsQuery,
  OperationId,
  SuccessBody,
} from "../src/index.js";

describe("the generated types say what the docs say", () => {
  it("names the enums with exactly the documented values (union of all docs versions)", () => {
    expectTypeOf<ConnectionStatus>().toEqualTypeOf<"connected" | "disconnected">();
    expectTypeOf<ActionType>().toEqualTypeOf<"documents_update_request" | "analytics_request">();
    expectTypeOf<InvitationStatus>().toEqualTypeOf<"sent" | "accepted_by_guest" | "accepted_by_system">();
  });

  it("keeps required fields required and nullable fields nullable", () => {
    expectTypeOf<GuestConnection["guest_name"]>().toEqualTypeOf<string>();
    expectTypeOf<GuestConnection["total_score"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<GuestConnection["active_action_type"]>().toEqualTypeOf<ActionType | null | undefined>();
    expectTypeOf<HostConnection["archived_at"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<GuestInvitation["invitation_token"]>().toEqualTypeOf<string>();
    expectTypeOf<HostConnectionList["items"]>().toEqualTypeOf<HostConnection[]>();
  });

  it("types request bodies and queries per operation", () => {
    expectTypeOf<GuestConnectionUpdate>().toEqualTypeOf<{ archived: boolean }>();
    expectTypeOf<HostConnectionCreate["invitation_token"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<GuestInvitationCreate["parent_organization_id"]>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<ListHostConnectionsQuery["statuses"]>().toEqualTypeOf<ConnectionStatus[]>();
    expectTypeOf<ListHostConnectionsQuery["limit"]>().toEqualTypeOf<number>();
    expectTypeOf<SuccessBody<"listHostConnections">>().toEqualTypeOf<HostConnectionList>();
    expectTypeOf<SuccessBody<"updateGuestConnection">>().toEqualTypeOf<GuestConnection>();
  });

  it("lists exactly the spec's operations", () => {
    expectTypeOf<OperationId>().toEqualTypeOf<
      | "createToken"
      | "updateGuestConnection"
      | "listHostConnections"
      | "createHostConnection"
      | "getHostConnection"
      | "createGuestInvitation"
    >();
  });

  it("refuses values the docs do not allow", () => {
    // @ts-expect-error an unknown connection status
    const status: ConnectionStatus = "pending";
    // @ts-expect-error `archived` is required
    const update: GuestConnectionUpdate = {};
    // @ts-expect-error `guest_name` is not nullable
    const guestName: GuestConnection["guest_name"] = null;
    // @ts-expect-error `statuses` takes connection statuses, not action types
    const query: Pick<ListHostConnectionsQuery, "statuses"> = { statuses: ["analytics_request"] };
    // @ts-expect-error `host_organization_id` is required
    const create: HostConnectionCreate = { invitation_token: "0123456789" };
    expectTypeOf([status, update, guestName, query, create]).not.toBeAny();
  });
});
