import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import { forbidden } from "../errors.js";

/**
 * The organization headers against the token's organization (both already validated as uuids and lower-cased):
 * the requester must be the token's organization, and every operation of the spec is Self-only in the docs'
 * scenario tables. 403 otherwise.
 */
export function checkOrganizations(headers: Record<string, string>, tokenOrganization: string): void {
  const requester = headers[REQUESTER_ORGANIZATION_HEADER];
  if (requester !== tokenOrganization)
    throw forbidden(
      `${REQUESTER_ORGANIZATION_HEADER} is not the organization of the token`,
      "requester_mismatch",
    );
  if (headers[TARGET_ORGANIZATION_HEADER] !== requester)
    throw forbidden("This operation only acts on the requester's own organization", "target_not_allowed");
}
