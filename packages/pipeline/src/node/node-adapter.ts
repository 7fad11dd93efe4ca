import type { IncomingMessage, ServerResponse } from "node:http";
import { type Answer, jsonAnswer } from "../answer.js";
import type { IncomingRequest } from "../incoming.js";
import { bodyTooLarge, MAX_BODY_BYTES } from "../stages/read-body.js";

/** Anything that answers an `IncomingRequest`: a pipeline's `answer`, or a server's own (the docs server's files). */
export type Answerer = (incoming: IncomingRequest) => Promise<Answer>;

/** The node:http message as the stages see it; its body is read (up to the limit) when asked for. */
function incomingOf(message: IncomingMessage, url: URL): IncomingRequest {
  return {
    method: message.method ?? "GET",
    url,
    header: (name) => {
      const value = message.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    headerEntries: () =>
      Object.entries(message.headers).flatMap(([name, value]) =>
        value === undefined
          ? []
          : [[name, Array.isArray(value) ? value.join(", ") : value] as [string, string]],
      ),
    bytes: async () => {
      // no Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body (a GET), nothing to wait for
      if (
        message.headers["content-length"] === undefined &&
        message.headers["transfer-encoding"] === undefined
      )
        return undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of message) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) throw bodyTooLarge();
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    remoteAddress: message.socket.remoteAddress,
  };
}

function write(response: ServerResponse, answer: Answer): void {
  const body = answer.body ?? "";
  response
    .writeHead(answer.status, {
      ...answer.headers,
      "content-length": typeof body === "string" ? Buffer.byteLength(body) : body.byteLength,
    })
    .end(body);
}

/**
 * The one node:http adapter (the sandbox, the mock's front, the docs server): a target no URL can be made of
 * (`//[`) is answered 400 here, as uvicorn does, since it cannot become a request for the pipeline; everything
 * else goes to `answerer` and its answer is written as it is.
 */
export function nodeListener(
  answerer: Answerer,
  log: (line: string) => void,
): (message: IncomingMessage, response: ServerResponse) => void {
  return (message, response) => {
    let url: URL;
    try {
      url = new URL(message.url ?? "/", "http://localhost");
    } catch {
      write(response, jsonAnswer(400, { detail: "Invalid HTTP request received." }));
      return;
    }
    answerer(incomingOf(message, url)).then(
      (answer) => write(response, answer),
      (error: unknown) => {
        // an answerer never throws (the pipeline answers its errors): this one did, so the connection is broken
        log(`${message.method} ${message.url}: ${error instanceof Error ? error.message : String(error)}`);
        response.destroy();
      },
    );
  };
}
