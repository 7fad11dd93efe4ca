import { isObject, type Json, type JsonObject, nonNullBranch, type Operation, resolveRef } from "@mca/spec";
import type { Caller, GeneratedCase } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";
import { templateParameter, templateRequest, templateValue } from "./template-request.js";

/** More items than this and an array's every order and subset would be too many cases: ends and each alone. */
const MAX_ARRANGED_ITEMS = 4;

/** Every non-empty subset of `values` in every order, with a length the array schema allows. */
export function arrangements(values: Json[], minItems = 1, maxItems = values.length): Json[][] {
  const lengthFits = (items: Json[]) => items.length >= Math.max(1, minItems) && items.length <= maxItems;
  if (values.length > MAX_ARRANGED_ITEMS)
    return [...values.map((value) => [value]), values, [...values].reverse()].filter(lengthFits);
  const result: Json[][] = [];
  const extend = (prefix: Json[], rest: Json[]) => {
    if (prefix.length > 0) result.push(prefix);
    for (const [index, value] of rest.entries())
      extend([...prefix, value], [...rest.slice(0, index), ...rest.slice(index + 1)]);
  };
  extend([], values);
  return result.filter(lengthFits);
}

const mixedCase = (text: string) =>
  [...text].map((character, index) => (index % 2 ? character.toUpperCase() : character)).join("");

/** Every shape of date-time the spec accepts (see openapi/PROVENANCE.md, "Timestamps"), far in the future. */
const DATE_TIMES: Array<[string, string]> = [
  ["a date-time in UTC with Z", "2099-01-01T00:00:00Z"],
  ["a date-time with offset +05:30", "2099-01-01T05:30:00+05:30"],
  ["a date-time with offset -0800 (no colon) and milliseconds", "2098-12-31T16:00:00.123-0800"],
  ["a date-time with no offset and microseconds", "2099-01-01T00:00:00.123456"],
];

/** An email of exactly `length` characters that every validator accepts (local part ≤ 64, labels ≤ 63). */
function emailOfLength(length: number): string | undefined {
  const local = Math.min(64, length - 6);
  if (local < 1) return undefined;
  let rest = length - local - 1 - ".com".length;
  const labels: string[] = [];
  while (rest > 63) {
    const take = rest - 64 >= 1 ? 63 : rest - 2;
    labels.push("d".repeat(take));
    rest -= take + 1;
  }
  labels.push("d".repeat(rest));
  return `${"a".repeat(local)}@${labels.join(".")}.com`;
}

function integerBoundaries(schema: JsonObject): Array<[string, Json]> {
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  const values: Array<[string, number]> = [];
  if (min === undefined) values.push(["far below zero (no minimum)", -(2 ** 31)]);
  else values.push([`minimum ${min}`, min], [`just above minimum ${min}`, min + 1]);
  if (max === undefined) values.push(["huge (no maximum)", Number.MAX_SAFE_INTEGER]);
  else values.push([`maximum ${max}`, max], [`just below maximum ${max}`, max - 1]);
  values.push(["zero", 0]);
  return values.filter(
    ([, value], index) =>
      (min === undefined || value >= min) &&
      (max === undefined || value <= max) &&
      values.findIndex(([, other]) => other === value) === index,
  );
}

function stringBoundaries(schema: JsonObject, template: Json, asText: boolean): Array<[string, Json]> {
  if (schema.format === "uuid") {
    const id = String(template).toLowerCase();
    return [
      ["a uuid in lower case", id],
      ["a uuid in upper case", id.toUpperCase()],
      ["a uuid in mixed case", mixedCase(id)],
    ];
  }
  if (schema.format === "date-time") return DATE_TIMES;
  const minLength = Math.max(typeof schema.minLength === "number" ? schema.minLength : 0, asText ? 1 : 0);
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const values: Array<[string, Json]> = [];
  if (schema.format === "email") {
    const shortest = emailOfLength(Math.max(minLength, 6));
    const longest = maxLength === undefined ? undefined : emailOfLength(maxLength);
    if (shortest) values.push([`the shortest email (${shortest.length})`, shortest]);
    if (longest) values.push([`an email of exactly maxLength ${maxLength}`, longest]);
    return values;
  }
  if (minLength > 0) values.push([`exactly minLength ${minLength}`, "m".repeat(minLength)]);
  // lengths count code points (JSON Schema and pydantic agree): an emoji is one character, two UTF-16 units
  if (maxLength !== undefined)
    values.push(
      [`exactly maxLength ${maxLength}`, "M".repeat(maxLength)],
      [`exactly maxLength ${maxLength} in emoji (code points)`, "😀".repeat(maxLength)],
    );
  const escaping = asText ? "a&b=c+d%e/f?g#h i" : 'a"b\\c/d\ne\tf';
  if (escaping.length >= minLength && (maxLength === undefined || escaping.length <= maxLength))
    values.push([`characters that need escaping ${JSON.stringify(escaping)}`, escaping]);
  return values;
}

