import { notFound } from "../http/errors.js";
import { setArchived } from "../store/connections.js";
import type { Handler } from "./context.js";

export const updateGuestConnection: Handler = async ({ db, request, organizationId, now }) => {
  const guestId = String(request.path.guest_org_id);
  const { archived } = request.body as { archived: boolean };
  const connection = await setArchived(db, organizationId, guestId, archived, now);
  if (!connection)
    throw notFound(["path", "guest_org_id"], "Guest connection not found", "connection_not_found");
  return connection;
};
