import type { Operation } from "@mca/spec";
import fc from "fast-check";
import { templateRequest } from "../generators/template-request.js";
import { validRequest } from "../generators/valid-request.js";
import type { RequestSpec } from "../http/request.js";
import type { GeneratedCase, InputCheck } from "./check.js";
import { isDocumentedClientError } from "./documented-client-error.js";

const requiredHeaders = (operation: Operation) =>
  operation.parameters
    .filter((parameter) => parameter.in === "header" && parameter.required)
    .map((parameter) => parameter.name);

function withoutHeader(request: RequestSpec, header: string): GeneratedCase {
  const headers = { ...request.headers };
  delete headers[header];
  return { request: { ...request, headers }, description: `header ${header} left out` };
}

export const missingRequiredHeader: InputCheck = {
  kind: "input",
  name: "missing_required_header",
  description: "A request without one of its required headers gets a documented 4xx.",
  appliesTo: (operation) => requiredHeaders(operation).length > 0,
  coverage: (operation, { document, identity }) =>
    requiredHeaders(operation).map((header) =>
      withoutHeader(templateRequest(document, operation, identity), header),
    ),
  cases: (operation, { document, identity }) =>
    fc
      .tuple(validRequest(document, operation, identity), fc.constantFrom(...requiredHeaders(operation)))
      .map(([request, header]) => withoutHeader(request, header)),
  judge: ({ operation, response }) =>
    isDocumentedClientError(operation, response.status)
      ? undefined
      : `a request without a required header got ${response.status}, not a documented 4xx`,
};
