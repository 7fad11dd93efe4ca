import { isObject, type Json, type JsonObject, resolveRef } from "@mca/spec";
import fc from "fast-check";

export interface ArbitraryOptions {
  /** Leave out `null` even where the schema allows it (query parameters cannot carry one). */
  noNull?: boolean;
  /** The least array length, for arrays that must survive a query string (an empty one vanishes). */
  minArrayLength?: number;
}

const EMAIL = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,16}$/),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom("com", "org", "io", "example"),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

// Both timestamp shapes the API uses: with an offset, and FastAPI's offset-less (read as UTC). In the future,
// because the one timestamp a request carries, an invitation's expired_at, "must be in the future".
const DATE_TIME = fc
  .tuple(
    fc.date({
      min: new Date(Date.now() + 86_400_000),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    }),
    fc.boolean(),
  )
  .map(([date, withOffset]) => (withOffset ? date.toISOString() : date.toISOString().replace("Z", "")));

/** A schema this generator cannot produce values for: refused, never answered with a value that may be invalid. */
export class UnsupportedSchemaError extends Error {
  override readonly name = "UnsupportedSchemaError";
  constructor(schema: JsonObject, why: string) {
    super(`cannot generate values for ${JSON.stringify(schema).slice(0, 200)}: ${why}`);
  }
}

const FORMATS = new Set(["uuid", "email", "date-time", "password"]);

function stringArbitrary(schema: JsonObject): fc.Arbitrary<string> {
  if (typeof schema.format === "string" && !FORMATS.has(schema.format))
    throw new UnsupportedSchemaError(schema, `format "${schema.format}" is not supported`);
  if (typeof schema.pattern === "string")
    throw new UnsupportedSchemaError(schema, "pattern is not supported");
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : minLength + 40;
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return EMAIL.filter(fits);
    case "date-time":
      return DATE_TIME;
    default:
      return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) });
  }
}

function numberArbitrary(schema: JsonObject, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  if (integer)
    return fc.integer({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
}

/** A fast-check arbitrary of values valid under `schema` (the subset of JSON Schema this spec uses). */
export function schemaArbitrary(
  document: JsonObject,
  node: Json | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<Json> {
  const schema = resolveRef(document, node);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const as Json);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const branches = ((schema.anyOf ?? schema.oneOf) as Json[])
      .map((branch) => resolveRef(document, branch))
      .filter((branch) => !(options.noNull && branch.type === "null"));
    return fc.oneof(...branches.map((branch) => schemaArbitrary(document, branch, options)));
  }
  if (Array.isArray(schema.type))
    return fc.oneof(
      ...schema.type
        .filter((type) => !(options.noNull && type === "null"))
        .map((type) => schemaArbitrary(document, { ...schema, type }, options)),
    );
  switch (schema.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return numberArbitrary(schema, true);
    case "number":
      return numberArbitrary(schema, false);
    case "string":
      return stringArbitrary(schema);
    case "array": {
      const minLength = Math.max(
        typeof schema.minItems === "number" ? schema.minItems : 0,
        options.minArrayLength ?? 0,
      );
      const maxLength = typeof schema.maxItems === "number" ? schema.maxItems : minLength + 3;
      return fc.array(schemaArbitrary(document, schema.items, options), { minLength, maxLength });
    }
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required)
        ? schema.required.filter((key) => typeof key === "string")
        : [];
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, schemaArbitrary(document, child)]),
      );
      return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
    }
    default:
      throw new UnsupportedSchemaError(schema, `type ${JSON.stringify(schema.type)} is not supported`);
  }
}
