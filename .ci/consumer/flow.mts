// The flow a consumer of @mca/client runs against the sandbox: a host invites a guest, the guest accepts, lists
// every host it is connected to, and the host archives the guest. Compiled with strict + exactOptionalPropertyTypes.
import type { createClient, McaClient } from "@mca/client";

export interface Credentials {
  organizationId: string;
  clientId: string;
  clientSecret: string;
}

export async function flow(
  make: typeof createClient,
  baseUrl: string,
  host: Credentials,
  guest: Credentials,
): Promise<string> {
  const as = (who: Credentials): McaClient =>
    make({ baseUrl, organizationId: who.organizationId, clientId: who.clientId, clientSecret: who.clientSecret });
  const hostClient = as(host);
  const guestClient = as(guest);
  const invitation = await hostClient.guestInvitations.create({
    email: "consumer@example.com",
    expired_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const connection = await guestClient.hostConnections.create({
    host_organization_id: host.organizationId,
    invitation_token: invitation.invitation_token,
  });
  const listed: string[] = [];
  for await (const item of guestClient.hostConnections.listAll({ statuses: ["connected"], pageSize: 2 }))
    listed.push(item.host_organization_id);
  if (!listed.includes(connection.host_organization_id)) throw new Error("listAll does not show the new connection");
  const { data: archived, response } = await hostClient.guestConnections
    .archive(guest.organizationId, { headers: { "X-Request-ID": "consumer-flow" } })
    .withResponse();
  if (!archived.archived || response.status !== 200) throw new Error("the connection is not archived");
  return `invite → accept → listAll (${listed.length}) → archive (${response.status}, withResponse)`;
}
