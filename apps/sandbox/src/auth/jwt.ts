import { createHmac, timingSafeEqual } from "node:crypto";

export interface TokenClaims {
  /** The API client. */
  sub: string;
  /** The organization the client belongs to. */
  org: string;
  iat: number;
  exp: number;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");
const HEADER = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));

export function signToken(claims: TokenClaims, secret: Buffer): string {
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${HEADER}.${payload}`).digest("base64url");
  return `${HEADER}.${payload}.${signature}`;
}

export type TokenProblem = "malformed" | "forged" | "expired";

/** The token's claims, or why it is refused. */
export function verifyToken(token: string, secret: Buffer, nowSeconds: number): TokenClaims | TokenProblem {
  const parts = token.split(".");
  // strict base64url: no padding, no `+` or `/`, nothing the decoder would silently skip
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return "malformed";
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  // one encoding per signature: a variant in the unused low bits of the last character is refused
  if (given.toString("base64url") !== signature) return "malformed";
  // the signature covers the header: a token that verifies is one this sandbox signed, header included
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return "malformed";
  }
  const { sub, org, iat, exp } = (claims ?? {}) as Partial<TokenClaims>;
  if (
    typeof sub !== "string" ||
    typeof org !== "string" ||
    typeof iat !== "number" ||
    typeof exp !== "number"
  )
    return "malformed";
  return exp <= nowSeconds ? "expired" : { sub, org, iat, exp };
}
