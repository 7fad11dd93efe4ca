import { unauthorized } from "../errors.js";
import type { IncomingRequest } from "../incoming.js";

/** Why a token is refused. */
export type TokenProblem = "malformed" | "forged" | "expired";

/** Who a verified token speaks for: its organization, when the server knows one (the mock accepts any token). */
export interface Principal {
  organizationId?: string;
}

/** Checks a bearer token: the principal, or why it is refused. */
export type VerifyToken = (token: string) => Promise<Principal | TokenProblem>;

/** The principal of the request's bearer token, or a 401 saying what is wrong with it. */
export async function authenticate(incoming: IncomingRequest, verify: VerifyToken): Promise<Principal> {
  const header = incoming.header("authorization");
  if (!header) throw unauthorized("Not authenticated", "token_missing");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized("Invalid authentication credentials", "token_malformed");
  const principal = await verify(match[1] as string);
  if (typeof principal === "string") throw unauthorized(`Token is ${principal}`, `token_${principal}`);
  return principal;
}
