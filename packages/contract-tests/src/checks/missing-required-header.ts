import fc from "fast-check";
import { validRequest } from "../generators/valid-request.js";
import type { InputCheck } from "./check.js";
import { isDocumentedClientError } from "./documented-client-error.js";

export const missingRequiredHeader: InputCheck = {
  kind: "input",
  name: "missing_required_header",
  description: "A request without one of its required headers gets a documented 4xx.",
  appliesTo: (operation) =>
    operation.parameters.some((parameter) => parameter.in === "header" && parameter.required),
  cases: (operation, { document, identity }) => {
    const required = operation.parameters
      .filter((parameter) => parameter.in === "header" && parameter.required)
      .map((parameter) => parameter.name);
    return fc
      .tuple(validRequest(document, operation, identity), fc.constantFrom(...required))
      .map(([request, header]) => {
        const headers = { ...request.headers };
        delete headers[header];
        return { request: { ...request, headers }, description: `header ${header} left out` };
      });
  },
  judge: ({ operation, response }) =>
    isDocumentedClientError(operation, response.status)
      ? undefined
      : `a request without a required header got ${response.status}, not a documented 4xx`,
};
