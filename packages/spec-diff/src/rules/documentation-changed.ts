import { isDeepStrictEqual } from "node:util";
import { escapePointerSegment, isObject, type Json, type JsonObject } from "@mca/spec";
import { breaking, type Change, compatible } from "../change.js";
import { normalizeSchemas } from "./normalize-schemas.js";

/** Keywords that only describe: no client's behaviour, no generated type depends on them. */
const DOCUMENTATION = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "$comment",
]);
/** Top-level fields that are the document's own metadata. */
const METADATA = new Set(["info", "tags", "externalDocs"]);
/** Keywords whose value is a map of names (properties, components, status codes, media types…), not keywords. */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "dependentSchemas",
  "paths",
  "webhooks",
  "schemas",
  "responses",
  "parameters",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
  "content",
  "encoding",
  "variables",
  "mapping",
]);

/** The node without its documentation keywords; a name in a name map (a property called `title`) is kept. */
function structure(node: Json, inNameMap = false): Json {
  if (Array.isArray(node)) return node.map((entry) => structure(entry));
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => inNameMap || !DOCUMENTATION.has(key))
      .map(([key, value]) => [key, structure(value, !inNameMap && NAME_MAPS.has(key))]),
  );
}

/** JSON pointers of the first places where `a` and `b` differ. */
function differences(a: Json | undefined, b: Json | undefined, at = "", found: string[] = []): string[] {
  if (found.length >= 3 || isDeepStrictEqual(a, b)) return found;
  const bothObjects = isObject(a) && isObject(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b) && a.length === b.length;
  if (!bothObjects && !bothArrays) return [...found, at || "/"];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  let result = found;
  for (const key of keys) {
    const child = (node: Json | undefined) => (node as Record<string, Json | undefined>)[key];
    result = differences(child(a), child(b), `${at}/${escapePointerSegment(key)}`, result);
  }
  return result;
}

/** What a client can depend on: no metadata, no documentation, nullable and disjoint unions in one form. */
const clientFacing = (document: JsonObject): Json =>
  structure(
    normalizeSchemas(Object.fromEntries(Object.entries(document).filter(([key]) => !METADATA.has(key)))),
  );

/**
 * Rule `documentation-changed`: when neither oasdiff nor another rule found anything and the documents still
 * differ, the difference must be in descriptions, examples, titles, the document's metadata (`info`, `tags`) or
 * the spelling of an equivalent schema: a patch release of the published packages (their docs come from it). Anything else is a structural change that
 * oasdiff passes in silence: `unclassified`, breaking, with where it is, for a person to judge.
 */
export function documentationChanged(base: JsonObject, head: JsonObject, found: Change[]): Change[] {
  if (found.length > 0 || isDeepStrictEqual(base, head)) return [];
  const where = differences(clientFacing(base), clientFacing(head));
  if (where.length > 0)
    return [
      breaking(
        "unclassified",
        "document",
        where.join(", "),
        "a structural change oasdiff reports nothing about (not in descriptions, examples or metadata): judge it by hand",
      ),
    ];
  return [
    compatible(
      "documentation-changed",
      "document",
      "descriptions, examples",
      "changed where no client's behaviour depends on it",
    ),
  ];
}
