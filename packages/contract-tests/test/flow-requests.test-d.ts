import { describe, expectTypeOf, it } from "vitest";
import type { Exchange } from "../src/checks/check.js";
import { type Call, type FlowRequest, requestAs } from "../src/checks/stateful/flow-requests.js";
import { contextFor, ORG } from "./support/context.js";

// type tests: `pnpm typecheck` (tsc) compiles them; nothing here runs
const context = contextFor("http://127.0.0.1:9");
const host = { organizationId: ORG, token: "t" };
declare const call: Call;

describe("a stateful flow's requests are typed by operationId, as the client's calls are", () => {
  it("takes the operation's own path parameters, query and body", () => {
    expectTypeOf(
      requestAs(context, host, "updateGuestConnection", {
        pathParams: { guest_org_id: ORG },
        body: { archived: true },
      }),
    ).toEqualTypeOf<FlowRequest<"updateGuestConnection">>();
    expectTypeOf(
      call(requestAs(context, host, "getHostConnection", { pathParams: { host_org_id: ORG } })),
    ).resolves.toEqualTypeOf<Exchange>();
    requestAs(context, host, "createGuestInvitation", {
      body: { email: "a@b.co", expired_at: "2099-01-01T00:00:00Z" },
    });
    requestAs(context, host, "listHostConnections", {
      query: { statuses: ["disconnected", "connected"], limit: 1, offset: 0 },
    });
  });

  it("refuses a wrong request at compile time", () => {
    requestAs(context, host, "updateGuestConnection", {
      pathParams: { guest_org_id: ORG },
      // @ts-expect-error archived must be a boolean
      body: { archived: "yes" },
    });
    // @ts-expect-error the body is required, and so is its expired_at
    requestAs(context, host, "createGuestInvitation", { body: { email: "a@b.co" } });
    // @ts-expect-error an unknown field in the body
    requestAs(context, host, "createHostConnection", { body: { host_organization_id: ORG, host: ORG } });
    // @ts-expect-error the path parameter of another operation
    requestAs(context, host, "getHostConnection", { pathParams: { guest_org_id: ORG } });
    requestAs(context, host, "listHostConnections", {
      // @ts-expect-error a status the spec does not have
      query: { statuses: ["pending"], limit: 1, offset: 0 },
    });
    // @ts-expect-error limit and offset are required
    requestAs(context, host, "listHostConnections", { query: { statuses: ["connected"] } });
    // @ts-expect-error a GET has no body
    requestAs(context, host, "getHostConnection", { pathParams: { host_org_id: ORG }, body: {} });
    // @ts-expect-error not an operation of the spec
    requestAs(context, host, "deleteGuestConnection");
  });
});
