import { RawJson } from "@mca/pipeline";
import type {
  GuestConnection,
  HostConnection,
  HostConnectionList,
  ListHostConnectionsQuery,
} from "@mca/types";
import type { Database, Queryable } from "../db/database.js";
import { cacheKey } from "../db/read-cache.js";
import { iso, withIsoTimes } from "./rows.js";

/** One field of the guest's view of a connection (HostConnection): where it comes from, and what it is. */
interface HostConnectionField {
  name: keyof HostConnection;
  /** Its SQL over `connections c JOIN organizations h` (the host). */
  sql: string;
  /** A timestamp: ISO 8601 text in the API. */
  time?: true;
  /** An archive changes it: patched into the guest's cached row set from the archive's updated row. */
  archive?: true;
}

/** Every field of HostConnection, once: the columns read by id, the JSON of the list and the archive's patch. */
const HOST_CONNECTION_FIELDS: readonly HostConnectionField[] = [
  { name: "host_organization_id", sql: "c.host_organization_id" },
  { name: "guest_organization_id", sql: "c.guest_organization_id" },
  { name: "host_name", sql: "h.name" },
  { name: "host_email", sql: "h.email" },
  { name: "owner_email", sql: "h.owner_email" },
  { name: "status", sql: "c.status" },
  { name: "archived", sql: "c.archived", archive: true },
  { name: "created_at", sql: "c.created_at", time: true },
  { name: "updated_at", sql: "c.updated_at", time: true, archive: true },
  { name: "archived_at", sql: "c.archived_at", time: true, archive: true },
  { name: "active_action_type", sql: "c.active_action_type" },
  { name: "active_action_updated_at", sql: "c.active_action_updated_at", time: true },
];

const HOST_TIMES = HOST_CONNECTION_FIELDS.filter((field) => field.time).map((field) => field.name);
const GUEST_TIMES = [...HOST_TIMES, "score_updated_at"];

/** The guest's view of a connection: HostConnection. */
const HOST_CONNECTION_COLUMNS = HOST_CONNECTION_FIELDS.map(({ name, sql }) => `${sql} AS ${name}`).join(", ");

/** The cache key of one guest's connections: what a write to that guest's connections invalidates. */
export const guestConnectionsKey = (guestId: string) => cacheKey(GUEST_CONNECTIONS, [guestId]);
const GUEST_CONNECTIONS = "guest-connections";

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
    [],
  );
  return row ? withIsoTimes<HostConnection>(row, HOST_TIMES) : undefined;
}

/** `column` as the API writes a timestamp (`Date.prototype.toISOString`: UTC, milliseconds truncated, `Z`). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Each connection of the guest as the API's JSON, built by the database: no per-column parsing on our side. */
const HOST_CONNECTION_JSON = `json_build_object(${HOST_CONNECTION_FIELDS.map(
  ({ name, sql, time }) => `'${name}', ${time ? isoText(sql) : sql}`,
).join(", ")})::text AS json`;

/**
 * Every connection of one guest (its view: HostConnection), read once and kept until a write to that guest's
 * connections (or, on PostgreSQL, anyone else's write): what every list query of the guest is answered from.
 * A write forgets the guest's set, and the next list reloads it: the database builds each item's JSON, so a
 * reload costs one text column per connection.
 */
async function guestConnections(db: Database, guestId: string): Promise<ListedConnection[]> {
  const rows = await db.read<GuestConnectionRow>(
    GUEST_CONNECTIONS,
    `SELECT c.host_organization_id AS host_id, ${HOST_CONNECTION_JSON} FROM connections c JOIN organizations h ON h.id = c.host_organization_id
     WHERE c.guest_organization_id = $1`,
    [guestId],
  );
  const listed = listedByRows.get(rows);
  if (listed) return listed;
  const fresh = rows.map(({ json }) => ({ item: JSON.parse(json) as HostConnection, json }));
  listedByRows.set(rows, fresh);
  return fresh;
}

/** One connection in the guest's cached row set: the host it is with, and the API's JSON of it. */
interface GuestConnectionRow extends Record<string, unknown> {
  host_id: string;
  json: string;
}

