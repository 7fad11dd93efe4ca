import type { createClient, McaClient } from "@mca/client";
import type { OrganizationCredentials } from "@mca/sandbox-msw";

/** What each step of the flow saw: the statuses and the few facts the tests compare. */
export interface FlowResult {
  invitationStatus: string;
  connectedHost: string;
  listed: string[];
  archived: boolean;
}

/**
 * The five calls a front end makes, through @mca/client: the host's token and invitation, the guest's token and
 * accept, the guest's list, the host's archive (tokens are the client's own POST /oauth2/token).
 */
export async function inviteConnectListArchive(
  make: typeof createClient,
  clientOptions: { baseUrl: string; fetch?: (request: Request) => Promise<Response> },
  host: OrganizationCredentials,
  guest: OrganizationCredentials,
): Promise<FlowResult> {
  const as = (who: OrganizationCredentials): McaClient =>
    make({
      ...clientOptions,
      organizationId: who.organizationId,
      clientId: who.clientId,
      clientSecret: who.clientSecret,
    });
  const hostClient = as(host);
  const guestClient = as(guest);
  const invitation = await hostClient.guestInvitations.create({
    email: "front-end@example.com",
    expired_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const connection = await guestClient.hostConnections.create({
    host_organization_id: host.organizationId,
    invitation_token: invitation.invitation_token,
  });
  const page = await guestClient.hostConnections.list({ statuses: ["connected"], limit: 10, offset: 0 });
  const archived = await hostClient.guestConnections.archive(guest.organizationId);
  return {
    invitationStatus: invitation.status,
    connectedHost: connection.host_organization_id,
    listed: page.items.map((item) => item.host_organization_id),
    archived: archived.archived,
  };
}
