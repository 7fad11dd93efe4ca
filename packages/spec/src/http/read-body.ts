import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

const MAX_BODY_BYTES = 1024 * 1024;

/** The request body as text; 413 past 1 MiB (the sandbox and the mock read bodies the same way). */
export async function readBody(request: IncomingMessage): Promise<string> {
  // no Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body (a GET), nothing to wait for
  if (request.headers["content-length"] === undefined && request.headers["transfer-encoding"] === undefined)
    return "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, [{ loc: ["body"], msg: "Request body too large", type: "too_large" }]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
