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

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * Every shape of `date-time` the spec accepts that real servers get wrong: offsets `Z`, `+05:30`, `-0800` and
 * none (UTC), fractions of 0 to 6 digits. In the future, because the one timestamp a request carries, an
 * invitation's expired_at, "must be in the future" (two days ahead covers any offset).
 */
const DATE_TIME = fc
  .tuple(
    fc.date({
      min: new Date(Date.now() + 2 * 86_400_000),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.constantFrom(["Z", 0], ["+05:30", 330], ["-0800", -480], ["", 0]),
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([date, [suffix, offsetMinutes], digits, micros]) => {
    const local = new Date(date.getTime() + (offsetMinutes as number) * 60_000);
    const fraction = `${pad(local.getUTCMilliseconds(), 3)}${pad(micros, 3)}`.slice(0, digits);
    return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction ? `.${fraction}` : ""}${suffix as string}`;
  });

/** UUIDs in lower, upper and mixed case: the same id to a server that compares them right. */
const UUID = fc
  .tuple(fc.uuid(), fc.constantFrom("lower", "upper", "mixed"))
  .map(([id, writing]) =>
    writing === "lower"
      ? id
      : writing === "upper"
        ? id.toUpperCase()
        : [...id].map((character, index) => (index % 2 ? character.toUpperCase() : character)).join(""),
  );

/**
 * Text of any Unicode code point (emoji and other astral characters included), often at exactly its maximum
 * length, which JSON Schema and pydantic count in code points. NUL is left out (PostgreSQL-backed services refuse
 * it, and the spec cannot say so), and so are surrogates, which are no characters on their own.
 */
const CODE_POINT = fc
  .oneof(
    { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 3 },
    { arbitrary: fc.integer({ min: 0x01, max: 0xd7ff }), weight: 1 },
    { arbitrary: fc.integer({ min: 0xe000, max: 0x10ffff }), weight: 1 },
  )
  .map((codePoint) => String.fromCodePoint(codePoint));
const anyText = (minLength: number, maxLength: number) =>
  fc.string({ unit: CODE_POINT, minLength, maxLength });

function textArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(anyText(minLength, Math.min(maxLength, minLength + 40)), anyText(maxLength, maxLength));
}

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
      return UUID;
    case "email":
      return EMAIL.filter(fits);
    case "date-time":
      return DATE_TIME;
    default:
      return typeof schema.maxLength === "number"
        ? textArbitrary(minLength, maxLength)
        : fc
            .string({ unit: "binary", minLength, maxLength: minLength + 40 })
            .filter((text) => !text.includes("\u0000"));
  }
}

function numberArbitrary(schema: JsonObject, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  if (integer) {
    // the boundaries themselves (limit 0 and 100, offset 0), and huge values where there is no maximum
    const range = fc.integer({ min: min ?? -(2 ** 31), max: max ?? 2 ** 31 - 1 });
    const edges = [min, max].filter((edge): edge is number => edge !== undefined);
    const huge = max === undefined ? [Number.MAX_SAFE_INTEGER] : [];
    return edges.length + huge.length > 0 ? fc.oneof(range, fc.constantFrom(...edges, ...huge)) : range;
  }
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
