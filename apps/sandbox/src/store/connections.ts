import type {
  GuestConnection,
  HostConnection,
  HostConnectionList,
  HostConnectionOrderField,
  HostConnectionSearchField,
  ListHostConnectionsQuery,
} from "@mca/types";
import type { Database, Queryable } from "../db/database.js";
import { RawJson } from "../http/raw-json.js";
import { withIsoTimes } from "./rows.js";

const HOST_TIMES = ["created_at", "updated_at", "archived_at", "active_action_updated_at"];
const GUEST_TIMES = [...HOST_TIMES, "score_updated_at"];

/** The guest's view of a connection: HostConnection. */
const HOST_CONNECTION_COLUMNS = `
  c.host_organization_id, c.guest_organization_id, h.name AS host_name, h.email AS host_email, h.owner_email,
  c.status, c.archived, c.created_at, c.updated_at, c.archived_at, c.active_action_type, c.active_action_updated_at`;

/** The API's timestamp text (as `Date.toISOString()` writes it), for bodies PostgreSQL builds itself. */
const utc = (column: string, name: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${name}`;

/** HostConnection as JSON-ready columns: timestamps as text, the same text every other endpoint sends. */
const HOST_CONNECTION_JSON_COLUMNS = `
  c.host_organization_id, c.guest_organization_id, h.name AS host_name, h.email AS host_email, h.owner_email,
  c.status, c.archived, ${utc("c.created_at", "created_at")}, ${utc("c.updated_at", "updated_at")},
  ${utc("c.archived_at", "archived_at")}, c.active_action_type, ${utc("c.active_action_updated_at", "active_action_updated_at")}`;

/** Sort and search columns are keyed by the spec's enums; these maps are the only way they reach the SQL. */
const SEARCH_COLUMNS: Record<HostConnectionSearchField, string> = {
  host_name: "h.name",
  host_email: "h.email",
  owner_email: "h.owner_email",
};
const ORDER_COLUMNS: Record<HostConnectionOrderField, string> = {
  ...SEARCH_COLUMNS,
  created_at: "c.created_at",
  updated_at: "c.updated_at",
  archived_at: "c.archived_at",
  active_action_updated_at: "c.active_action_updated_at",
};

/** The list query with its defaults applied. */
export type HostConnectionFilters = Required<
  Pick<ListHostConnectionsQuery, "statuses" | "search_field" | "order_by" | "order_dir" | "limit" | "offset">
> &
  Pick<ListHostConnectionsQuery, "archived" | "active_action_types" | "search_text">;

export async function findHostConnection(
  db: Queryable,
  guestId: string,
  hostId: string,
): Promise<HostConnection | undefined> {
  const [row] = await db.query(
    `SELECT ${HOST_CONNECTION_COLUMNS} FROM connections c JOIN organizations h ON h.id = c.host_organization_id
     WHERE c.guest_organization_id = $1 AND c.host_organization_id = $2`,
    [guestId, hostId],
  );
  return row ? withIsoTimes<HostConnection>(row, HOST_TIMES) : undefined;
}

/**
 * One page of the guest's host connections and the total, in one round trip. PostgreSQL builds the response
 * body itself (json_agg), so no row is parsed and re-serialised in Node: the text goes out as it comes in.
 */
export async function listHostConnectionsPage(
  db: Database,
  guestId: string,
  filters: HostConnectionFilters,
): Promise<RawJson<HostConnectionList>> {
  const where = `c.guest_organization_id = $1 AND c.status = ANY($2::text[])
    AND ($3::boolean IS NULL OR c.archived = $3)
    AND ($4::text[] IS NULL OR c.active_action_type = ANY($4::text[]))
    AND ($5::text IS NULL OR strpos(lower(${SEARCH_COLUMNS[filters.search_field]}), lower($5::text)) > 0)`;
  const order = `${ORDER_COLUMNS[filters.order_by]} ${filters.order_dir === "desc" ? "DESC" : "ASC"} NULLS LAST, c.host_organization_id`;
  const sql = `SELECT json_build_object(
      'items', coalesce((SELECT json_agg(page) FROM (
        SELECT ${HOST_CONNECTION_JSON_COLUMNS} FROM connections c JOIN organizations h ON h.id = c.host_organization_id
        WHERE ${where} ORDER BY ${order} LIMIT $6 OFFSET $7) page), '[]'::json),
      'total_items', (SELECT count(*) FROM connections c JOIN organizations h ON h.id = c.host_organization_id WHERE ${where})
    )::text AS body`;
  const params = [
    guestId,
    filters.statuses,
    filters.archived ?? null,
    filters.active_action_types ?? null,
    filters.search_text ?? null,
    filters.limit,
    filters.offset,
  ];
  // one prepared statement per (search field, order) pair: the only parts that are not parameters
  const [row] = await db.read<{ body: string }>(
    `list-${filters.search_field}-${filters.order_by}-${filters.order_dir}`,
    sql,
    params,
  );
  return new RawJson(row?.body ?? '{"items":[],"total_items":0}');
}

/** Whether `hostId` may name `parentId` as an invitation's parent: itself, or an organization connected to it. */
export async function mayNameAsParent(db: Queryable, hostId: string, parentId: string): Promise<boolean> {
  if (hostId === parentId) return true;
  const rows = await db.query(
    `SELECT 1 FROM connections WHERE (host_organization_id = $1 AND guest_organization_id = $2)
       OR (host_organization_id = $2 AND guest_organization_id = $1) LIMIT 1`,
    [hostId, parentId],
  );
  return rows.length > 0;
}

export async function connectionExists(db: Queryable, hostId: string, guestId: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM connections WHERE host_organization_id = $1 AND guest_organization_id = $2",
    [hostId, guestId],
  );
  return rows.length > 0;
}

/** Inserts the connection unless the pair is already connected; false when it was. */
export async function insertConnection(
  tx: Queryable,
  fields: { hostId: string; guestId: string; parentOrganizationId: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO connections (host_organization_id, guest_organization_id, status, parent_organization_id, created_at, updated_at)
     VALUES ($1, $2, 'connected', $3, $4, $4) ON CONFLICT DO NOTHING RETURNING 1`,
    [fields.hostId, fields.guestId, fields.parentOrganizationId, now],
  );
  return rows.length > 0;
}

/** Archives or unarchives; archiving again keeps the first archived_at. The host's view (GuestConnection), or undefined. */
export async function setArchived(
  db: Queryable,
  hostId: string,
  guestId: string,
  archived: boolean,
  now: Date,
): Promise<GuestConnection | undefined> {
  const [row] = await db.query(
    `WITH updated AS (
       UPDATE connections SET archived = $3,
         archived_at = CASE WHEN $3 THEN COALESCE(archived_at, $4) ELSE NULL END,
         updated_at = GREATEST(updated_at, $4)
       WHERE host_organization_id = $1 AND guest_organization_id = $2
       RETURNING *)
     SELECT u.host_organization_id, u.guest_organization_id, u.status, g.name AS guest_name, g.email AS guest_email,
            h.owner_email, u.archived, u.created_at, u.updated_at, u.total_score, u.score_updated_at, u.archived_at,
            u.active_action_type, u.active_action_updated_at, u.parent_organization_id, p.name AS parent_organization_name
     FROM updated u
       JOIN organizations g ON g.id = u.guest_organization_id
       JOIN organizations h ON h.id = u.host_organization_id
       LEFT JOIN organizations p ON p.id = u.parent_organization_id`,
    [hostId, guestId, archived, now],
  );
  return row ? withIsoTimes<GuestConnection>(row, GUEST_TIMES) : undefined;
}
