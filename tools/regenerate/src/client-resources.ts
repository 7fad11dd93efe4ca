// The client's resource layer, written from the spec: one resource per tag, one method per operation, every call
// through the client's one `call`. What no spec can describe (listAll, archive/unarchive) is written by hand on top.
import { type JsonObject, operationsOf, resolveParameters } from "./spec-operations.js";

/** Overrides the method name an operation gets (`x-client-method: list`). */
export const METHOD_EXTENSION = "x-client-method";
/** Overrides the resource an operation belongs to (`x-client-resource: hostConnections`). */
export const RESOURCE_EXTENSION = "x-client-resource";

/** A spec the generator cannot write a client for: one line, naming the operation. */
export class ClientGenerationError extends Error {
  override name = "ClientGenerationError";
}

const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** `Host connections` → `hostConnections`, `OAuth` → `oauth`. */
export function resourceNameOf(tag: string): string {
  const [first = "", ...rest] = words(tag);
  return first.toLowerCase() + rest.map(capitalize).join("");
}

/** `listHostConnections` under `Host connections` → `list`; an operationId without the noun stays whole. */
export function methodNameOf(operationId: string, tag: string): string {
  const noun = words(tag).map(capitalize).join("");
  const nouns = [noun, noun.replace(/s$/, "")].filter((entry) => entry.length > 0);
  for (const candidate of nouns) {
    const at = operationId.toLowerCase().indexOf(candidate.toLowerCase());
    const after = operationId.charAt(at + candidate.length);
    // the noun must be a whole camelCase word: followed by the end or an upper-case letter
    if (at > 0 && (after === "" || /[A-Z]/.test(after))) {
      const rest = operationId.slice(0, at) + operationId.slice(at + candidate.length);
      return rest.charAt(0).toLowerCase() + rest.slice(1);
    }
  }
  return operationId;
}

const camelCase = (name: string) =>
  words(name)
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : capitalize(word)))
    .join("");

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export interface ResourceMethod {
  resource: string;
  method: string;
  operationId: string;
  /** `GET`, `POST`, … */
  httpMethod: string;
  path: string;
  pathParameters: string[];
  hasQuery: boolean;
  queryRequired: boolean;
  hasBody: boolean;
  bodyRequired: boolean;
  summary?: string;
  description?: string;
  deprecated: boolean;
}

const text = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** Every operation as a resource method, in the spec's order; refuses names that collide or cannot be written. */
export function resourceMethodsOf(document: JsonObject): ResourceMethod[] {
  const methods: ResourceMethod[] = [];
  const seen = new Map<string, string>();
  for (const { path, method, operation, pathItem } of operationsOf(document)) {
    const operationId = text(operation.operationId);
    const where = `${method.toUpperCase()} ${path}`;
    if (!operationId) throw new ClientGenerationError(`${where}: no operationId to name its client method`);
    const tags = Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === "string") : [];
    const tag = tags[0];
    const resource = text(operation[RESOURCE_EXTENSION]) ?? (tag ? resourceNameOf(tag) : undefined);
    if (!resource)
      throw new ClientGenerationError(`${where}: no tag (or ${RESOURCE_EXTENSION}) to name its resource`);
    const name = text(operation[METHOD_EXTENSION]) ?? methodNameOf(operationId, tag ?? "");
    for (const [kind, value] of [
      ["resource", resource],
      ["method", name],
    ] as const)
      if (!IDENTIFIER.test(value))
        throw new ClientGenerationError(`${where}: the ${kind} name "${value}" is not an identifier`);
    const key = `${resource}.${name}`;
    const taken = seen.get(key);
    if (taken)
      throw new ClientGenerationError(
        `${where} and ${taken} both become ${key}: set ${METHOD_EXTENSION} on one of them`,
      );
    seen.set(key, where);
    const parameters = resolveParameters(document, pathItem, operation);
    const query = parameters.filter((parameter) => parameter.in === "query");
    const body = operation.requestBody as JsonObject | undefined;
    const summary = text(operation.summary);
    const description = text(operation.description);
    methods.push({
      resource,
      method: name,
      operationId,
      httpMethod: method.toUpperCase(),
      path,
      pathParameters: parameters.filter((parameter) => parameter.in === "path").map(({ name }) => name),
      hasQuery: query.length > 0,
      queryRequired: query.some((parameter) => parameter.required === true),
      hasBody: body !== undefined,
      bodyRequired: body?.required === true,
      ...(summary ? { summary } : {}),
      ...(description ? { description } : {}),
      deprecated: operation.deprecated === true,
    });
  }
  return methods;
}

