import { RawJson } from "../http/raw-json.js";
import { listHostConnectionsJson } from "../store/connections.js";
import type { Handler } from "./context.js";

/** Postgres refuses a negative LIMIT and an OFFSET past bigint; the spec sets no minimum for limit. */
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

export const listHostConnections: Handler = async ({ db, request, organizationId }) => {
  const query = request.query as {
    statuses: string[];
    search_field?: string;
    search_text?: string | null;
    order_by?: string;
    order_dir?: "asc" | "desc";
    archived?: boolean | null;
    active_action_types?: string[] | null;
    limit: number;
    offset: number;
  };
  const body = await listHostConnectionsJson(db, organizationId, {
    statuses: query.statuses,
    archived: query.archived ?? null,
    activeActionTypes: query.active_action_types ?? null,
    searchField: query.search_field ?? "host_name",
    searchText: query.search_text ?? null,
    orderBy: query.order_by ?? "host_name",
    orderDir: query.order_dir ?? "asc",
    limit: Math.max(0, query.limit),
    offset: Math.min(query.offset, MAX_OFFSET),
  });
  return new RawJson(body);
};
