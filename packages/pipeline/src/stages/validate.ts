import {
  isObject,
  type Json,
  type JsonObject,
  nonNullBranch,
  type Operation,
  type Parameter,
  resolveRef,
  type SpecValidator,
} from "@mca/spec/core";
import { type ErrorDetail, HttpError } from "../errors.js";
import { toFastApiDetail } from "../fastapi-detail.js";
import { isJsonContentType } from "./read-body.js";

export interface RawRequest {
  pathParams: Record<string, string>;
  searchParams: URLSearchParams;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  bodyText: string;
}

export interface ValidatedRequest {
  path: Record<string, Json>;
  query: Record<string, Json>;
  headers: Record<string, string>;
  body: Json | undefined;
}

const TRUE = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE = new Set(["false", "0", "no", "off", "f", "n"]);

/** Reads text the way FastAPI (pydantic in lax mode) reads a parameter; text it cannot read stays text and fails validation. */
function coerce(text: string, schema: JsonObject): Json {
  switch (schema.type) {
    case "integer":
      return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : text;
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    case "boolean":
      return TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : text;
    default:
      return text;
  }
}

/**
 * The value with every `format: uuid` string in lower case: ids are case-insensitive, and this is the one place
 * they get their canonical form, so comparisons, the self-connection rule and the header checks agree with the
 * database.
 */
function canonicalIds(schemaOf: SchemaOf, node: Json | undefined, value: Json): Json {
  const schema = schemaOf(node);
  if (typeof value === "string") return schema.format === "uuid" ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map((item) => canonicalIds(schemaOf, schema.items, item));
  if (isObject(value) && isObject(schema.properties)) {
    const properties = schema.properties;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, canonicalIds(schemaOf, properties[key], item)]),
    );
  }
  return value;
}

/** A schema node with its `$ref` resolved and its null branch dropped. */
type SchemaOf = (node: Json | undefined) => JsonObject;

/** `SchemaOf` for one document, each node resolved once: a request would otherwise walk its pointers every time. */
function schemaResolver(document: JsonObject): SchemaOf {
  const resolved = new WeakMap<object, JsonObject>();
  return (node) => {
    if (!isObject(node)) return nonNullBranch(document, resolveRef(document, node)).schema;
    let schema = resolved.get(node);
    if (schema === undefined) {
      schema = nonNullBranch(document, resolveRef(document, node)).schema;
      resolved.set(node, schema);
    }
    return schema;
  };
}

export type RequestValidator = (operation: Operation, raw: RawRequest) => ValidatedRequest;

/**
 * Validates path, query, headers and JSON body against the operation the way FastAPI (pydantic 2) does, and
 * throws one 422 with every problem in FastAPI's `detail` form. The sandbox and the mock both use it, so the same
 * bad request gets the same answer from either.
 */
export function createRequestValidator(document: JsonObject, validator: SpecValidator): RequestValidator {
  const schemaOf = schemaResolver(document);
  function readParameter(parameter: Parameter, raw: RawRequest): Json | undefined {
    const schema = schemaOf(parameter.schema);
    if (parameter.in === "query") {
      const values = raw.searchParams.getAll(parameter.name);
      if (values.length === 0) return undefined;
      if (schema.type === "array") return values.map((value) => coerce(value, schemaOf(schema.items)));
      return coerce(values[values.length - 1] as string, schema);
    }
    const text =
      parameter.in === "path" ? raw.pathParams[parameter.name] : raw.header(parameter.name.toLowerCase());
    if (text === undefined) return undefined;
    return coerce(text, schema);
  }

  return function validateRequest(operation: Operation, raw: RawRequest): ValidatedRequest {
    const problems: ErrorDetail[] = [];
    const result: ValidatedRequest = { path: {}, query: {}, headers: {}, body: undefined };
    for (const parameter of operation.parameters) {
      if (parameter.in === "cookie") continue;
      const value = readParameter(parameter, raw);
      if (value === undefined) {
        if (parameter.required)
          problems.push({ loc: [parameter.in, parameter.name], msg: "Field required", type: "missing" });
        continue;
      }
      const issues = validator.validate(parameter.schemaPointer, value);
      if (issues.length > 0) {
        problems.push(...toFastApiDetail([parameter.in, parameter.name], issues));
        continue;
      }
      const canonical = canonicalIds(schemaOf, parameter.schema, value);
      if (parameter.in === "header") result.headers[parameter.name] = String(canonical);
      else result[parameter.in][parameter.name] = canonical;
    }
    if (operation.requestBody) {
      if (raw.bodyText.trim() === "") {
        if (operation.requestBody.required)
          problems.push({ loc: ["body"], msg: "Field required", type: "missing" });
      } else if (!isJsonContentType(raw.header("content-type"))) {
        // FastAPI reads a body of another content type as bytes, which no model accepts
        problems.push({
          loc: ["body"],
          msg: "Input should be a valid dictionary or object to extract fields from",
          type: "model_attributes_type",
        });
      } else {
        try {
          const body = JSON.parse(raw.bodyText) as Json;
          const issues = validator.validate(operation.requestBody.schemaPointer, body);
          if (issues.length > 0) problems.push(...toFastApiDetail(["body"], issues));
          else result.body = canonicalIds(schemaOf, operation.requestBody.schema, body);
        } catch (error) {
          problems.push({
            loc: ["body", 0],
            msg: `JSON decode error: ${error instanceof Error ? error.message : String(error)}`,
            type: "json_invalid",
          });
        }
      }
    }
    if (problems.length > 0) throw new HttpError(422, problems);
    return result;
  };
}
