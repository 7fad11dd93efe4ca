import type { GuestInvitation } from "@mca/types";
import { randomToken } from "../base64url.js";
import type { Queryable } from "../db/database.js";
import { withIsoTimes } from "./rows.js";

const TIMES = [
  "first_invitation_sent_at",
  "last_invitation_sent_at",
  "expired_at",
  "accepted_at",
  "archived_at",
  "created_at",
  "updated_at",
];

const SELECT_INVITATION = `
  SELECT i.id, i.host_organization_id, i.email, i.first_invitation_sent_at, i.last_invitation_sent_at, i.expired_at,
         i.expired_at <= $2 AS expired, i.status, i.invitation_token, i.archived, i.created_at, i.updated_at,
         i.accepted_at, i.archived_at, i.parent_organization_id, p.name AS parent_organization_name
  FROM guest_invitations i LEFT JOIN organizations p ON p.id = i.parent_organization_id
  WHERE i.id = $1`;

export async function createInvitation(
  db: Queryable,
  fields: {
    hostOrganizationId: string;
    email: string;
    expiredAt: string;
    parentOrganizationId: string | null;
  },
  now: Date,
): Promise<GuestInvitation> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO guest_invitations (id, host_organization_id, email, invitation_token, status, expired_at,
       first_invitation_sent_at, last_invitation_sent_at, parent_organization_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'sent', $5, $6, $6, $7, $6, $6)`,
    [
      id,
      fields.hostOrganizationId,
      fields.email,
      randomToken(32),
      fields.expiredAt,
      now,
      fields.parentOrganizationId,
    ],
  );
  const [row] = await db.query(SELECT_INVITATION, [id, now]);
  return withIsoTimes<GuestInvitation>(row as Record<string, unknown>, TIMES);
}

export interface InvitationForAcceptance {
  id: string;
  host_organization_id: string;
  status: string;
  expired_at: Date;
  parent_organization_id: string | null;
}

/** The invitation with this token, locked until the transaction ends, so only one accept can use it. */
export async function lockInvitationByToken(
  tx: Queryable,
  token: string,
): Promise<InvitationForAcceptance | undefined> {
  const [row] = await tx.query<InvitationForAcceptance & Record<string, unknown>>(
    "SELECT id, host_organization_id, status, expired_at, parent_organization_id FROM guest_invitations WHERE invitation_token = $1 FOR UPDATE",
    [token],
  );
  return row;
}

/** A sent, unexpired invitation from the host to this email: what lets a guest connect without a token. */
export async function lockOpenInvitationFor(
  tx: Queryable,
  hostOrganizationId: string,
  email: string,
  now: Date,
): Promise<InvitationForAcceptance | undefined> {
  const [row] = await tx.query<InvitationForAcceptance & Record<string, unknown>>(
    `SELECT id, host_organization_id, status, expired_at, parent_organization_id FROM guest_invitations
     WHERE host_organization_id = $1 AND lower(email) = lower($2) AND status = 'sent' AND expired_at > $3
     ORDER BY created_at LIMIT 1 FOR UPDATE`,
    [hostOrganizationId, email, now],
  );
  return row;
}

export async function markAccepted(
  tx: Queryable,
  id: string,
  status: "accepted_by_guest" | "accepted_by_system",
  now: Date,
): Promise<void> {
  await tx.query(
    "UPDATE guest_invitations SET status = $2, accepted_at = $3, updated_at = $3 WHERE id = $1",
    [id, status, now],
  );
}
