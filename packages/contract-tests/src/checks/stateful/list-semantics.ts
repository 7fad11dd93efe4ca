import {
  actionTypeValues,
  connectionStatusValues,
  hostConnectionOrderFieldValues,
  hostConnectionSearchFieldValues,
} from "@mca/types";
import fc from "fast-check";
import { fixturesFor } from "../../fixtures/build-fixtures.js";
import { arrangements } from "../../generators/boundary-values.js";
import { connectionModel, type ListItem } from "../../model/connection-model.js";
import {
  distinctKeys,
  expectedItems,
  filterViolations,
  isOrdered,
  type ListQuery,
} from "../../model/list-query.js";
import type { Caller, CheckContext, StatefulCheck } from "../check.js";
import { assertThat, type Call, expectStatus, FlowBroken, flow, requestAs } from "./flow-requests.js";

// the spec's own enums, so that a new status, action, order or search field is judged as soon as the spec has it
const STATUSES: ListQuery["statuses"] = [...connectionStatusValues];
const ACTION_TYPES = [...actionTypeValues];
const SEARCH_FIELDS = hostConnectionSearchFieldValues;
const ORDER_FIELDS = hostConnectionOrderFieldValues;
/**
 * The multi-valued filters, with the field each filters on: each is sent in every order and subset, since a
 * server may read only one of its values.
 */
const MULTI_VALUED = { statuses: "status", active_action_types: "active_action_type" } as const;
type MultiValued = keyof typeof MULTI_VALUED;
/** The first and the last value of a multi-valued filter: what a server that reads only one of them sees. */
const ends = (values: readonly string[]) => [values[0], values[values.length - 1]];
const RULES = [
  "statuses",
  "archived",
  "active_action_types",
  ...SEARCH_FIELDS.map((field) => `search_field=${field}`),
  "order_by",
  "order_dir",
  "limit",
  "offset",
  "total_items",
  "inclusion",
];
const MAX_PAGES = 50;
/** Why more data cannot help: said so, so that nobody adds organizations to judge it. */
const UNREACHABLE_ARCHIVED =
  "no operation of the spec can create the data it needs: the guest's archived flag did not follow the host's archive (PATCH /guest-connections/{guest_org_id}), and no operation sets it";

