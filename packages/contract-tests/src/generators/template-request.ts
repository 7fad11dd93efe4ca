import {
  atPointer,
  isObject,
  type Json,
  type JsonObject,
  nonNullBranch,
  type Operation,
  type Parameter,
  resolveRef,
} from "@mca/spec";
import type { Caller } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";
import { identityHeaders } from "./valid-request.js";

/** A uuid no test organization has: ids in templates that the server should not know. */
export const TEMPLATE_UUID = "5d3c0f4e-8a1b-4c2d-9e6f-7a8b9c0d1e2f";
/** Far in the future, because the one timestamp a request carries (an invitation's expired_at) must be. */
export const TEMPLATE_DATE_TIME = "2099-01-01T00:00:00Z";
export const TEMPLATE_EMAIL = "contract@example.com";

const first = (values: Json | undefined) => (Array.isArray(values) ? values[0] : undefined);

/**
 * The non-null schema of `node` with the example it carries (its own, or its parameter's), so that a template is
 * what the spec's authors would send.
 */
function exampleOf(schema: JsonObject, outer: JsonObject): Json | undefined {
  return outer.example ?? first(outer.examples) ?? schema.example ?? first(schema.examples) ?? schema.default;
}

/**
 * One valid value for a schema, the same in every run: its example or default, else the first enum value, else
 * the least value its type and constraints allow (never null: a template's values are present).
 */
export function templateValue(document: JsonObject, node: Json | undefined, outer: JsonObject = {}): Json {
  const { schema } = nonNullBranch(document, resolveRef(document, node));
  const example = exampleOf(schema, outer);
  if (example !== undefined && example !== null) return example;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if ("const" in schema) return schema.const as Json;
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== "null") : schema.type;
  switch (type) {
    case "boolean":
      return false;
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
      const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
      return Math.min(Math.max(0, min ?? 0), max ?? Number.POSITIVE_INFINITY);
    }
    case "array": {
      const length = Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 0);
      return Array.from({ length }, () => templateValue(document, schema.items));
    }
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([name]) => required.includes(name))
          .map(([name, property]) => [name, templateValue(document, property)]),
      );
    }
    default: {
      if (schema.format === "uuid") return TEMPLATE_UUID;
      if (schema.format === "date-time") return TEMPLATE_DATE_TIME;
      if (schema.format === "email") return TEMPLATE_EMAIL;
      const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
      const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : 8;
      return "contract".padEnd(minLength, "x").slice(0, Math.max(minLength, Math.min(8, maxLength)));
    }
  }
}

/** The parameter object itself (its `example` sits beside the schema, not in it). */
export function parameterNode(document: JsonObject, parameter: Parameter): JsonObject {
  const node = atPointer(document, parameter.schemaPointer.replace(/\/schema$/, ""));
  return isObject(node) ? node : {};
}

/** A parameter's template value as it travels: path and header values are text. */
export function templateParameter(document: JsonObject, parameter: Parameter): Json {
  const value = templateValue(document, parameter.schema, parameterNode(document, parameter));
  return parameter.in === "query" ? value : String(value);
}

/**
 * One valid request per operation, the same in every run: every required part at its template value, the
 * caller's identity headers, nothing optional. The coverage phase changes one part of it at a time.
 */
export function templateRequest(document: JsonObject, operation: Operation, identity: Caller): RequestSpec {
  const headers = identityHeaders(operation, identity);
  const request: RequestSpec = {
    method: operation.method,
    path: operation.path,
    pathParams: {},
    query: {},
    headers,
  };
  for (const parameter of operation.parameters) {
    if (!parameter.required || parameter.in === "cookie") continue;
    const value = templateParameter(document, parameter);
    if (parameter.in === "path") request.pathParams[parameter.name] = String(value);
    if (parameter.in === "query") request.query[parameter.name] = value;
    if (parameter.in === "header" && !(parameter.name in headers)) headers[parameter.name] = String(value);
  }
  if (operation.requestBody) request.body = templateValue(document, operation.requestBody.schema);
  return request;
}
