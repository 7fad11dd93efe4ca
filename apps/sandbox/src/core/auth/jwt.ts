import type { TokenProblem } from "@mca/pipeline";
import { fromBase64Url, toBase64Url } from "../base64url.js";

export interface TokenClaims {
  /** The API client. */
  sub: string;
  /** The organization the client belongs to. */
  org: string;
  iat: number;
  exp: number;
}

const encoder = new TextEncoder();
const HEADER = toBase64Url(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));

/** The HMAC-SHA256 key of `secret`, through WebCrypto (Node and browsers alike). */
export const hs256Key = (secret: Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey(
    "raw",
    secret as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );

export async function signToken(claims: TokenClaims, key: CryptoKey): Promise<string> {
  const payload = toBase64Url(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(`${HEADER}.${payload}`));
  return `${HEADER}.${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** The token's claims, or why it is refused. */
export async function verifyToken(
  token: string,
  key: CryptoKey,
  nowSeconds: number,
): Promise<TokenClaims | TokenProblem> {
  const parts = token.split(".");
  // strict base64url: no padding, no `+` or `/`, nothing the decoder would silently skip
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return "malformed";
  const [header, payload, signature] = parts as [string, string, string];
  const given = fromBase64Url(signature);
  // one encoding per signature: a variant in the unused low bits of the last character is refused
  if (given === undefined || toBase64Url(given) !== signature) return "malformed";
  // the signature covers the header: a token that verifies is one this sandbox signed, header included
  // (WebCrypto's verify compares in constant time)
  if (
    !(await crypto.subtle.verify(
      "HMAC",
      key,
      given as Uint8Array<ArrayBuffer>,
      encoder.encode(`${header}.${payload}`),
    ))
  )
    return "forged";
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
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