const idOf = (item: ListItem) => String(item.host_organization_id).toLowerCase();
const ids = (items: ListItem[]) => items.map(idOf).join(",");
const describeQuery = (query: ListQuery) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("|") : String(value)}`)
    .join("&");

async function listPage(context: CheckContext, call: Call, guest: Caller, query: ListQuery) {
  const page = await expectStatus(call, requestAs(context, guest, "listHostConnections", { query }), [200]);
  return {
    items: (Array.isArray(page.items) ? page.items : []) as ListItem[],
    total: Number(page.total_items),
  };
}

/** Every item the query matches, page after page of 100. */
async function listAll(context: CheckContext, call: Call, guest: Caller, query: ListQuery) {
  const items: ListItem[] = [];
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await listPage(context, call, guest, { ...query, limit: 100, offset: items.length });
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= total) break;
  }
  return { items, total };
}

/** The rules a query can judge on this data: where a server breaking the rule would answer differently. */
function rulesJudgedBy(query: ListQuery, mine: ListItem[]): string[] {
  const expected = expectedItems(query, mine);
  const without = (changes: Partial<ListQuery>) => expectedItems({ ...query, ...changes }, mine);
  const orderBy = query.order_by ?? "host_name";
  const rules: string[] = [];
  if (mine.some((item) => !query.statuses.includes(item.status as never))) rules.push("statuses");
  // a server that reads one value of a multi-valued filter (the first, or the last) answers differently
  for (const name of Object.keys(MULTI_VALUED) as MultiValued[]) {
    const values = query[name];
    if (!values || values.length < 2) continue;
    if (ends(values).some((value) => ids(without({ [name]: [value] })) !== ids(expected))) rules.push(name);
  }
  if (typeof query.archived === "boolean" && new Set(mine.map((item) => item.archived)).size > 1)
    rules.push("archived");
  if (
    query.active_action_types &&
    mine.some((item) => !query.active_action_types?.includes(item.active_action_type as never))
  )
    rules.push("active_action_types");
  if (typeof query.search_text === "string") {
    const field = query.search_field ?? "host_name";
    const other = field === "host_name" ? "host_email" : "host_name";
    if (
      ids(expected) !== ids(without({ search_text: undefined })) &&
      ids(expected) !== ids(without({ search_field: other }))
    )
      rules.push(`search_field=${field}`);
  }
  if (
    orderBy !== "host_name" &&
    distinctKeys(expected, orderBy) > 1 &&
    ids(expected) !== ids(without({ order_by: "host_name" }))
  )
    rules.push("order_by");
  if ((query.order_dir ?? "asc") === "desc" && distinctKeys(expected, orderBy) > 1) rules.push("order_dir");
  if (query.limit < expected.length) rules.push("limit", "total_items");
  if (query.offset > 0 && query.offset < expected.length && query.limit > 0) rules.push("offset");
  if (expected.length > 0) rules.push("inclusion");
  return rules;
}

/** Queries built from the data so that every rule has one that can judge it, if the data allows. */
function coverageQueries(mine: ListItem[]): ListQuery[] {
  const all: ListQuery = { statuses: STATUSES, limit: 100, offset: 0 };
  const searches = SEARCH_FIELDS.flatMap((field) => {
    const texts = mine.flatMap((item) => {
      const value = typeof item[field] === "string" ? (item[field] as string) : "";
      return Array.from({ length: Math.max(0, value.length - 2) }, (_, start) =>
        value.slice(start, start + 3),
      );
    });
    const useful = texts.find((text) =>
      rulesJudgedBy({ ...all, search_field: field, search_text: text }, mine).includes(
        `search_field=${field}`,
      ),
    );
    return useful === undefined ? [] : [{ ...all, search_field: field, search_text: useful }];
  });
  return [
    all,
    ...arrangements(STATUSES).map((statuses) => ({ ...all, statuses }) as ListQuery),
    ...arrangements(ACTION_TYPES).map(
      (active_action_types) => ({ ...all, active_action_types }) as ListQuery,
    ),
    { ...all, archived: true },
    { ...all, archived: false },
    ...searches,
    ...ORDER_FIELDS.flatMap((order_by) =>
      (["asc", "desc"] as const).map((order_dir) => ({ ...all, order_by, order_dir })),
    ),
    { ...all, limit: 1, offset: 0 },
    { ...all, limit: 2, offset: 1 },
    { ...all, limit: 0, offset: 0 },
    { ...all, limit: 10, offset: 1_000 },
  ];
}

/** Random queries over every filter, order and page; filters mostly left out so that most match something. */
function randomQueries(mine: ListItem[]): fc.Arbitrary<ListQuery> {
  const names = mine.map((item) => String(item.host_name));
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
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight }, { arbitrary, weight: 1 });
  return fc
    .record({
      statuses: fc.shuffledSubarray([...STATUSES], { minLength: 1 }),
      archived: sometimes(fc.boolean(), 1),
      active_action_types: sometimes(fc.shuffledSubarray(ACTION_TYPES, { minLength: 1 }), 4),
      search_field: sometimes(fc.constantFrom(...SEARCH_FIELDS), 1),
      search_text: sometimes(searchText, 3),
      order_by: sometimes(fc.constantFrom(...ORDER_FIELDS), 1),
      order_dir: sometimes(fc.constantFrom("asc" as const, "desc" as const), 1),
      limit: fc.integer({ min: 0, max: 10 }),
      offset: fc.integer({ min: 0, max: 5 }),
    })
    .map(
      (query) =>
        Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as ListQuery,
    );
}

/** Judges one query: exclusion, tenant and order on everything listed; inclusion on what the suite created. */
async function judgeQuery(
  context: CheckContext,
  call: Call,
  guest: Caller,
  query: ListQuery,
  mine: ListItem[],
) {
  const where = `(GET /host-connections?${describeQuery(query)})`;
  const fail = (rule: string, reason: string) => new FlowBroken(`${rule}: ${reason} ${where}`, rule);
  const page = await listPage(context, call, guest, query);
  const full = await listAll(context, call, guest, query);
  for (const item of [...page.items, ...full.items]) {
    if (String(item.guest_organization_id).toLowerCase() !== guest.organizationId.toLowerCase())
      throw fail(
        "tenant",
        `${String(item.host_name)} belongs to guest ${String(item.guest_organization_id)}`,
      );
    const [violation] = filterViolations(query, item);
    if (violation) throw fail(...violation);
  }
  const orderBy = query.order_by ?? "host_name";
  const direction = query.order_dir ?? "asc";
  for (const items of [full.items, page.items]) {
    if (isOrdered(items, orderBy, direction)) continue;
    const reversed = isOrdered(items, orderBy, direction === "asc" ? "desc" : "asc");
    throw fail(
      reversed ? "order_dir" : "order_by",
      `items are not ordered by ${orderBy} ${direction}: ${items.map((item) => JSON.stringify(item[orderBy])).join(", ")}`,
    );
  }
  const listed = new Set(full.items.map(idOf));
  const missing = expectedItems(query, mine).filter((item) => !listed.has(idOf(item)));
  if (missing.length > 0) {
    const names = missing.map((item) => String(item.host_name)).join(", ");
    // listed for one value of a multi-valued filter alone, missed with all of them: that filter's rule
    for (const name of Object.keys(MULTI_VALUED) as MultiValued[]) {
      const values = query[name];
      if (!values || values.length < 2) continue;
      const field = MULTI_VALUED[name];
      for (const value of new Set(
        missing.flatMap((item) => (typeof item[field] === "string" ? [item[field]] : [])),
      )) {
        const alone = await listAll(context, call, guest, { ...query, [name]: [value] });
        const listedAlone = new Set(alone.items.map(idOf));
        if (missing.some((item) => listedAlone.has(idOf(item))))
          throw fail(
            name,
            `${names} match the query but are not listed, though ${name}=${String(value)} alone lists them: not every value of ${name} is read`,
          );
      }
    }
    throw fail("inclusion", `${names} match the query but are not listed`);
  }
  if (page.items.length > query.limit)
    throw fail("limit", `${page.items.length} items for limit ${query.limit}`);
  if (full.total !== full.items.length || page.total !== full.items.length)
    throw fail(
      "total_items",
      `total_items ${page.total} (${full.total} when paging), but the pages hold ${full.items.length} items`,
    );
  const slice = full.items.slice(query.offset, query.offset + query.limit);
  if (page.items.length !== slice.length)
    throw fail(
      "offset",
      `${page.items.length} items at offset ${query.offset} of ${full.items.length} with limit ${query.limit}, expected ${slice.length}`,
    );
  const sameKeys = page.items.every(
    (item, index) => JSON.stringify(item[orderBy]) === JSON.stringify(slice[index]?.[orderBy]),
  );
  if (ids(page.items) !== ids(slice) && !sameKeys)
    throw fail(
      "offset",
      `the page at offset ${query.offset} is not items ${query.offset}… of the whole list`,
    );
}

/**
 * GET /host-connections judged against a model: the suite knows the connections it created (and reads each by
 * id), so for any query it knows what must be listed, what must not, in which order, and how many there are.
 * Items it did not create (a shared server's other data) are judged for exclusion and order, never missed.
 */
export const listSemantics: StatefulCheck = {
  kind: "stateful",
  name: "list_semantics",
  description:
    "GET /host-connections against a model of the data the suite created: filters (statuses, archived, active_action_types, each search field), order_by × order_dir, limit, offset and total_items, each judged only on data that could fail it.",
  operations: ["GET /host-connections"],
  rules: RULES,
  run: (context, call, coverage) =>
    flow(async () => {
      const guest = context.guests[0] ?? context.guest;
      const fixtures = await fixturesFor(context, call);
      const mine = fixtures
        .connections()
        .filter((connection) => connection.guest === guest)
        .map((connection) => connection.item);
      assertThat(mine.length > 0, "building the test data left the first guest with no connection to judge");
      const queries = [
        ...coverageQueries(mine),
        ...fc.sample(randomQueries(mine), { numRuns: context.runs, seed: context.seed }),
      ];
      const judged = new Set<string>();
      for (const query of queries) {
        await judgeQuery(context, call, guest, query, mine);
        for (const rule of rulesJudgedBy(query, mine)) judged.add(rule);
      }
      for (const rule of RULES)
        if (judged.has(rule)) coverage.judged(rule);
        else if (rule === "archived" && connectionModel(context).guestArchiveIsSeparate())
          coverage.notJudged(rule, UNREACHABLE_ARCHIVED);
        else
          coverage.notJudged(
            rule,
            `no query had data that could fail it (${mine.length} connection(s) of the first guest)`,
          );
    }),
};
