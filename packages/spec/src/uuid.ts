/**
 * The API's `uuid`: the hyphenated 8-4-4-4-12 form, hex digits in either case (UUIDs are case-insensitive,
 * RFC 9562). Wrapped forms some parsers also take (`urn:uuid:…`, `{…}`, 32 bare digits) are not part of the
 * spec's format (openapi/PROVENANCE.md, "Identifiers").
 */
export const API_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one form an id is compared and stored in: lower case. Undefined when `text` is not an API uuid. */
export function canonicalUuid(text: string): string | undefined {
  return API_UUID.test(text) ? text.toLowerCase() : undefined;
}