/**
 * The valid values at the edges of `node`'s constraints, the ones servers get wrong: every enum value, both
 * booleans, each bound and its inner neighbour (huge where there is none), exact lengths in ASCII and in emoji,
 * every uuid case, every date-time shape, the longest email, null where allowed, and for an array every order
 * and subset of its enum items. `template` is the value the request holds now (a uuid's variants are its own).
 */
export function boundaryValues(
  document: JsonObject,
  node: Json | undefined,
  asText: boolean,
  template: Json,
): Array<[string, Json]> {
  const { schema, nullable } = nonNullBranch(document, resolveRef(document, node));
  const values: Array<[string, Json]> = nullable && !asText ? [["null (the schema allows it)", null]] : [];
  if (Array.isArray(schema.enum))
    return [
      ...values,
      ...schema.enum.map((value): [string, Json] => [`enum value ${JSON.stringify(value)}`, value]),
    ];
  switch (schema.type) {
    case "boolean":
      return [...values, ["true", true], ["false", false]];
    case "integer":
      return [...values, ...integerBoundaries(schema)];
    case "string":
      return [...values, ...stringBoundaries(schema, template, asText)];
    case "array": {
      const items = nonNullBranch(document, resolveRef(document, schema.items)).schema;
      const minItems = typeof schema.minItems === "number" ? schema.minItems : 1;
      const maxItems = typeof schema.maxItems === "number" ? schema.maxItems : Number.POSITIVE_INFINITY;
      if (Array.isArray(items.enum))
        return [
          ...values,
          ...arrangements(items.enum, minItems, maxItems).map((arranged): [string, Json] => [
            `items ${arranged.map((item) => String(item)).join(", ")}`,
            arranged,
          ]),
        ];
      const first = Array.isArray(template) ? template[0] : templateValue(document, items);
      return [
        ...values,
        ...boundaryValues(document, items, asText, first ?? null).map(([why, value]): [string, Json] => [
          `one item: ${why}`,
          [value],
        ]),
      ];
    }
    default:
      return values;
  }
}

/** The request with one part set to `value`. */
function withPart(
  request: RequestSpec,
  where: "path" | "query" | "header" | "body",
  name: string,
  value: Json,
): RequestSpec {
  const next: RequestSpec = {
    ...request,
    pathParams: { ...request.pathParams },
    query: { ...request.query },
    headers: { ...request.headers },
  };
  if (where === "path") next.pathParams[name] = String(value);
  if (where === "query") next.query[name] = value;
  if (where === "header") next.headers[name] = String(value);
  if (where === "body") next.body = { ...(isObject(request.body) ? request.body : {}), [name]: value };
  return next;
}

/**
 * The positive cases of the coverage phase: the template as it is, with every optional part present, and with
 * each boundary value of each part (path, query, header, body field) in turn.
 */
export function boundaryCases(document: JsonObject, operation: Operation, identity: Caller): GeneratedCase[] {
  const template = templateRequest(document, operation, identity);
  let everything = template;
  const cases: GeneratedCase[] = [{ request: template, description: "the template: every required part" }];
  const parts: Array<{
    where: "path" | "query" | "header" | "body";
    name: string;
    schema: Json | undefined;
    current: Json;
  }> = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    const current =
      parameter.in === "path"
        ? template.pathParams[parameter.name]
        : parameter.in === "query"
          ? template.query[parameter.name]
          : template.headers[parameter.name];
    const value = current ?? templateParameter(document, parameter);
    if (current === undefined) everything = withPart(everything, parameter.in, parameter.name, value);
    parts.push({ where: parameter.in, name: parameter.name, schema: parameter.schema, current: value });
  }
  const body = operation.requestBody ? resolveRef(document, operation.requestBody.schema) : undefined;
  if (body && isObject(body.properties) && isObject(template.body)) {
    for (const [name, property] of Object.entries(body.properties)) {
      const current = template.body[name] ?? templateValue(document, property);
      if (!(name in template.body)) everything = withPart(everything, "body", name, current);
      parts.push({ where: "body", name, schema: property, current });
    }
  }
  if (everything !== template)
    cases.push({ request: everything, description: "every optional part present" });
  for (const { where, name, schema, current } of parts)
    for (const [why, value] of boundaryValues(document, schema, where !== "body", current))
      cases.push({
        request: withPart(template, where, name, value),
        description: `${where === "body" ? "body field" : `${where} parameter`} ${name}: ${why}`,
      });
  const seen = new Set<string>();
  return cases.filter(({ request }) => {
    const key = JSON.stringify(request);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
