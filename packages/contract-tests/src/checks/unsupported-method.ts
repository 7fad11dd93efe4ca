import fc from "fast-check";
import { validRequest } from "../generators/valid-request.js";
import type { InputCheck } from "./check.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH"];

export const unsupportedMethod: InputCheck = {
  kind: "input",
  name: "unsupported_method",
  description: "A method the spec does not document on a known path gets 405 Method Not Allowed.",
  undocumentedResponses: true,
  // run once per path: the first operation of each path stands for it
  appliesTo: (operation, { operations }) => {
    const siblings = operations.filter((other) => other.path === operation.path);
    return (
      siblings[0] === operation &&
      METHODS.some((method) => !siblings.some((other) => other.method === method))
    );
  },
  cases: (operation, { document, identity, operations }) => {
    const documented = new Set(
      operations.filter((other) => other.path === operation.path).map((other) => other.method),
    );
    const undocumented = METHODS.filter((method) => !documented.has(method));
    return fc
      .tuple(validRequest(document, operation, identity), fc.constantFrom(...undocumented))
      .map(([request, method]) => {
        const { body: _body, ...bodyless } = request;
        return {
          // fetch cannot send a GET with a body; the other methods keep the operation's body
          request: method === "GET" ? { ...bodyless, method } : { ...request, method },
          description: `${method} ${operation.path} is not in the spec`,
        };
      });
  },
  judge: ({ response, request }) =>
    response.status === 405 ? undefined : `${request.method} ${request.path} got ${response.status}, not 405`,
};
