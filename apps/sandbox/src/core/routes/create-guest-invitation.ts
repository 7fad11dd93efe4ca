import { notFound, unprocessable } from "@mca/pipeline";
import { MAX_API_EPOCH_MS, parseApiDateTime } from "@mca/spec/core";
import { mayNameAsParent } from "../store/connections.js";
import { createInvitation } from "../store/invitations.js";
import type { Handler } from "./handler.js";

export const createGuestInvitation: Handler<"createGuestInvitation"> = async ({
  db,
  request,
  organizationId,
  now,
}) => {
  const { body } = request;
  // validated as the API's date-time already; an offset-less timestamp is UTC (openapi/PROVENANCE.md)
  const expiredAt = new Date(parseApiDateTime(body.expired_at)?.epochMs ?? Number.NaN);
  if (!(expiredAt.getTime() <= MAX_API_EPOCH_MS))
    throw unprocessable(
      ["body", "expired_at"],
      "Datetime must be before year 10000 in UTC",
      "datetime_too_large",
    );
  if (!(expiredAt.getTime() > now.getTime())) {
    throw unprocessable(
      ["body", "expired_at"],
      "Expiration datetime of the invitation must be in the future",
      "value_error",
    );
  }
  const parent = body.parent_organization_id ?? null;
  // the host may name itself or an organization it is connected to; any other id answers as if it did not
  // exist, so that the answer (which carries the parent's name) discloses nothing about strangers
  if (parent !== null && !(await mayNameAsParent(db, organizationId, parent))) {
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
