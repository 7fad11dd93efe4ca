import { randomBytes } from "node:crypto";
import { signToken, type TokenClaims, type TokenProblem, verifyToken } from "./jwt.js";

export interface TokenIssuer {
  /** Signs a token for an API client's organization. */
  issue(clientId: string, organizationId: string): { access_token: string; expires_in: number };
  /** The token's claims, or why it is refused. */
  verify(token: string): TokenClaims | TokenProblem;
}

/** HS256 tokens with a per-start secret: tokens from an earlier run stop working, as a rotated key would. */
export function createTokenIssuer(lifetimeSeconds: number, now: () => Date): TokenIssuer {
  const secret = randomBytes(32);
  const seconds = () => Math.floor(now().getTime() / 1000);
  return {
    issue(clientId, organizationId) {
      const issuedAt = seconds();
      return {
        access_token: signToken(
          { sub: clientId, org: organizationId, iat: issuedAt, exp: issuedAt + lifetimeSeconds },
          secret,
        ),
        expires_in: lifetimeSeconds,
      };
    },
    verify: (token) => verifyToken(token, secret, seconds()),
  };
}
