import { notFound } from "@mca/pipeline";
import { setArchived } from "../store/connections.js";
import type { Handler } from "./handler.js";

export const updateGuestConnection: Handler<"updateGuestConnection"> = async ({
  db,
  request,
  organizationId,
  now,
}) => {
  const connection = await setArchived(
    db,
    organizationId,
    request.path.guest_org_id,
    request.body.archived,
    now,
  );
  if (!connection)
    throw notFound(["path", "guest_org_id"], "Guest connection not found", "connection_not_found");
  return connection;
};
