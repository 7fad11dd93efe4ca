import { HttpError } from "../errors.js";
import type { IncomingRequest } from "../incoming.js";

/** Past this a body is refused (413), by every transport. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const bodyTooLarge = () =>
  new HttpError(413, [{ loc: ["body"], msg: "Request body too large", type: "too_large" }]);

/** FastAPI's answer to JSON bytes no Unicode encoding reads. */
const unreadable = () => new HttpError(400, "There was an error parsing the body");

/** `application/json`, `application/…+json`, or no content type at all (read as JSON, as FastAPI does). */
export const isJsonContentType = (header: string | undefined) =>
  header === undefined || /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(header.trim());

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/**
 * The encoding Python's `json.loads` finds in JSON bytes (FastAPI hands it the raw body): a byte-order mark, else
 * the pattern of zero bytes JSON text makes in UTF-16 and UTF-32, else UTF-8. The declared charset plays no part.
 */
export function detectJsonEncoding(bytes: Uint8Array): Encoding {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return "utf-32be";
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return "utf-32le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (bytes.length >= 4) {
    if (b0 === 0) return b1 ? "utf-16be" : "utf-32be";
    if (b1 === 0) return b2 || b3 ? "utf-16le" : "utf-32le";
  } else if (bytes.length === 2) {
    if (b0 === 0) return "utf-16be";
    if (b1 === 0) return "utf-16le";
  }
  return "utf-8";
}

/** UTF-32 (which WHATWG's TextDecoder does not know), BOM dropped; undefined for bytes that are not UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = "";
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const point = view.getUint32(offset, littleEndian);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    if (!(offset === 0 && point === 0xfeff)) text += String.fromCodePoint(point);
  }
  return text;
}

/** The body as FastAPI reads JSON: decoded by what the bytes are (BOM dropped), never by the declared charset. */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const encoding = detectJsonEncoding(bytes);
  if (encoding === "utf-32le" || encoding === "utf-32be") {
    const text = decodeUtf32(bytes, encoding === "utf-32le");
    if (text === undefined) throw unreadable();
    return text;
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw unreadable();
  }
}

const lenient = new TextDecoder("utf-8");

/**
 * The body as text: JSON (or no content type) decoded as FastAPI decodes it, anything else as UTF-8 (it is refused
 * later as not JSON). Empty when the message has no body.
 */
export async function readBody(incoming: IncomingRequest): Promise<string> {
  const bytes = await incoming.bytes();
  if (bytes === undefined || bytes.length === 0) return "";
  if (bytes.length > MAX_BODY_BYTES) throw bodyTooLarge();
  return isJsonContentType(incoming.header("content-type")) ? decodeJsonBytes(bytes) : lenient.decode(bytes);
}
