import { randomUUID } from "node:crypto";
import type { StatefulCheck } from "../check.js";
import { assertThat, expectStatus, flow, inOneDay, requestAs } from "./flow-requests.js";

/**
 * Host invites, guest connects with the invitation token, and the connection is then there for the guest:
 * by id (Schemathesis's ensure_resource_availability) and in the list. Connecting again is a 409.
 */
export const invitationFlow: StatefulCheck = {
  kind: "stateful",
  name: "invitation_flow",
  description:
    "An invitation's token connects the guest to the host; the connection is then readable and listed; a second connect is 409.",
  operations: [
    "POST /guest-invitations",
    "POST /host-connections",
    "GET /host-connections/{host_org_id}",
    "GET /host-connections",
  ],
  rules: [],
  run: (context, call) =>
    flow(async () => {
      const { host, guest } = context;
      const email = `guest-${randomUUID().slice(0, 8)}@example.com`;
      const invitation = await expectStatus(
        call,
        requestAs(context, host, "createGuestInvitation", { body: { email, expired_at: inOneDay() } }),
        [200],
      );
      assertThat(
        invitation.status === "sent",
        `a new invitation has status "sent", got ${JSON.stringify(invitation.status)}`,
      );
      assertThat(
        invitation.host_organization_id === host.organizationId,
        "the invitation names the inviting host",
      );
      assertThat(invitation.email === email, "the invitation keeps the invited email");
      const token = invitation.invitation_token;
      assertThat(typeof token === "string", "the invitation carries an invitation_token");

      const connect = requestAs(context, guest, "createHostConnection", {
        body: { host_organization_id: host.organizationId, invitation_token: token },
      });
      const connection = await expectStatus(call, connect, [200, 409]);
      if (!("detail" in connection)) {
        assertThat(connection.host_organization_id === host.organizationId, "the connection names the host");
        assertThat(
          connection.guest_organization_id === guest.organizationId,
          "the connection names the guest",
        );
        assertThat(
          connection.status === "connected",
          `a new connection is "connected", got ${JSON.stringify(connection.status)}`,
        );
      }

      const read = await expectStatus(
        call,
        requestAs(context, guest, "getHostConnection", { pathParams: { host_org_id: host.organizationId } }),
        [200],
      );
      assertThat(
        read.host_organization_id === host.organizationId,
        "GET /host-connections/{host_org_id} returns that host's connection",
      );

      let found = false;
      for (let offset = 0; !found; offset += 100) {
        const page = await expectStatus(
          call,
          requestAs(context, guest, "listHostConnections", {
            query: { statuses: ["connected", "disconnected"], limit: 100, offset },
          }),
          [200],
        );
        const items = Array.isArray(page.items) ? page.items : [];
        found = items.some(
          (item) =>
            typeof item === "object" &&
            item !== null &&
            !Array.isArray(item) &&
            item.host_organization_id === host.organizationId,
        );
        if (items.length === 0 || offset + items.length >= Number(page.total_items)) break;
      }
      assertThat(found, "the guest's list of host connections includes the host it connected to");

      await expectStatus(call, connect, [409]);
    }),
};
