import { RawJson } from "./raw-json.js";

/**
 * What the pipeline answers, before any transport: the node:http adapter writes it as it is, the fetch face wraps
 * it in a `Response`. Building WHATWG objects costs 20–30 µs a request in Node 20 (measured), which the servers
 * do not pay.
 */
export interface Answer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** A JSON answer; a `RawJson` body goes out as the text it already is. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: body instanceof RawJson ? body.text : JSON.stringify(body),
  };
}

/** The answer as a WHATWG `Response` (a HEAD answer or a 204/304 has no body). */
export function toResponse(answer: Answer): Response {
  const bodyless = answer.status === 204 || answer.status === 304;
  return new Response(bodyless ? null : (answer.body as BodyInit | null), {
    status: answer.status,
    headers: answer.headers,
  });
}
