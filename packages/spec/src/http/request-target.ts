import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./send-json.js";

/**
 * The request's target as a URL; for a target no URL can be made of (`//[`), answers 400 as uvicorn does and
 * returns undefined. The sandbox and the mock answer such a request the same way.
 */
export function parseTarget(request: IncomingMessage, response: ServerResponse): URL | undefined {
  try {
    return new URL(request.url ?? "/", "http://localhost");
  } catch {
    sendJson(response, 400, { detail: "Invalid HTTP request received." });
    return undefined;
  }
}
