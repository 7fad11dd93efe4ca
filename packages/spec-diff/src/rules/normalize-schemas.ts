import { isObject, type Json, type JsonObject } from "@mca/spec";

/** Keywords that describe a schema without constraining values: they stay outside a nullable union. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "examples",
  "example",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

const typeOf = (node: Json): string | undefined =>
  isObject(node) && typeof node.type === "string" && Object.keys(node).every((key) => key !== "$ref")
    ? node.type
    : undefined;

/**
 * Rule `equivalent-nullable-forms`: OpenAPI 3.1 can say "T or null" three ways (`type: [T, "null"]`,
 * `anyOf: [T, {type: null}]`, `oneOf: [T, {type: null}]`); they accept the same values. oasdiff reads a switch
 * between them as "became nullable" or "type changed" (ERR). Both sides are rewritten to FastAPI's `anyOf` form
 * before oasdiff compares them, so only real changes remain.
 */
function nullableTypeList(schema: JsonObject): JsonObject {
  if (!Array.isArray(schema.type) || !schema.type.includes("null")) return schema;
  const present = schema.type.filter((type) => type !== "null");
  if (present.length !== 1) return schema;
  const outside = Object.fromEntries(Object.entries(schema).filter(([key]) => ANNOTATIONS.has(key)));
  const inside = Object.fromEntries(
    Object.entries(schema).filter(([key]) => !ANNOTATIONS.has(key) && key !== "type"),
  );
  return { ...outside, anyOf: [{ type: present[0] as string, ...inside }, { type: "null" }] };
}

/**
 * Rule `disjoint-one-of`: `oneOf` demands exactly one branch match, `anyOf` at least one; when no value can
 * match two branches (each branch a different JSON type, and not integer beside number), the two mean the same.
 * oasdiff reads an `anyOf` ↔ `oneOf` swap as branches removed and added (ERR for a response), so such a
 * `oneOf` is rewritten as `anyOf` on both sides.
 */
function disjointOneOf(schema: JsonObject): JsonObject {
  if (!Array.isArray(schema.oneOf)) return schema;
  const types = schema.oneOf.map(typeOf);
  const distinct = new Set(types);
  const disjoint =
    types.every((type) => type !== undefined) &&
    distinct.size === types.length &&
    !(distinct.has("integer") && distinct.has("number"));
  if (!disjoint) return schema;
  const { oneOf, ...rest } = schema;
  return { ...rest, anyOf: oneOf };
}

/** The document with both rules applied to every schema in it (a copy; the input is not changed). */
export function normalizeSchemas(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalizeSchemas);
  if (!isObject(node)) return node;
  const children = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, normalizeSchemas(value)]),
  );
  return disjointOneOf(nullableTypeList(children));
}
