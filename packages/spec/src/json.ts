export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node at a local JSON pointer (`#/components/schemas/X`, RFC 6901 escapes), or undefined. */
export function atPointer(document: JsonObject, pointer: string): Json | undefined {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<Json | undefined>(
      (at, key) => (Array.isArray(at) ? at[Number(key)] : isObject(at) ? at[key] : undefined),
      document,
    );
}

/** The node a local `$ref` (`#/components/…`) points at; sibling keywords of the `$ref` win. */
export function resolveRef(document: JsonObject, node: Json | undefined): JsonObject {
  if (!isObject(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const { $ref: _ref, ...siblings } = node;
  return { ...resolveRef(document, atPointer(document, ref)), ...siblings };
}
