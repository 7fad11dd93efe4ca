import { boundaryCases } from "../generators/boundary-values.js";
import { validRequest } from "../generators/valid-request.js";
import type { InputCheck } from "./check.js";
import { isDocumentedClientError } from "./documented-client-error.js";

/**
 * Statuses a valid request may still get when the credentials or ids it carries mean nothing to the server
 * (random client credentials, organizations that do not exist): allowed when documented, as in Schemathesis.
 */
const UNKNOWN_TO_THE_SERVER = [401, 403, 404, 409];

export const positiveDataAcceptance: InputCheck = {
  kind: "input",
  name: "positive_data_acceptance",
  description:
    "Requests valid under the spec are accepted: 2xx, or a documented 403/404/409 for ids the server does not know.",
  appliesTo: () => true,
  coverage: (operation, { document, identity }) => boundaryCases(document, operation, identity),
  cases: (operation, { document, identity }) =>
    validRequest(document, operation, identity).map((request) => ({
      request,
      description: "a valid request",
    })),
  judge: ({ operation, response }) => {
    if (response.status >= 200 && response.status < 300) return undefined;
    if (
      UNKNOWN_TO_THE_SERVER.includes(response.status) &&
      isDocumentedClientError(operation, response.status)
    )
      return undefined;
    return `a valid request was refused with ${response.status}`;
  },
};
