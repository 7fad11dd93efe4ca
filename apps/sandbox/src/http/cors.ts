import type { IncomingMessage, ServerResponse } from "node:http";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";

/** Any page served from this machine (`http://localhost:5173`, `http://127.0.0.1:3000`): the default. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  REQUESTER_ORGANIZATION_HEADER,
  TARGET_ORGANIZATION_HEADER,
];

export type CorsOrigins = readonly string[] | "local";

const allowed = (origin: string, origins: CorsOrigins) =>
  origins === "local" ? LOCAL_ORIGIN.test(origin) : origins.includes(origin) || origins.includes("*");

/**
 * CORS for front-ends on another origin, as FastAPI's CORSMiddleware answers: an allowed origin gets it echoed back
 * on every answer; a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, 200 for an
 * allowed origin, 400 otherwise. Returns true when the request was a preflight and is answered.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, origins: CorsOrigins): boolean {
  const origin = request.headers.origin;
  const ok = typeof origin === "string" && allowed(origin, origins);
  if (ok) {
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "Origin");
  }
  if (request.method !== "OPTIONS" || request.headers["access-control-request-method"] === undefined)
    return false;
  if (!ok) {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Disallowed CORS origin");
    return true;
  }
  response
    .writeHead(200, {
      "access-control-allow-methods": "GET, POST, PATCH",
      "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
      "access-control-max-age": "600",
      "content-length": "0",
    })
    .end();
  return true;
}
