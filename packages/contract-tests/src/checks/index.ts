import type { Check, ResponseCheck } from "./check.js";
import { contentTypeConformance } from "./content-type-conformance.js";
import { ignoredAuth } from "./ignored-auth.js";
import { missingRequiredHeader } from "./missing-required-header.js";
import { negativeDataRejection } from "./negative-data-rejection.js";
import { notAServerError } from "./not-a-server-error.js";
import { positiveDataAcceptance } from "./positive-data-acceptance.js";
import { responseHeadersConformance } from "./response-headers-conformance.js";
import { responseSchemaConformance } from "./response-schema-conformance.js";
import { STATEFUL_CHECKS } from "./stateful/index.js";
import { statusCodeConformance } from "./status-code-conformance.js";
import { unsupportedMethod } from "./unsupported-method.js";

export const RESPONSE_CHECKS: ResponseCheck[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseHeadersConformance,
  responseSchemaConformance,
];

/** Every check, in report order. `stateful` adds the checks that need a server with memory and real tokens. */
export function allChecks(stateful: boolean): Check[] {
  return [
    ...RESPONSE_CHECKS,
    positiveDataAcceptance,
    negativeDataRejection,
    missingRequiredHeader,
    ignoredAuth(stateful),
    unsupportedMethod,
    ...(stateful ? STATEFUL_CHECKS : []),
  ];
}
