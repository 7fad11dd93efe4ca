import { conflict, forbidden, notFound, unprocessable } from "@mca/pipeline";
import { connectionExists, findHostConnection, insertConnection } from "../store/connections.js";
import {
  type InvitationForAcceptance,
  lockInvitationByToken,
  lockOpenInvitationFor,
  markAccepted,
} from "../store/invitations.js";
import { findOrganization } from "../store/organizations.js";
import type { Handler } from "./handler.js";

const ALREADY_CONNECTED = () =>
  conflict("The guest organization is already connected to this host organization", "already_connected");

/** Why an invitation token cannot connect this guest to this host, or undefined when it can. */
function tokenProblem(
  invitation: InvitationForAcceptance | undefined,
  hostId: string,
  now: Date,
): [string, string] | undefined {
  if (!invitation || invitation.host_organization_id !== hostId)
    return ["Invitation token is not valid for this host organization", "invitation_token_invalid"];
  if (invitation.status !== "sent")
    return ["Invitation token has already been used", "invitation_token_used"];
  if (new Date(invitation.expired_at).getTime() <= now.getTime())
    return ["Invitation token has expired", "invitation_token_expired"];
  return undefined;
}

export const createHostConnection: Handler<"createHostConnection"> = async ({
  db,
  request,
  organizationId: guestId,
  now,
}) => {
  const { host_organization_id: hostId, invitation_token: token } = request.body;
  if (hostId === guestId)
    throw unprocessable(
      ["body", "host_organization_id"],
      "An organization cannot connect to itself",
      "value_error",
    );
  const guest = await findOrganization(db, guestId);
  if (!(await findOrganization(db, hostId)) || !guest)
    throw notFound(["body", "host_organization_id"], "Host organization not found", "organization_not_found");
  if (await connectionExists(db, hostId, guestId)) throw ALREADY_CONNECTED();

  await db.transaction(async (tx) => {
    let invitation: InvitationForAcceptance | undefined;
    let acceptedBy: "accepted_by_guest" | "accepted_by_system";
    if (token) {
      invitation = await lockInvitationByToken(tx, token);
      const problem = tokenProblem(invitation, hostId, now);
      if (problem) {
        // a token used by this very pair a moment ago: the connection exists, report the conflict
        if (problem[1] === "invitation_token_used" && (await connectionExists(tx, hostId, guestId)))
          throw ALREADY_CONNECTED();
        throw unprocessable(["body", "invitation_token"], problem[0], problem[1]);
      }
      acceptedBy = "accepted_by_guest";
    } else {
      invitation = await lockOpenInvitationFor(tx, hostId, guest.email, now);
      if (!invitation)
        throw forbidden("The host organization has no open invitation for this organization", "not_invited");
      acceptedBy = "accepted_by_system";
    }
    const accepted = invitation as InvitationForAcceptance;
    if (
      !(await insertConnection(
        tx,
        { hostId, guestId, parentOrganizationId: accepted.parent_organization_id },
        now,
      ))
    )
      throw ALREADY_CONNECTED();
    await markAccepted(tx, accepted.id, acceptedBy, now);
  });
  const connection = await findHostConnection(db, guestId, hostId);
  if (!connection) throw new Error("the connection committed a moment ago cannot be read back");
  return connection;
};
