import type { TokenProblem } from "@mca/pipeline";
import { hs256Key, signToken, type TokenClaims, verifyToken } from "./jwt.js";

export interface TokenIssuer {
  /** Signs a token for an API client's organization. */
  issue(clientId: string, organizationId: string): Promise<{ access_token: string; expires_in: number }>;
  /** The token's claims, or why it is refused. */
  verify(token: string): Promise<TokenClaims | TokenProblem>;
}

/** Verified tokens remembered (their claims only; expiry is checked on every use). */
const MAX_VERIFIED = 10_000;

/** HS256 tokens with a per-start secret: tokens from an earlier run stop working, as a rotated key would. */
export async function createTokenIssuer(
  lifetimeSeconds: number,
  now: () => Date,
  secret: Uint8Array = crypto.getRandomValues(new Uint8Array(32)),
): Promise<TokenIssuer> {
  const key = await hs256Key(secret);
  const seconds = () => Math.floor(now().getTime() / 1000);
  // a client sends the same token on every call: its signature is checked once, not once per request
  const verified = new Map<string, TokenClaims>();
  return {
    async issue(clientId, organizationId) {
      const issuedAt = seconds();
      return {
        access_token: await signToken(
          { sub: clientId, org: organizationId, iat: issuedAt, exp: issuedAt + lifetimeSeconds },
          key,
        ),
        expires_in: lifetimeSeconds,
      };
    },
    async verify(token) {
      const nowSeconds = seconds();
      const known = verified.get(token);
      if (known) return known.exp <= nowSeconds ? "expired" : known;
      const result = await verifyToken(token, key, nowSeconds);
      if (typeof result !== "string") {
        if (verified.size >= MAX_VERIFIED) verified.clear();
        verified.set(token, result);
      }
      return result;
    },
  };
}
