import type { IncomingHttpHeaders } from "node:http";
import { forbidden, unauthorized } from "@mca/spec";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import type { TokenIssuer } from "./tokens.js";

/** The organization of the bearer token, or a 401 saying what is wrong with it. */
export function authenticate(headers: IncomingHttpHeaders, tokens: TokenIssuer): string {
  const header = headers.authorization;
  if (!header) throw unauthorized("Not authenticated", "token_missing");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized("Invalid authentication credentials", "token_malformed");
  const claims = tokens.verify(match[1] as string);
  if (typeof claims === "string") throw unauthorized(`Token is ${claims}`, `token_${claims}`);
  return claims.org;
}

/**
 * The organization headers against the token (both already validated as uuids and lower-cased): the requester
 * must be the token's organization, and every operation of the spec is Self-only in the docs' scenario tables.
 */
export function authorizeOrganizations(headers: Record<string, string>, tokenOrganization: string): void {
  const requester = headers[REQUESTER_ORGANIZATION_HEADER];
  if (requester !== tokenOrganization)
    throw forbidden(
      `${REQUESTER_ORGANIZATION_HEADER} is not the organization of the token`,
      "requester_mismatch",
    );
  if (headers[TARGET_ORGANIZATION_HEADER] !== requester)
    throw forbidden("This operation only acts on the requester's own organization", "target_not_allowed");
}
