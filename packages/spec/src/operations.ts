import { isObject, type Json, type JsonObject, resolveRef } from "./json.js";
import { pointer } from "./json-pointer.js";
import { responseSchemaPointer } from "./operation-pointers.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonObject;
  /** JSON pointer of the schema, for the validator. */
  schemaPointer: string;
}

export interface DocumentedResponse {
  status: string;
  /** Media type → JSON pointer of its schema (undefined when the media type has no schema). */
  content: Record<string, string | undefined>;
  /** Documented response headers: name (lower case) → required. */
  headers: Record<string, boolean>;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/host-connections/{host_org_id}`. */
  path: string;
  /** `METHOD /path/template`, how reports name the operation. */
  label: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; mediaType: string; schema: JsonObject; schemaPointer: string };
  responses: DocumentedResponse[];
  /** True when the operation needs the bearer token. */
  secured: boolean;
}

function parametersOf(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
  base: string[],
): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const [where, list] of [
    [[...base.slice(0, 2), "parameters"], pathItem.parameters],
    [[...base, "parameters"], operation.parameters],
  ] as const) {
    (Array.isArray(list) ? list : []).forEach((node, index) => {
      const parameter = resolveRef(document, node);
      const ref = isObject(node) && typeof node.$ref === "string" ? node.$ref : pointer(...where, index);
      const location = parameter.in as Parameter["in"];
      merged.set(`${location}:${String(parameter.name)}`, {
        name: String(parameter.name),
        in: location,
        required: parameter.required === true,
        schema: resolveRef(document, parameter.schema),
        schemaPointer: `${ref}/schema`,
      });
    });
  }
  return [...merged.values()];
}

function responsesOf(
  document: JsonObject,
  path: string,
  method: string,
  responses: Json | undefined,
): DocumentedResponse[] {
  return Object.entries(isObject(responses) ? responses : {}).map(([status, node]) => {
    const response = resolveRef(document, node);
    const content = isObject(response.content) ? response.content : {};
    const headers = isObject(response.headers) ? response.headers : {};
    return {
      status,
      content: Object.fromEntries(
        Object.keys(content).map((mediaType) => [
          mediaType,
          responseSchemaPointer(document, path, method, status, mediaType),
        ]),
      ),
      headers: Object.fromEntries(
        Object.entries(headers).map(([name, header]) => [
          name.toLowerCase(),
          resolveRef(document, header).required === true,
        ]),
      ),
    };
  });
}

/** Every operation of the document, with its parameters merged from the path item and `$ref`s resolved. */
export function listOperations(document: JsonObject): Operation[] {
  const rootSecurity = Array.isArray(document.security) ? document.security : [];
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, node]) => {
    const pathItem = resolveRef(document, node);
    return HTTP_METHODS.filter((method) => isObject(pathItem[method])).map((method) => {
      const operation = pathItem[method] as JsonObject;
      const base = ["paths", path, method];
      const body = resolveRef(document, operation.requestBody);
      const bodyContent = isObject(body.content) ? body.content : {};
      const mediaType = Object.keys(bodyContent)[0];
      const security = Array.isArray(operation.security) ? operation.security : rootSecurity;
      const result: Operation = {
        operationId: typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        label: `${method.toUpperCase()} ${path}`,
        parameters: parametersOf(document, pathItem, operation, base),
        responses: responsesOf(document, path, method, operation.responses),
        secured: security.length > 0,
      };
      if (mediaType) {
        const media = bodyContent[mediaType];
        result.requestBody = {
          required: body.required === true,
          mediaType,
          schema: resolveRef(document, isObject(media) ? media.schema : undefined),
          schemaPointer:
            isObject(operation.requestBody) && typeof operation.requestBody.$ref === "string"
              ? `${operation.requestBody.$ref}/content/${mediaType.replaceAll("/", "~1")}/schema`
              : pointer(...base, "requestBody", "content", mediaType, "schema"),
        };
      }
      return result;
    });
  });
}

/** The documented response for a status: exact (`404`), then a range (`4XX`), then `default`. */
export function documentedResponse(operation: Operation, status: number): DocumentedResponse | undefined {
  const exact = operation.responses.find((response) => response.status === String(status));
  const range = operation.responses.find(
    (response) => response.status.toUpperCase() === `${String(status)[0]}XX`,
  );
  return exact ?? range ?? operation.responses.find((response) => response.status === "default");
}

/** A regular expression for a path template (`/host-connections/{host_org_id}`), one group per parameter. */
export function pathTemplatePattern(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{([^}]+)\}/g, (_match, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
  return { pattern: new RegExp(`^${source}$`), names };
}
