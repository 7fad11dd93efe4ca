import { invalidCases, invalidCoverageCases, mutationsOf } from "../generators/invalid-request.js";
import { validRequest } from "../generators/valid-request.js";
import type { InputCheck } from "./check.js";
import { isDocumentedClientError } from "./documented-client-error.js";

export const negativeDataRejection: InputCheck = {
  kind: "input",
  name: "negative_data_rejection",
  description:
    "Requests with one part broken (wrong type, too long, out of range, unknown enum value, malformed uuid/email/date-time, a required field left out) get a documented 4xx.",
  appliesTo: (operation, { document }) => mutationsOf(document, operation).length > 0,
  coverage: (operation, { document, identity }) => invalidCoverageCases(document, operation, identity),
  cases: (operation, { document, identity }) => {
    const cases = invalidCases(document, operation, validRequest(document, operation, identity));
    if (!cases) throw new Error(`${operation.label} has nothing to break`);
    return cases;
  },
  judge: ({ operation, response }) => {
    if (isDocumentedClientError(operation, response.status)) return undefined;
    return response.status < 400
      ? `an invalid request was accepted with ${response.status}`
      : `an invalid request got ${response.status}, which is not a documented 4xx`;
  },
};
