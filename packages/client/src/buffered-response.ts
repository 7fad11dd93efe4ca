/**
 * An answer whose body was read whole by the transport, handed on without a second stream: undici's web streams
 * are the costliest part of a small JSON call, so re-wrapping the bytes in a new `Response` would read them twice.
 * Status, headers and url are the original answer's; the body methods serve the bytes (or the redacted text of
 * an error body) as often as they are called.
 */
export class BufferedResponse extends Response {
  readonly #source: Response;
  readonly #bytes: Uint8Array;

  constructor(source: Response, bytes: Uint8Array) {
    super(null, { status: source.status, statusText: source.statusText });
    this.#source = source;
    this.#bytes = bytes;
  }

  override get headers(): Headers {
    return this.#source.headers;
  }
  override get url(): string {
    return this.#source.url;
  }
  override get redirected(): boolean {
    return this.#source.redirected;
  }
  override get type(): ResponseType {
    return this.#source.type;
  }

  override async text(): Promise<string> {
    return new TextDecoder().decode(this.#bytes);
  }
  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#bytes.slice();
  }
  override async blob(): Promise<Blob> {
    return new Blob([this.#bytes.slice()], { type: this.headers.get("content-type") ?? "" });
  }
  override clone(): BufferedResponse {
    return new BufferedResponse(this.#source, this.#bytes);
  }
}
