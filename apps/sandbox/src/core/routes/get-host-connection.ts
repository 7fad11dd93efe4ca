import { notFound } from "@mca/pipeline";
import { findHostConnection } from "../store/connections.js";
import type { Handler } from "./handler.js";

export const getHostConnection: Handler<"getHostConnection"> = async ({ db, request, organizationId }) => {
  const connection = await findHostConnection(db, organizationId, request.path.host_org_id);
  if (!connection)
    throw notFound(["path", "host_org_id"], "Host connection not found", "connection_not_found");
  return connection;
};
