import { notFound, unprocessable } from "../http/errors.js";
import { createInvitation } from "../store/invitations.js";
import { findOrganization } from "../store/organizations.js";
import type { Handler } from "./context.js";

export const createGuestInvitation: Handler = async ({ db, request, organizationId, now }) => {
  const body = request.body as { email: string; expired_at: string; parent_organization_id?: string | null };
  // an offset-less timestamp is UTC (openapi/PROVENANCE.md, "Timestamps")
  const expiredAt = new Date(
    /Z|[+-]\d\d:?\d\d$/i.test(body.expired_at) ? body.expired_at : `${body.expired_at}Z`,
  );
  if (!(expiredAt.getTime() > now.getTime())) {
    throw unprocessable(
      ["body", "expired_at"],
      "Expiration datetime of the invitation must be in the future",
      "value_error",
    );
  }
  const parent = body.parent_organization_id ?? null;
  if (parent !== null && !(await findOrganization(db, parent))) {
    throw notFound(
      ["body", "parent_organization_id"],
      "Parent organization not found",
      "organization_not_found",
    );
  }
  return createInvitation(
    db,
    {
      hostOrganizationId: organizationId,
      email: body.email,
      expiredAt: expiredAt.toISOString(),
      parentOrganizationId: parent,
    },
    now,
  );
};