interface ListedConnection {
  item: HostConnection;
  json: string;
}
const listedByRows = new WeakMap<object, ListedConnection[]>();

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One page of the guest's host connections and the total. A guest has tens of connections, so filtering,
 * ordering and paging them in memory costs less than a statement: the same rules the SQL used, text in code-point
 * order (PostgreSQL's C collation), nulls last in both directions, ties by host id.
 */
export async function listHostConnectionsPage(
  db: Database,
  guestId: string,
  filters: HostConnectionFilters,
): Promise<RawJson<HostConnectionList>> {
  const search = filters.search_text?.toLowerCase();
  const matching = (await guestConnections(db, guestId)).filter(
    ({ item: connection }) =>
      filters.statuses.includes(connection.status) &&
      (filters.archived === undefined ||
        filters.archived === null ||
        connection.archived === filters.archived) &&
      (!filters.active_action_types ||
        (connection.active_action_type !== null &&
          connection.active_action_type !== undefined &&
          filters.active_action_types.includes(connection.active_action_type))) &&
      (search === undefined || String(connection[filters.search_field]).toLowerCase().includes(search)),
  );
  const sign = filters.order_dir === "desc" ? -1 : 1;
  const key = filters.order_by;
  matching.sort(({ item: a }, { item: b }) => {
    const x = a[key] ?? null;
    const y = b[key] ?? null;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * compareText(String(x), String(y));
    return compareText(a.host_organization_id, b.host_organization_id);
  });
  const page = matching.slice(filters.offset, filters.offset + Math.max(0, filters.limit));
  return new RawJson(
    `{"items":[${page.map(({ json }) => json).join(",")}],"total_items":${matching.length}}`,
  );
}

/** Whether `hostId` may name `parentId` as an invitation's parent: itself, or an organization connected to it. */
export async function mayNameAsParent(db: Queryable, hostId: string, parentId: string): Promise<boolean> {
  if (hostId === parentId) return true;
  const rows = await db.query(
    `SELECT 1 FROM connections WHERE (host_organization_id = $1 AND guest_organization_id = $2)
       OR (host_organization_id = $2 AND guest_organization_id = $1) LIMIT 1`,
    [hostId, parentId],
    [],
  );
  return rows.length > 0;
}

export async function connectionExists(db: Queryable, hostId: string, guestId: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM connections WHERE host_organization_id = $1 AND guest_organization_id = $2",
    [hostId, guestId],
    [],
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
    [guestConnectionsKey(guestId)],
    // the guest's cached row set takes the new archived fields: an archive costs the next list no reload
    ([updated]) =>
      updated &&
      ((cached) =>
        (cached as GuestConnectionRow[]).map((row) =>
          row.host_id === hostId ? { host_id: hostId, json: withArchiveFields(row.json, updated) } : row,
        )),
  );
  return row ? withIsoTimes<GuestConnection>(row, GUEST_TIMES) : undefined;
}

/** A HostConnection's JSON with the fields an archive changes, taken from the updated row. */
function withArchiveFields(json: string, updated: Record<string, unknown>): string {
  const item = JSON.parse(json) as Record<string, unknown>;
  for (const { name, time, archive } of HOST_CONNECTION_FIELDS)
    if (archive) item[name] = time ? iso(updated[name]) : updated[name];
  return JSON.stringify(item);
}

/**
 * Every column of a connection, as a factory puts one in place: states no operation of the API creates (a
 * `disconnected` connection, an `active_action_type`, a score). Replaces the pair's connection if there is one.
 */
export interface ConnectionRow {
  hostId: string;
  guestId: string;
  status: "connected" | "disconnected";
  archived: boolean;
  archivedAt: Date | null;
  totalScore: number | null;
  scoreUpdatedAt: Date | null;
  activeActionType: "documents_update_request" | "analytics_request" | null;
  activeActionUpdatedAt: Date | null;
  parentOrganizationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function putConnection(db: Queryable, row: ConnectionRow): Promise<void> {
  await db.query(
    `INSERT INTO connections (host_organization_id, guest_organization_id, status, archived, archived_at, total_score,
       score_updated_at, active_action_type, active_action_updated_at, parent_organization_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (host_organization_id, guest_organization_id) DO UPDATE SET status = $3, archived = $4,
       archived_at = $5, total_score = $6, score_updated_at = $7, active_action_type = $8,
       active_action_updated_at = $9, parent_organization_id = $10, created_at = $11, updated_at = $12`,
    [
      row.hostId,
      row.guestId,
      row.status,
      row.archived,
      row.archivedAt,
      row.totalScore,
      row.scoreUpdatedAt,
      row.activeActionType,
      row.activeActionUpdatedAt,
      row.parentOrganizationId,
      row.createdAt,
      row.updatedAt,
    ],
  );
}
