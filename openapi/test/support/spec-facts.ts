import type { SeedField } from "./seed-page.js";
import { isObject, type Json, type JsonObject, nonNullBranch, resolveRef } from "./spec.js";

/** What one parameter or property of the spec says, in the seed parser's vocabulary. */
export interface SpecField {
  /** Where a parameter is sent (`query`, `header`, `path`); undefined for a body property. */
  in?: string;
  required: boolean;
  /** The parameter's or property's schema, `$ref`s and all. */
  schema: Json | undefined;
  /** The parameter's own description/example (schema-level ones are read from `schema`). */
  description?: string;
  example?: Json;
}

/** Every difference between a field on a docs page and the same field in the spec; empty when they agree. */
export function compareField(document: JsonObject, seed: SeedField, spec: SpecField | undefined): string[] {
  if (!spec) return ["missing from the spec"];
  const outer = resolveRef(document, spec.schema ?? null);
  const { schema: branch, nullable } = nonNullBranch(document, outer);
  const items = branch.type === "array" ? resolveRef(document, branch.items ?? null) : undefined;
  const enumSource = items ?? branch;
  const schemaExamples = Array.isArray(outer.examples) ? outer.examples : [];
  const actual = {
    type: branch.type,
    itemType: items?.type,
    format: branch.format,
    nullable,
    required: spec.required,
    description: spec.description ?? outer.description,
    minLength: branch.minLength,
    maxLength: branch.maxLength,
    minimum: branch.minimum,
    maximum: branch.maximum,
    minItems: branch.minItems,
    default: outer.default ?? branch.default,
    example: spec.example ?? schemaExamples[0],
  };
  const problems: string[] = [];
  const expectSame = (key: keyof typeof actual, expected: unknown) => {
    if (JSON.stringify(actual[key]) !== JSON.stringify(expected)) {
      problems.push(`${key}: docs ${JSON.stringify(expected)}, spec ${JSON.stringify(actual[key])}`);
    }
  };
  expectSame("type", seed.type);
  // a query string cannot carry null: a parameter the docs call nullable is optional in the spec (PROVENANCE.md)
  expectSame("nullable", spec.in === "query" ? false : seed.nullable);
  if (spec.in === "query" && seed.nullable && spec.required)
    problems.push("required: the docs' nullable query parameter must be optional");
  expectSame("required", seed.required);
  expectSame("format", seed.format);
  if (seed.itemType === "string") expectSame("itemType", "string");
  for (const key of ["minLength", "maxLength", "minimum", "maximum", "minItems", "default"] as const) {
    expectSame(key, seed[key]);
  }
  if (seed.description !== undefined) expectSame("description", seed.description);
  if (seed.example !== undefined) expectSame("example", seed.example);
  if (seed.enum) {
    const specEnum = Array.isArray(enumSource.enum) ? enumSource.enum : [];
    const missing = seed.enum.filter((value) => !specEnum.includes(value));
    if (missing.length > 0) problems.push(`enum: spec lacks documented ${JSON.stringify(missing)}`);
  } else if (enumSource.enum !== undefined && !seed.itemType) {
    problems.push("enum: spec has an enum the docs do not");
  }
  return problems;
}

/** Looks up the spec's side of a seed field: a parameter (path item + operation) or a schema property. */
export function specFieldFor(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
  section: string,
  name: string,
): SpecField | undefined {
  const location = { Headers: "header", "Path Parameters": "path", "Query Parameters": "query" }[section];
  if (location) {
    const parameters = [pathItem.parameters, operation.parameters]
      .flatMap((list) => (Array.isArray(list) ? list : []))
      .map((node) => resolveRef(document, node));
    const parameter = parameters.find((candidate) => candidate.in === location && candidate.name === name);
    if (!parameter) return undefined;
    return {
      in: String(parameter.in),
      required: parameter.required === true,
      schema: parameter.schema,
      ...(typeof parameter.description === "string" ? { description: parameter.description } : {}),
      ...(parameter.example === undefined ? {} : { example: parameter.example }),
    };
  }
  const content =
    section === "Body"
      ? resolveRef(document, operation.requestBody ?? null).content
      : resolveRef(document, isObject(operation.responses) ? (operation.responses["200"] ?? null) : null)
          .content;
  const media = isObject(content) ? content["application/json"] : undefined;
  const schema = resolveRef(document, isObject(media) ? (media.schema ?? null) : null);
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (!(name in properties)) return undefined;
  const required = Array.isArray(schema.required) && schema.required.includes(name);
  return { required, schema: properties[name] };
}
