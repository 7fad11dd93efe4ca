import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  createRequestValidator,
  createRouter,
  createSpecValidator,
  HttpError,
  type JsonObject,
  listOperations,
  parseTarget,
  readBody,
  sendJson,
} from "@mca/spec";

/** Headers that describe one hop, not the message: not forwarded either way. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host"]);

export interface FrontOptions {
  document: JsonObject;
  /** Where Prism listens right now; waits while it restarts. */
  prismUrl(): Promise<string>;
  log(line: string): void;
}

/**
 * The mock's front: every request is parsed, routed and validated here, with the same validator as the
 * sandbox, so that a bad request gets FastAPI's 422 built from what is actually wrong (all problems at once),
 * and nothing a fuzzer sends can reach Prism in a form that kills or hangs it. Valid requests, and requests that
 * ask Prism for a given answer (`Prefer: code=…`), are forwarded to Prism unchanged.
 */
export function createFront(options: FrontOptions): Server {
  const operations = listOperations(options.document);
  const router = createRouter(operations);
  const validateRequest = createRequestValidator(options.document, createSpecValidator(options.document));

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = parseTarget(request, response);
    if (!url) return;
    const bodyText = await readBody(request);
    const route = router.match(request.method ?? "GET", url.pathname);
    if (route.kind === "not-found") return sendJson(response, 404, { detail: "Not Found" });
    if (route.kind === "method-not-allowed")
      return sendJson(response, 405, { detail: "Method Not Allowed" }, { allow: route.allow.join(", ") });
    const asksPrism = /\bcode=\d{3}\b/.test(String(request.headers.prefer ?? ""));
    const unauthenticated =
      route.operation.secured && !/^Bearer\s+\S+$/i.test(request.headers.authorization ?? "");
    // a missing token is Prism's 401 to give; a `Prefer: code=…` asks Prism for that documented answer
    if (!asksPrism && !unauthenticated)
      validateRequest(route.operation, {
        pathParams: route.pathParams,
        searchParams: url.searchParams,
        headers: request.headers,
        bodyText,
      });
    const headers = Object.fromEntries(
      Object.entries(request.headers).flatMap(([name, value]) =>
        HOP_BY_HOP.has(name) || value === undefined
          ? []
          : [[name, Array.isArray(value) ? value.join(", ") : value]],
      ),
    );
    const answer = await fetch(`${await options.prismUrl()}${url.pathname}${url.search}`, {
      method: request.method ?? "GET",
      headers,
      ...(bodyText.length > 0 && request.method !== "GET" && request.method !== "HEAD"
        ? { body: bodyText }
        : {}),
      signal: AbortSignal.timeout(10_000),
    });
    const text = Buffer.from(await answer.arrayBuffer());
    const forwarded: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== "content-encoding") forwarded[name] = value;
    });
    response.writeHead(answer.status, { ...forwarded, "content-length": text.length }).end(text);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpError)
        return sendJson(response, error.status, { detail: error.detail }, error.headers);
      options.log(
        `${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
      sendJson(response, 502, {
        detail: [{ loc: [], msg: "The mock's Prism did not answer", type: "bad_gateway" }],
      });
    });
  });
}
