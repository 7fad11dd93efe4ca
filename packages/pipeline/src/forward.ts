import type { Answer } from "./answer.js";
import type { IncomingRequest } from "./incoming.js";
import { isJsonContentType } from "./stages/read-body.js";

/** Headers that describe one hop, not the message: not forwarded either way. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host"]);

export interface ForwardOptions {
  /** Gives up after this long (default 10 s): the caller answers for an upstream that does not. */
  timeoutMs?: number;
}

/**
 * Sends a request the pipeline read to `upstream` (a base URL), with the body as the pipeline read it: text
 * decoded as FastAPI decodes JSON bytes, sent as UTF-8 under a content type without parameters, so the upstream
 * reads exactly what the pipeline validated (a UTF-8 body declared `charset=utf-16` once stalled Prism). The
 * upstream's answer comes back as it is, less its hop-by-hop headers.
 */
export async function forward(
  upstream: string,
  incoming: IncomingRequest,
  bodyText: string,
  options: ForwardOptions = {},
): Promise<Answer> {
  const headers = incoming
    .headerEntries()
    .filter(([name]) => !HOP_BY_HOP.has(name) && name !== "content-type");
  const contentType = incoming.header("content-type");
  const hasBody = bodyText.length > 0 && incoming.method !== "GET" && incoming.method !== "HEAD";
  if (hasBody)
    headers.push([
      "content-type",
      isJsonContentType(contentType) ? "application/json" : (contentType?.split(";")[0]?.trim() ?? ""),
    ]);
  const answer = await fetch(`${upstream}${incoming.url.pathname}${incoming.url.search}`, {
    method: incoming.method,
    headers,
    ...(hasBody ? { body: bodyText } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const body = new Uint8Array(await answer.arrayBuffer());
  const answered: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== "content-encoding") answered[name] = value;
  });
  return { status: answer.status, headers: answered, body };
}
