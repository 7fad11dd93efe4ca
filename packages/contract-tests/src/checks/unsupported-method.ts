import type { Operation } from "@mca/spec";
import fc from "fast-check";
import { templateRequest } from "../generators/template-request.js";
import { validRequest } from "../generators/valid-request.js";
import type { RequestSpec } from "../http/request.js";
import type { GeneratedCase, InputCheck } from "./check.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH"];

function undocumentedMethods(operation: Operation, operations: Operation[]): string[] {
  const documented = new Set(
    operations.filter((other) => other.path === operation.path).map((other) => other.method),
  );
  return METHODS.filter((method) => !documented.has(method));
}

function withMethod(request: RequestSpec, method: string): GeneratedCase {
  const { body: _body, ...bodyless } = request;
  return {
    // fetch cannot send a GET with a body; the other methods keep the operation's body
    request: method === "GET" ? { ...bodyless, method } : { ...request, method },
    description: `${method} ${request.path} is not in the spec`,
  };
}

export const unsupportedMethod: InputCheck = {
  kind: "input",
  name: "unsupported_method",
  description: "A method the spec does not document on a known path gets 405 Method Not Allowed.",
  undocumentedResponses: true,
  // run once per path: the first operation of each path stands for it
  appliesTo: (operation, { operations }) =>
    operations.find((other) => other.path === operation.path) === operation &&
    undocumentedMethods(operation, operations).length > 0,
  coverage: (operation, { document, identity, operations }) =>
    undocumentedMethods(operation, operations).map((method) =>
      withMethod(templateRequest(document, operation, identity), method),
    ),
  cases: (operation, { document, identity, operations }) =>
    fc
      .tuple(
        validRequest(document, operation, identity),
        fc.constantFrom(...undocumentedMethods(operation, operations)),
      )
      .map(([request, method]) => withMethod(request, method)),
  judge: ({ response, request }) =>
    response.status === 405 ? undefined : `${request.method} ${request.path} got ${response.status}, not 405`,
};
