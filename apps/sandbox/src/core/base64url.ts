/** base64url without padding, as JWTs and the sandbox's random secrets are written (no `Buffer`: browsers too). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The bytes of base64url text, or undefined when it is not base64url (any spelling `atob` would accept). */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (char) =>
      char.charCodeAt(0),
    );
  } catch {
    return undefined;
  }
}

/** `length` random bytes as base64url: invitation tokens, client ids and secrets. */
export const randomToken = (length: number) => toBase64Url(crypto.getRandomValues(new Uint8Array(length)));
