import { type JsonObject, resolveRef } from "./json.js";

/**
 * The schema a present value must meet, and whether `null` is allowed too. FastAPI writes `T | None` as
 * `anyOf: [T, {type: null}]`; JSON Schema 2020-12 also allows `oneOf` and `type: [T, "null"]`. Any other
 * union is returned whole, not nullable.
 */
export function nonNullBranch(
  document: JsonObject,
  schema: JsonObject,
): { schema: JsonObject; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const types = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: types.length === 1 ? (types[0] as string) : types }, nullable: true };
  }
  const union = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : undefined;
  if (!union) return { schema, nullable: schema.type === "null" };
  const branches = union.map((branch) => resolveRef(document, branch));
  const present = branches.filter((branch) => branch.type !== "null");
  if (present.length !== 1 || present.length === branches.length) return { schema, nullable: false };
  const { anyOf: _anyOf, oneOf: _oneOf, ...outer } = schema;
  // keywords beside the union (description, default, examples) belong to the whole schema
  return { schema: { ...outer, ...(present[0] as JsonObject) }, nullable: true };
}
