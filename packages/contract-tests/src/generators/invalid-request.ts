import type { Operation } from "@mca/spec";
import { isObject, type Json, type JsonObject, nonNullBranch, resolveRef } from "@mca/spec";
import fc from "fast-check";
import type { GeneratedCase } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";

/** One way to break a valid request, and the value that breaks it. */
export interface Mutation {
  where: "query" | "path" | "header" | "body";
  name: string;
  /** The breaking value; `undefined` means: leave the field out. */
  value: Json | undefined;
  description: string;
}

/** The non-null branch of `T | null`, the schema whose constraints a value must break. */
const nonNull = (document: JsonObject, node: Json | undefined): JsonObject =>
  nonNullBranch(document, resolveRef(document, node)).schema;

const WRONG_TYPE: Record<string, Json> = {
  string: 12345,
  integer: "not-a-number",
  number: "not-a-number",
  boolean: "not-a-boolean",
  array: 42,
  object: 42,
};
const MALFORMED: Record<string, string> = {
  uuid: "not-a-uuid",
  email: "not-an-email",
  "date-time": "not-a-date-time",
};

/**
 * The values that break `node`'s constraints: wrong type, too long or short, out of range, not in the enum,
 * malformed uuid/email/date-time. `asText`: only breakages a parameter can carry (query, path and header values are text).
 */
export function breakingValues(
  document: JsonObject,
  node: Json | undefined,
  asText: boolean,
): Array<[string, Json]> {
  const schema = nonNull(document, node);
  const values: Array<[string, Json]> = [];
  const type = typeof schema.type === "string" ? schema.type : undefined;
  if (type && WRONG_TYPE[type] !== undefined && !(asText && (type === "string" || type === "array"))) {
    values.push([`wrong type (${type} expected)`, WRONG_TYPE[type] as Json]);
  }
  if (typeof schema.maxLength === "number")
    values.push([`longer than maxLength ${schema.maxLength}`, "x".repeat(schema.maxLength + 1)]);
  // an empty parameter (`?search_text=`) is read as "absent" by many servers (Prism among them): not a breakage
  if (typeof schema.minLength === "number" && schema.minLength > (asText ? 1 : 0)) {
    values.push([`shorter than minLength ${schema.minLength}`, "x".repeat(schema.minLength - 1)]);
  }
  if (typeof schema.maximum === "number")
    values.push([`above maximum ${schema.maximum}`, schema.maximum + 1]);
  if (typeof schema.minimum === "number")
    values.push([`below minimum ${schema.minimum}`, schema.minimum - 1]);
  if (Array.isArray(schema.enum)) values.push(["not one of the enum values", "not_a_documented_value"]);
  if (typeof schema.format === "string" && MALFORMED[schema.format])
    values.push([`malformed ${schema.format}`, MALFORMED[schema.format] as string]);
  if (type === "array") {
    for (const [why, value] of breakingValues(document, schema.items, asText))
      values.push([`an item ${why}`, [value]]);
  }
  return values;
}

export function mutationsOf(document: JsonObject, operation: Operation): Mutation[] {
  const mutations: Mutation[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    for (const [why, value] of breakingValues(document, parameter.schema, true)) {
      mutations.push({
        where: parameter.in,
        name: parameter.name,
        value,
        description: `${parameter.in} parameter ${parameter.name}: ${why}`,
      });
    }
    if (parameter.required && parameter.in === "query") {
      mutations.push({
        where: "query",
        name: parameter.name,
        value: undefined,
        description: `required query parameter ${parameter.name} left out`,
      });
    }
  }
  const body = operation.requestBody ? resolveRef(document, operation.requestBody.schema) : undefined;
  if (body && isObject(body.properties)) {
    const required = Array.isArray(body.required) ? body.required : [];
    for (const [name, property] of Object.entries(body.properties)) {
      for (const [why, value] of breakingValues(document, property, false)) {
        mutations.push({ where: "body", name, value, description: `body field ${name}: ${why}` });
      }
      if (required.includes(name))
        mutations.push({
          where: "body",
          name,
          value: undefined,
          description: `required body field ${name} left out`,
        });
    }
  }
  return mutations;
}

export function applyMutation(request: RequestSpec, mutation: Mutation): RequestSpec {
  const next: RequestSpec = {
    ...request,
    pathParams: { ...request.pathParams },
    query: { ...request.query },
    headers: { ...request.headers },
  };
  const set = <T extends Record<string, unknown>>(target: T) => {
    if (mutation.value === undefined) delete target[mutation.name];
    else (target as Record<string, unknown>)[mutation.name] = mutation.value;
  };
  if (mutation.where === "path") next.pathParams[mutation.name] = String(mutation.value);
  if (mutation.where === "query") set(next.query);
  if (mutation.where === "header") {
    if (mutation.value === undefined) delete next.headers[mutation.name];
    else next.headers[mutation.name] = String(mutation.value);
  }
  if (mutation.where === "body") {
    const body = isObject(request.body) ? { ...request.body } : {};
    set(body);
    next.body = body;
  }
  return next;
}

/** Valid requests with exactly one part broken. */
export function invalidCases(
  document: JsonObject,
  operation: Operation,
  valid: fc.Arbitrary<RequestSpec>,
): fc.Arbitrary<GeneratedCase> | undefined {
  const mutations = mutationsOf(document, operation);
  if (mutations.length === 0) return undefined;
  return fc.tuple(valid, fc.constantFrom(...mutations)).map(([request, mutation]) => ({
    request: applyMutation(request, mutation),
    description: mutation.description,
  }));
}
