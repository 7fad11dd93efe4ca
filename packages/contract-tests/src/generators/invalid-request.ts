import type { Operation } from "@mca/spec";
import { isObject, type Json, type JsonObject, nonNullBranch, resolveRef } from "@mca/spec";
import fc from "fast-check";
import type { Caller, GeneratedCase } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";
import { templateParameter, templateRequest, templateValue } from "./template-request.js";

/** One way to break a valid request, and the value that breaks it. */
export interface Mutation {
  where: "query" | "path" | "header" | "body";
  /** The parameter or body field; left out with `where: "body"`, the whole body. */
  name?: string;
  /** The breaking value; `undefined` means: leave the part out. */
  value: Json | undefined;
  /** Send this text as the body instead (a body that is not JSON at all). */
  rawBody?: string;
  description: string;
}

/** The non-null branch of `T | null`, the schema whose constraints a value must break. */
const nonNull = (document: JsonObject, node: Json | undefined) =>
  nonNullBranch(document, resolveRef(document, node));

/** A value of each JSON type, for "wrong type": a server that coerces types accepts one of them. */
const OF_TYPE: Array<[type: string, value: Json]> = [
  ["string", "not-a-number"],
  ["integer", 12345],
  ["number", 1.5],
  ["boolean", true],
  ["array", []],
  ["object", {}],
];
/** Values that a parameter (text) of a type cannot hold, however a server parses it. */
const WRONG_TEXT: Record<string, Array<[string, string]>> = {
  integer: [
    ["not a number", "not-a-number"],
    ["a fraction for an integer", "1.5"],
  ],
  number: [["not a number", "not-a-number"]],
  boolean: [["not a boolean", "not-a-boolean"]],
};
const MALFORMED: Record<string, Array<[string, string]>> = {
  uuid: [
    ["not a uuid", "not-a-uuid"],
    ["a uuid one digit short", "5d3c0f4e-8a1b-4c2d-9e6f-7a8b9c0d1e2"],
  ],
  email: [
    ["not an email", "not-an-email"],
    ["an email without a domain", "contract@"],
  ],
  "date-time": [
    ["not a date-time", "not-a-date-time"],
    ["a date-time in month 13", "2099-13-01T00:00:00Z"],
  ],
};

/** The body values that are wrong for a field of `type`: one of every other JSON type. */
function wrongTypes(type: string): Array<[string, Json]> {
  return OF_TYPE.filter(([other]) => other !== type && !(type === "number" && other === "integer")).map(
    ([other, value]) => [`wrong type (${other} for ${type})`, value],
  );
}

/**
 * The values that break `node`'s constraints: wrong type (every other type), too long or short, out of range,
 * not in the enum (or an enum value in another case), malformed uuid/email/date-time (and a near miss of each),
 * null where it is not allowed, an array item that breaks its schema (first or after valid ones).
 * `asText`: only breakages a parameter can carry (query, path and header values are text). `template` is the
 * valid value the breakage replaces (a later bad item follows its items).
 */
export function breakingValues(
  document: JsonObject,
  node: Json | undefined,
  asText: boolean,
  template?: Json,
): Array<[string, Json]> {
  const { schema, nullable } = nonNull(document, node);
  const values: Array<[string, Json]> = [];
  const type = typeof schema.type === "string" ? schema.type : undefined;
  if (type && asText) values.push(...(WRONG_TEXT[type] ?? []));
  if (type && !asText) values.push(...wrongTypes(type));
  if (!asText && !nullable) values.push(["null where the schema does not allow it", null]);
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
  if (Array.isArray(schema.enum)) {
    values.push(["not one of the enum values", "not_a_documented_value"]);
    const cased = schema.enum
      .filter((value): value is string => typeof value === "string")
      .map((value) => value.toUpperCase())
      .find((value) => !(schema.enum as Json[]).includes(value));
    if (cased !== undefined) values.push([`an enum value in another case (${cased})`, cased]);
  }
  if (typeof schema.format === "string") values.push(...(MALFORMED[schema.format] ?? []));
  if (type === "array") {
    const valid = Array.isArray(template) ? template : [templateValue(document, schema.items)];
    for (const [why, value] of breakingValues(document, schema.items, asText))
      values.push([`an item ${why}`, [value]], [`an item after valid ones ${why}`, [...valid, value]]);
    if (!asText && typeof schema.minItems === "number" && schema.minItems > 0)
      values.push([`fewer items than minItems ${schema.minItems}`, valid.slice(0, schema.minItems - 1)]);
  }
  return values;
}

export function mutationsOf(document: JsonObject, operation: Operation): Mutation[] {
  const mutations: Mutation[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    const template = templateParameter(document, parameter);
    for (const [why, value] of breakingValues(document, parameter.schema, true, template)) {
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
  if (!operation.requestBody) return mutations;
  const body = resolveRef(document, operation.requestBody.schema);
  if (operation.requestBody.required)
    mutations.push({ where: "body", value: undefined, description: "required request body left out" });
  mutations.push({
    where: "body",
    value: undefined,
    rawBody: '{"truncated":',
    description: "request body that is not JSON",
  });
  if (body.type === "object")
    for (const [why, value] of wrongTypes("object"))
      mutations.push({ where: "body", value, description: `request body of the ${why}` });
  if (body.type === "object" && !nonNull(document, body).nullable)
    mutations.push({ where: "body", value: null, description: "request body null" });
  if (isObject(body.properties)) {
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
  const { name } = mutation;
  const set = <T extends Record<string, unknown>>(target: T, key: string) => {
    if (mutation.value === undefined) delete target[key];
    else (target as Record<string, unknown>)[key] = mutation.value;
  };
  if (mutation.where === "body" && name === undefined) {
    delete next.body;
    if (mutation.rawBody !== undefined) next.rawBody = mutation.rawBody;
    else if (mutation.value !== undefined) next.body = mutation.value;
    return next;
  }
  if (name === undefined) return next;
  if (mutation.where === "path") next.pathParams[name] = String(mutation.value);
  if (mutation.where === "query") set(next.query, name);
  if (mutation.where === "header") {
    if (mutation.value === undefined) delete next.headers[name];
    else next.headers[name] = String(mutation.value);
  }
  if (mutation.where === "body") {
    const body = isObject(request.body) ? { ...request.body } : {};
    set(body, name);
    next.body = body;
  }
  return next;
}

/** The negative cases of the coverage phase: every mutation, each once, applied to the template request. */
export function invalidCoverageCases(
  document: JsonObject,
  operation: Operation,
  identity: Caller,
): GeneratedCase[] {
  const template = templateRequest(document, operation, identity);
  return mutationsOf(document, operation).map((mutation) => ({
    request: applyMutation(template, mutation),
    description: mutation.description,
  }));
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
