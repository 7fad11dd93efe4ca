import { type Json, parseApiDateTime } from "@mca/spec";
import type { ListHostConnectionsQuery } from "@mca/types";
import type { ListItem } from "./connection-model.js";

export type ListQuery = ListHostConnectionsQuery;

export const TIME_FIELDS = new Set(["created_at", "updated_at", "archived_at", "active_action_updated_at"]);

const text = (value: Json | undefined) => (typeof value === "string" ? value : undefined);

/** Why `item` should not be in the answer to `query` (one reason per filter it fails), empty when it should. */
export function filterViolations(query: ListQuery, item: ListItem): Array<[rule: string, reason: string]> {
  const name = String(item.host_name);
  const problems: Array<[string, string]> = [];
  if (!query.statuses.includes(item.status as ListQuery["statuses"][number]))
    problems.push([
      "statuses",
      `${name} has status ${String(item.status)}, not in statuses=${query.statuses.join(",")}`,
    ]);
  if (typeof query.archived === "boolean" && item.archived !== query.archived)
    problems.push([
      "archived",
      `${name} has archived=${String(item.archived)}, the query asked archived=${query.archived}`,
    ]);
  if (query.active_action_types && !query.active_action_types.includes(item.active_action_type as never))
    problems.push([
      "active_action_types",
      `${name} has active_action_type ${String(item.active_action_type)}, not in ${query.active_action_types.join(",")}`,
    ]);
  if (typeof query.search_text === "string") {
    const field = query.search_field ?? "host_name";
    const value = text(item[field]);
    if (value === undefined || !value.toLowerCase().includes(query.search_text.toLowerCase()))
      problems.push([
        `search_field=${field}`,
        `${name}: ${field} ${JSON.stringify(item[field])} does not contain ${JSON.stringify(query.search_text)}`,
      ]);
  }
  return problems;
}

/** The sort key of an item under `order_by` (times as instants); undefined for null, whose place is not documented. */
export function sortKey(item: ListItem, orderBy: string): string | number | undefined {
  const value = text(item[orderBy]);
  if (value === undefined) return undefined;
  return TIME_FIELDS.has(orderBy) ? (parseApiDateTime(value)?.epochMs ?? Number.NaN) : value;
}

/**
 * Is `items` ordered? The docs name no collation, so text counts as sorted under any of the orders a database
 * commonly uses (code points, case-insensitive, locale); nulls are skipped.
 */
export function isOrdered(items: ListItem[], orderBy: string, direction: "asc" | "desc"): boolean {
  const keys = items.map((item) => sortKey(item, orderBy)).filter((key) => key !== undefined);
  const sign = direction === "asc" ? 1 : -1;
  const compares: Array<(a: string | number, b: string | number) => number> = TIME_FIELDS.has(orderBy)
    ? [(a, b) => Number(a) - Number(b)]
    : [
        (a, b) => (a < b ? -1 : a > b ? 1 : 0),
        (a, b) =>
          String(a).toLowerCase().localeCompare(String(b).toLowerCase(), "en", { sensitivity: "base" }),
        (a, b) => String(a).localeCompare(String(b)),
      ];
  return compares.some((compare) =>
    keys.every((key, index) => index === 0 || sign * compare(keys[index - 1] as string | number, key) <= 0),
  );
}

/** The items of `all` the query should return, in code-point order (enough to decide what a query can judge). */
export function expectedItems(query: ListQuery, all: ListItem[]): ListItem[] {
  const orderBy = query.order_by ?? "host_name";
  const sign = (query.order_dir ?? "asc") === "asc" ? 1 : -1;
  return all
    .filter((item) => filterViolations(query, item).length === 0)
    .sort((a, b) => {
      const x = sortKey(a, orderBy);
      const y = sortKey(b, orderBy);
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      return sign * (x < y ? -1 : x > y ? 1 : 0);
    });
}

/** Distinct non-null sort keys: an order can only be wrong where there are two. */
export const distinctKeys = (items: ListItem[], orderBy: string) =>
  new Set(items.map((item) => sortKey(item, orderBy)).filter((key) => key !== undefined)).size;
