import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  loadBundledSpec,
  type Operation,
  pathTemplatePattern,
  type SpecValidator,
} from "@mca/spec";
import type { OperationId } from "@mca/types";
import { RESPONSE_CHECKS } from "./checks/index.js";
import type { ResponseRecord } from "./http/request.js";

/** The spec as response judging needs it: its operations and its validator. */
export interface SpecResponses {
  operations: Operation[];
  validator: SpecValidator;
}

let bundled: SpecResponses | undefined;

/** The bundled spec's operations and validator, built once per process (the first judged response pays). */
export function specResponses(document?: JsonObject): SpecResponses {
  if (document) return { operations: listOperations(document), validator: createSpecValidator(document) };
  if (!bundled) {
    const spec = loadBundledSpec();
    bundled = { operations: listOperations(spec), validator: createSpecValidator(spec) };
  }
  return bundled;
}

/** Why a response breaks its operation's documented responses, one reason per response check; empty when it conforms. */
export function responseProblems(
  operation: Operation,
  response: ResponseRecord,
  spec: SpecResponses = specResponses(),
): string[] {
  return RESPONSE_CHECKS.flatMap((check) => {
    const reason = check.judge({ operation, response }, spec);
    return reason === undefined ? [] : [`${check.name}: ${reason}`];
  });
}

/** The operation by its id, or undefined when the spec has none. */
export function operationById(
  operationId: OperationId | string,
  spec: SpecResponses = specResponses(),
): Operation | undefined {
  return spec.operations.find((operation) => operation.operationId === operationId);
}

/**
 * The operation a request is for, by method and path; the path may have a prefix (a client's base URL such as
 * `/v1-beta`). A literal segment beats a parameter: `/a/b` is the operation `/a/b`, not `/a/{id}`.
 */
export function operationForRequest(
  method: string,
  url: string,
  spec: SpecResponses = specResponses(),
): Operation | undefined {
  const path = new URL(url, "http://request.invalid").pathname;
  const candidates = spec.operations.filter(
    (operation) =>
      operation.method.toUpperCase() === method.toUpperCase() &&
      new RegExp(`${pathTemplatePattern(operation.path).pattern.source.slice(1)}`).test(path),
  );
  const literal = (operation: Operation) => operation.path.replace(/\{[^}]+\}/g, "").length;
  return candidates.sort((a, b) => literal(b) - literal(a))[0];
}
