import type { ServerResponse } from "node:http";
import { RawJson } from "./raw-json.js";

/** A JSON answer (a `RawJson` body goes out as the text it already is); the sandbox and the mock answer this way. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body instanceof RawJson ? body.text : JSON.stringify(body);
  response
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}
