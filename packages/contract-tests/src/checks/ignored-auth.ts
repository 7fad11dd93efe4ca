import fc from "fast-check";
import { templateRequest } from "../generators/template-request.js";
import { validRequest } from "../generators/valid-request.js";
import type { RequestSpec } from "../http/request.js";
import type { GeneratedCase, InputCheck } from "./check.js";

/** A token no server issued: well-formed JWT shape, signature that verifies against nothing. */
export const FORGED_TOKEN =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb3JnZWQifQ.c2lnbmF0dXJlLW9mLW5vYm9keQ";

/** Builds the check; `forgedToo` adds a forged token, which a mock that accepts any token cannot refuse. */
type Variant = "missing" | "forged";

function withAuth(request: RequestSpec, variant: Variant): GeneratedCase {
  const { Authorization: _dropped, ...headers } = request.headers;
  return variant === "missing"
    ? { request: { ...request, headers }, description: "no Authorization header" }
    : {
        request: { ...request, headers: { ...headers, Authorization: `Bearer ${FORGED_TOKEN}` } },
        description: "a forged bearer token",
      };
}

export function ignoredAuth(forgedToo: boolean): InputCheck {
  const variants: Variant[] = forgedToo ? ["missing", "forged"] : ["missing"];
  return {
    kind: "input",
    name: "ignored_auth",
    description: forgedToo
      ? "A secured operation refuses a request without a bearer token, or with a forged one, with 401."
      : "A secured operation refuses a request without a bearer token with 401.",
    appliesTo: (operation) => operation.secured,
    coverage: (operation, { document, identity }) =>
      variants.map((variant) => withAuth(templateRequest(document, operation, identity), variant)),
    cases: (operation, { document, identity }) =>
      fc
        .tuple(validRequest(document, operation, identity), fc.constantFrom(...variants))
        .map(([request, variant]) => withAuth(request, variant)),
    judge: ({ response }) =>
      response.status === 401 ? undefined : `the request was not refused with 401 but got ${response.status}`,
  };
}
