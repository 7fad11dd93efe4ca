import { isDeepStrictEqual } from "node:util";
import { isObject, type Json, type JsonObject, resolveRef } from "@mca/spec";
import type { OasdiffChange } from "../oasdiff-changelog.js";

const WIDENED =
  /^response property `([^`]*)` list-of-types was widened by adding types `integer` to media type `([^`]+)` of response `([^`]+)`$/;

/** The schema branches a value may match at `schema`: its `anyOf`/`oneOf` branches, or itself. */
function branchesOf(document: JsonObject, schema: JsonObject): JsonObject[] {
  const union = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : undefined;
  return union ? union.map((branch) => resolveRef(document, branch)) : [schema];
}

/** oasdiff's property path (`items/items/host_email`, `scores/items/`) from a response schema, or undefined. */
function schemaAt(document: JsonObject, root: Json | undefined, path: string): JsonObject | undefined {
  let at: JsonObject | undefined = resolveRef(document, root);
  for (const segment of path.split("/").filter(Boolean)) {
    if (!at) return undefined;
    const candidates: JsonObject[] = [
      at,
      ...branchesOf(document, at),
      ...(Array.isArray(at.allOf) ? at.allOf.map((part) => resolveRef(document, part)) : []),
    ];
    const owner = candidates.find((schema) => isObject(schema.properties) && segment in schema.properties);
    if (owner && isObject(owner.properties)) at = resolveRef(document, owner.properties[segment]);
    else if (segment === "items") {
      const array = candidates.find((schema) => isObject(schema.items));
      at = array ? resolveRef(document, array.items) : undefined;
    } else at = undefined;
  }
  return at;
}

function responseSchema(document: JsonObject, change: OasdiffChange, mediaType: string, status: string) {
  const paths = isObject(document.paths) ? document.paths : {};
  const item = resolveRef(document, paths[change.path ?? ""]);
  const operation = resolveRef(document, item[(change.operation ?? "").toLowerCase()]);
  const response = resolveRef(document, resolveRef(document, operation.responses)[status]);
  const content = resolveRef(document, response.content);
  return resolveRef(document, content[mediaType]).schema;
}

const without = (schema: JsonObject, key: string) =>
  Object.fromEntries(Object.entries(schema).filter(([name]) => name !== key));

/**
 * Rule `response-number-narrowed-to-integer`: oasdiff calls `anyOf [number, null]` → `anyOf [integer, null]` in
 * a response "list of types widened" (ERR), counting `integer` as a new type. An integer is a number: every value
 * a client can now receive it could receive before. Compatible when each `integer` branch at that property has
 * a `number` branch before with the very same constraints (an integer branch with looser ones stays ERR).
 */
export function isResponseNumberNarrowedToInteger(
  change: OasdiffChange,
  documents: { base: JsonObject; head: JsonObject } | undefined,
): boolean {
  const match = change.id === "response-property-list-of-types-widened" ? WIDENED.exec(change.text) : null;
  if (!match || !documents) return false;
  const [, path = "", mediaType = "", status = ""] = match;
  const at = (document: JsonObject) => {
    const schema = schemaAt(document, responseSchema(document, change, mediaType, status), path);
    return schema ? branchesOf(document, schema) : undefined;
  };
  const before = at(documents.base);
  const after = at(documents.head);
  if (!before || !after) return false;
  const numbers = before
    .filter((branch) => branch.type === "number")
    .map((branch) => without(branch, "type"));
  const integers = after.filter((branch) => branch.type === "integer");
  return (
    integers.length > 0 &&
    integers.every((branch) => numbers.some((number) => isDeepStrictEqual(number, without(branch, "type"))))
  );
}
