import { BufferedResponse } from "./buffered-response.js";
import { type CallFacts, NetworkError, requestIdOf, TimeoutError } from "./errors.js";
import { type ResolvedRetry, retryDelayMs, sleep } from "./retry.js";
import type { TokenProvider } from "./token-provider.js";

export interface TransportSettings {
  fetch: (request: Request) => Promise<Response>;
  tokens: TokenProvider | undefined;
  /** Replaces the client's secrets in text it keeps or hands back (error bodies, messages). */
  redact: (text: string) => string;
  timeoutMs: number | undefined;
  retry: ResolvedRetry;
}

export interface CallSettings {
  /** Retry this call as GETs are retried. POST and PATCH are never retried unless marked. */
  idempotent?: boolean;
  timeoutMs?: number;
}

/** One call as the transport sees it: the spec's operation (for errors) and its own settings. */
export interface Call extends CallSettings {
  operation: string;
  /** The caller reads the body as a stream (`parseAs: "stream"`): hand the answer on as it arrives. */
  streamed?: boolean;
}

/** `fetch`, when given, replaces the client's for this call (a `raw` caller's own `fetch` option). */
export type Transport = (
  request: Request,
  call: Call,
  fetch?: (request: Request) => Promise<Response>,
) => Promise<Response>;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Statuses whose answer has no body: a Response cannot be built with one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Rejects as soon as `signal` aborts: a body read that a custom `fetch` never aborts still ends. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The answer with its whole body read here, under the call's timeout, so a body that stalls or breaks off is a
 * `TimeoutError` or `NetworkError` (and retried like one) instead of failing later inside openapi-fetch. An error
 * body comes back with the client's secrets redacted, for `raw` callers as for the resource methods.
 */
async function readWhole(
  response: Response,
  signal: AbortSignal | undefined,
  redact: (text: string) => string,
): Promise<Response> {
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  let bytes = new Uint8Array(await untilAborted(response.arrayBuffer(), signal));
  if (!response.ok) bytes = new TextEncoder().encode(redact(new TextDecoder().decode(bytes)));
  return new BufferedResponse(response, bytes);
}

/**
 * The `fetch` under openapi-fetch: adds a changing bearer token, enforces the timeout on the head and the body,
 * retries what is safe to retry, and on a 401 refreshes the token once and sends the request once more.
 */
export function createTransport(settings: TransportSettings): Transport {
  // organization headers, user agent and a static token come from the client's default headers; only a
  // token that can change is set here, per attempt
  function setHeaders(headers: Headers, token: string | undefined): void {
    if (token !== undefined && token !== settings.tokens?.staticToken)
      headers.set("Authorization", `Bearer ${token}`);
  }

  return async function send(original, call, fetch = settings.fetch) {
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    // A bodyless request without a timeout is sent as openapi-fetch built it, headers set in place: the hot
    // path (GETs) builds no second Request. Anything else is rebuilt per attempt from a copy of the body.
    const body = original.body === null ? undefined : await original.arrayBuffer();
    const reuse = body === undefined && timeoutMs === undefined;
    const callerSignal = original.signal;
    const retryable = call.idempotent === true || IDEMPOTENT_METHODS.has(original.method);
    let retries = 0;
    let refreshed = false;
    const pending = settings.tokens?.get();
    let token = typeof pending === "object" ? await pending : pending;

    for (;;) {
      const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
      let request: Request;
      if (reuse) {
        request = original;
        setHeaders(request.headers, token);
      } else {
        const headers = new Headers(original.headers);
        setHeaders(headers, token);
        request = new Request(original.url, {
          method: original.method,
          headers,
          signal: timeout ? AbortSignal.any([callerSignal, timeout]) : callerSignal,
          ...(body === undefined ? {} : { body }),
        });
      }

      let head: Response | undefined;
      let response: Response;
      try {
        head = await fetch(request);
        response = call.streamed ? head : await readWhole(head, request.signal, settings.redact);
      } catch (cause) {
        if (callerSignal.aborted) throw callerSignal.reason;
        const requestId = requestIdOf(head, request);
        const facts: CallFacts = {
          operation: call.operation,
          method: original.method,
          ...(head === undefined ? {} : { status: head.status }),
          ...(requestId === undefined ? {} : { requestId }),
        };
        const reason = String(cause instanceof Error ? cause.message : cause);
        const error =
          timeout?.aborted === true
            ? new TimeoutError(facts, timeoutMs ?? 0)
            : new NetworkError(facts, `${call.operation} failed: ${settings.redact(reason)}`);
        if (!retryable || retries >= settings.retry.maxRetries) throw error;
        await sleep(retryDelayMs(retries, settings.retry), callerSignal);
        retries += 1;
        continue;
      }

      if (response.status === 401 && token !== undefined && !refreshed && settings.tokens) {
        refreshed = true;
        const fresh = await settings.tokens.refresh(token);
        if (fresh !== undefined) {
          token = fresh;
          continue;
        }
      }
      if (
        retryable &&
        retries < settings.retry.maxRetries &&
        settings.retry.statuses.includes(response.status)
      ) {
        await sleep(retryDelayMs(retries, settings.retry, response), callerSignal);
        retries += 1;
        continue;
      }
      return response;
    }
  };
}