const jsDoc = (method: ResourceMethod, indent: string) => {
  const lines = [
    ...(method.summary ? [method.summary, ""] : []),
    ...(method.description ? [...method.description.split("\n"), ""] : []),
    `\`${method.httpMethod} ${method.path}\``,
    ...(method.deprecated ? ["@deprecated The spec marks this operation deprecated."] : []),
  ];
  const body = lines.map((line) => `${indent} *${line ? ` ${line.replaceAll("*/", "*\\/")}` : ""}`);
  return [`${indent}/**`, ...body, `${indent} */`].join("\n");
};

const quoted = (value: string) => JSON.stringify(value);

function signature(method: ResourceMethod): { params: string[]; names: string[] } {
  const id = quoted(method.operationId);
  const params = method.pathParameters.map(
    (name) => `${camelCase(name)}: PathParams<${id}>[${quoted(name)}]`,
  );
  if (method.hasBody) params.push(`body${method.bodyRequired ? "" : "?"}: RequestBody<${id}>`);
  if (method.hasQuery) params.push(`query${method.queryRequired ? "" : "?"}: QueryParams<${id}>`);
  params.push("options?: CallOptions");
  return { params, names: params.map((param) => param.replace(/\??:.*$/, "")) };
}

function implementation(method: ResourceMethod, indent: string): string {
  const { names } = signature(method);
  const pathParams = method.pathParameters.map((name) => `${quoted(name)}: ${camelCase(name)}`).join(", ");
  const params = [...(pathParams ? [`path: { ${pathParams} }`] : []), ...(method.hasQuery ? ["query"] : [])];
  const init = [
    ...(params.length ? [`params: { ${params.join(", ")} }`] : []),
    ...(method.hasBody ? ["body"] : []),
    "...init",
  ].join(", ");
  const operation = quoted(`${method.httpMethod} ${method.path}`);
  return [
    `${indent}${method.method}: (${names.join(", ")}) =>`,
    `${indent}  call(${operation}, options, (init) => raw.${method.httpMethod}(${quoted(method.path)}, { ${init} })),`,
  ].join("\n");
}

const byResource = (methods: ResourceMethod[]) => {
  const groups = new Map<string, ResourceMethod[]>();
  for (const method of methods) groups.set(method.resource, [...(groups.get(method.resource) ?? []), method]);
  return groups;
};

/** The generated module: the `GeneratedResources` interface (with JSDoc) and the factory that builds it. */
export function renderClientResources(document: JsonObject): string {
  const groups = byResource(resourceMethodsOf(document));
  const helpers = new Set<string>(["SuccessBody"]);
  for (const method of [...groups.values()].flat()) {
    if (method.pathParameters.length) helpers.add("PathParams");
    if (method.hasBody) helpers.add("RequestBody");
    if (method.hasQuery) helpers.add("QueryParams");
  }
  const interfaceBody = [...groups]
    .map(([resource, methods]) => {
      const members = methods
        .map((method) => {
          const { params } = signature(method);
          const returns = `ApiPromise<SuccessBody<${quoted(method.operationId)}>>`;
          return `${jsDoc(method, "    ")}\n    ${method.method}(${params.join(", ")}): ${returns};`;
        })
        .join("\n");
      return `  ${resource}: {\n${members}\n  };`;
    })
    .join("\n");
  const factoryBody = [...groups]
    .map(
      ([resource, methods]) =>
        `    ${resource}: {\n${methods.map((method) => implementation(method, "      ")).join("\n")}\n    },`,
    )
    .join("\n");
  return `/**
 * This file was generated from the spec by @mca/regenerate (tools/regenerate/src/client-resources.ts).
 * Do not make direct changes to the file: edit openapi/ and run \`pnpm generate\`.
 */

import type { ${[...helpers].sort().join(", ")} } from "@mca/types";
import type { ApiPromise } from "../api-promise.js";
import type { CallOptions, ResourceContext } from "../resource-context.js";

/** One resource per tag of the spec, one method per operation. */
export interface GeneratedResources {
${interfaceBody}
}

export function createGeneratedResources({ raw, call }: ResourceContext): GeneratedResources {
  return {
${factoryBody}
  };
}
`;
}
