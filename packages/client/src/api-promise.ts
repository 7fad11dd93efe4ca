/** A successful call's data with the answer it came in: `status`, `headers`, the server's request id. */
export interface WithResponse<Data> {
  data: Data;
  response: Response;
}

/**
 * What every resource method returns: a promise of the data that can also give the response alongside it
 * (`await client.hostConnections.get(id).withResponse()`), as openapi-fetch's `{ data, response }` does.
 * The data promise is made only when it is awaited, so a caller of `withResponse()` alone leaves no second
 * promise to reject unhandled.
 */
export class ApiPromise<Data> implements Promise<Data> {
  readonly [Symbol.toStringTag] = "ApiPromise";
  readonly #settled: Promise<WithResponse<Data>>;
  #data: Promise<Data> | undefined;

  constructor(settled: Promise<WithResponse<Data>>) {
    this.#settled = settled;
  }

  /** The data and the response; rejects with the same error the data promise would. */
  withResponse(): Promise<WithResponse<Data>> {
    return this.#settled;
  }

  #dataPromise(): Promise<Data> {
    this.#data ??= this.#settled.then((settled) => settled.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a promise; `await` must find its `then`
  then<Result = Data, Failure = never>(
    onFulfilled?: ((data: Data) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#dataPromise().then(onFulfilled, onRejected);
  }

  catch<Failure = never>(
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Data | Failure> {
    return this.#dataPromise().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Data> {
    return this.#dataPromise().finally(onFinally);
  }
}
