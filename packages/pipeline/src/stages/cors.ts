import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import type { Answer } from "../answer.js";
import type { IncomingRequest } from "../incoming.js";

/** Any page served from this machine (`http://localhost:5173`, `http://127.0.0.1:3000`): the default. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "prefer",
  REQUESTER_ORGANIZATION_HEADER,
  TARGET_ORGANIZATION_HEADER,
];

/** Which pages may call: `"local"` (any localhost / 127.0.0.1 / [::1] origin), or a list (`"*"` for any). */
export type CorsOrigins = readonly string[] | "local";

const allowed = (origin: string, origins: CorsOrigins) =>
  origins === "local" ? LOCAL_ORIGIN.test(origin) : origins.includes(origin) || origins.includes("*");

/** The CORS stage of one request: its preflight answer, if it is one, and what every other answer carries. */
export interface CorsDecision {
  /** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`); undefined for other requests. */
  preflight: Answer | undefined;
  /** The answer with the allowed origin echoed back (unchanged for no or another origin). */
  decorate(answer: Answer): Answer;
}

/**
 * CORS for front-ends on another origin, as FastAPI's CORSMiddleware answers: an allowed origin gets it echoed back
 * on every answer; a preflight is answered here, 200 with the allow headers for an allowed origin, 400 otherwise.
 * One policy for the sandbox, the mock and the in-process sandbox.
 */
export function cors(incoming: IncomingRequest, origins: CorsOrigins): CorsDecision {
  const origin = incoming.header("origin");
  const ok = origin !== undefined && allowed(origin, origins);
  const echo: Record<string, string> = ok ? { "access-control-allow-origin": origin, vary: "Origin" } : {};
  const isPreflight =
    incoming.method === "OPTIONS" && incoming.header("access-control-request-method") !== undefined;
  return {
    preflight: !isPreflight
      ? undefined
      : ok
        ? {
            status: 200,
            headers: {
              ...echo,
              "access-control-allow-methods": "GET, POST, PATCH",
              "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
              "access-control-max-age": "600",
            },
            body: null,
          }
        : {
            status: 400,
            headers: { "content-type": "text/plain; charset=utf-8" },
            body: "Disallowed CORS origin",
          },
    decorate: (answer) => (ok ? { ...answer, headers: { ...answer.headers, ...echo } } : answer),
  };
}
