/**
 * What the stages see of a request, whichever transport brought it: a WHATWG `Request` (`fromRequest`) or a
 * node:http message (the node adapter, which builds no `Request`: see answer.ts).
 */
export interface IncomingRequest {
  method: string;
  url: URL;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** Every header, lower-case names (for forwarding). */
  headerEntries(): Array<[string, string]>;
  /** The body's bytes; `undefined` when the message has none (no Content-Length, no Transfer-Encoding). */
  bytes(): Promise<Uint8Array | undefined>;
  /** The client's address when the transport knows it; undefined in process (MSW, a `fetch` function). */
  remoteAddress: string | undefined;
}

/** Connection facts a `Request` does not carry. */
export interface RequestInfo {
  remoteAddress?: string;
}

export function fromRequest(request: Request, info: RequestInfo = {}): IncomingRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name) ?? undefined,
    headerEntries: () => [...request.headers.entries()],
    bytes: async () => (request.body === null ? undefined : new Uint8Array(await request.arrayBuffer())),
    remoteAddress: info.remoteAddress,
  };
}
