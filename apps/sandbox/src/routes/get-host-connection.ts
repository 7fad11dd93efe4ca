import { notFound } from "../http/errors.js";
import { findHostConnection } from "../store/connections.js";
import type { Handler } from "./context.js";

export const getHostConnection: Handler = async ({ db, request, organizationId }) => {
  const hostId = String(request.path.host_org_id);
  const connection = await findHostConnection(db, organizationId, hostId);
  if (!connection)
    throw notFound(["path", "host_org_id"], "Host connection not found", "connection_not_found");
  return connection;
};
