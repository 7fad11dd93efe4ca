import { listHostConnectionsPage } from "../store/connections.js";
import type { Handler } from "./handler.js";

/** Postgres refuses a negative LIMIT and an OFFSET past bigint; the spec sets no minimum for limit. */
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

export const listHostConnections: Handler<"listHostConnections"> = async ({
  db,
  request,
  organizationId,
}) => {
  const { query } = request;
  return listHostConnectionsPage(db, organizationId, {
    ...query,
    search_field: query.search_field ?? "host_name",
    order_by: query.order_by ?? "host_name",
    order_dir: query.order_dir ?? "asc",
    limit: Math.max(0, query.limit),
    offset: Math.min(query.offset, MAX_OFFSET),
  });
};
