import { type Json, parseApiDateTime } from "@mca/spec";
import fc from "fast-check";
import type { StatefulCheck } from "../check.js";
import { assertThat, type Call, expectStatus, flow, requestAs } from "./flow-requests.js";

type Item = Record<string, Json>;
type Query = {
  statuses: string[];
  archived?: boolean;
  active_action_types?: string[];
  search_field?: string;
  search_text?: string;
  order_by?: string;
  order_dir?: "asc" | "desc";
  limit: number;
  offset: number;
};

const TIME_FIELDS = new Set(["created_at", "updated_at", "archived_at", "active_action_updated_at"]);
const asTime = (value: string) => parseApiDateTime(value)?.epochMs ?? Number.NaN;

/**
 * Is `values` sorted? The docs name no collation, so text counts as sorted under any of the orders a
 * database commonly uses (code points, case-insensitive, locale); nulls, whose place the docs leave open, are skipped.
 */
function isSorted(values: Array<Json | undefined>, field: string, direction: "asc" | "desc"): boolean {
  const present = values.filter((value): value is string => typeof value === "string");
  const orders: Array<(a: string, b: string) => number> = TIME_FIELDS.has(field)
    ? [(a, b) => asTime(a) - asTime(b)]
    : [
        (a, b) => (a < b ? -1 : a > b ? 1 : 0),
        (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0),
        (a, b) => a.localeCompare(b),
      ];
  const sign = direction === "asc" ? 1 : -1;
  return orders.some((compare) =>
    present.every((value, index) => index === 0 || sign * compare(present[index - 1] as string, value) <= 0),
  );
}

function violations(query: Query, items: Item[]): string[] {
  const problems: string[] = [];
  if (items.length > query.limit) problems.push(`${items.length} items for limit ${query.limit}`);
  for (const item of items) {
    const name = String(item.host_name);
    if (!query.statuses.includes(String(item.status)))
      problems.push(`${name} has status ${String(item.status)}, not in statuses`);
    if (query.archived !== undefined && item.archived !== query.archived)
      problems.push(`${name} has archived=${String(item.archived)}`);
    if (query.active_action_types && !query.active_action_types.includes(String(item.active_action_type))) {
      problems.push(
        `${name} has active_action_type ${String(item.active_action_type)}, not in active_action_types`,
      );
    }
    const field = query.search_field ?? "host_name";
    if (
      query.search_text !== undefined &&
      !String(item[field]).toLowerCase().includes(query.search_text.toLowerCase())
    ) {
      problems.push(
        `${name}: ${field} ${JSON.stringify(item[field])} does not contain ${JSON.stringify(query.search_text)}`,
      );
    }
  }
  const orderBy = query.order_by ?? "host_name";
  if (
    !isSorted(
      items.map((item) => item[orderBy]),
      orderBy,
      query.order_dir ?? "asc",
    )
  ) {
    problems.push(
      `items are not ordered by ${orderBy} ${query.order_dir ?? "asc"}: ${items.map((item) => JSON.stringify(item[orderBy])).join(", ")}`,
    );
  }
  return problems;
}

async function listPage(context: Parameters<StatefulCheck["run"]>[0], call: Call, query: Query) {
  const page = await expectStatus(
    call,
    "listHostConnections",
    requestAs(context, context.guest, "listHostConnections", { query }),
    [200],
  );
  return { items: (Array.isArray(page.items) ? page.items : []) as Item[], total: Number(page.total_items) };
}

/** Every listed item matches the filters, the order is the one asked for, and paging adds up. */
export const listSemantics: StatefulCheck = {
  kind: "stateful",
  name: "list_semantics",
  description:
    "GET /host-connections: items match statuses, archived, active_action_types and the search filter; are ordered by order_by/order_dir; items.length ≤ limit; paging through all pages yields total_items items, each once.",
  operations: ["GET /host-connections"],
  run: (context, call) =>
    flow(async () => {
      const everything: Query = { statuses: ["connected", "disconnected"], limit: 100, offset: 0 };
      const known = (await listPage(context, call, everything)).items;
      const names = known.map((item) => String(item.host_name));
      const searchText =
        names.length > 0
          ? fc
              .constantFrom(...names)
              .chain((name) =>
                fc
                  .integer({ min: 0, max: Math.max(0, name.length - 1) })
                  .map((start) => name.slice(start, start + 3) || name),
              )
          : fc.string({ minLength: 1, maxLength: 3 });
      // each filter is left out more often than set, so that most queries still match some items and the
      // check has something to judge (a filter that empties the page proves little)
      const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number) =>
        fc.oneof({ arbitrary: fc.constant(undefined), weight }, { arbitrary, weight: 1 });
      const queries = fc
        .record({
          statuses: fc.subarray(["connected", "disconnected"], { minLength: 1 }),
          archived: sometimes(fc.boolean(), 1),
          active_action_types: sometimes(
            fc.subarray(["documents_update_request", "analytics_request"], { minLength: 1 }),
            4,
          ),
          search_field: sometimes(fc.constantFrom("host_name", "host_email", "owner_email"), 1),
          search_text: sometimes(searchText, 3),
          order_by: sometimes(
            fc.constantFrom(
              "host_name",
              "host_email",
              "owner_email",
              "created_at",
              "updated_at",
              "archived_at",
              "active_action_updated_at",
            ),
            1,
          ),
          order_dir: sometimes(fc.constantFrom("asc" as const, "desc" as const), 1),
          limit: fc.integer({ min: 0, max: 10 }),
          offset: fc.integer({ min: 0, max: 5 }),
        })
        .map(
          (query) =>
            Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Query,
        );
      for (const query of fc.sample(queries, { numRuns: context.runs, seed: context.seed })) {
        const { items, total } = await listPage(context, call, query);
        const problems = violations(query, items);
        if (items.length > 0 && total < query.offset + items.length)
          problems.push(`total_items ${total} < offset ${query.offset} + ${items.length} items`);
        assertThat(
          problems.length === 0,
          `GET /host-connections with ${JSON.stringify(query)}: ${problems.join("; ")}`,
        );
      }

      // walk every page of the unfiltered list, two at a time
      const { total } = await listPage(context, call, { ...everything, limit: 2 });
      const seen: string[] = [];
      for (let offset = 0; offset < total + 2; offset += 2) {
        const { items } = await listPage(context, call, { ...everything, limit: 2, offset });
        seen.push(...items.map((item) => String(item.host_organization_id)));
        if (items.length < 2) break;
      }
      assertThat(
        seen.length === total,
        `paging by 2 yielded ${seen.length} items, total_items says ${total}`,
      );
      assertThat(new Set(seen).size === seen.length, "paging yielded an item twice");
    }),
};
