import { NetworkError, TimeoutError } from "./errors.js";
import { type ResolvedRetry, retryDelayMs, sleep } from "./retry.js";
import type { TokenProvider } from "./token-provider.js";

export interface TransportSettings {
  fetch: (request: Request) => Promise<Response>;
  tokens: TokenProvider | undefined;
  timeoutMs: number | undefined;
  retry: ResolvedRetry;
}

export interface CallSettings {
  /** Retry this call as GETs are retried. POST and PATCH are never retried unless marked. */
  idempotent?: boolean;
  timeoutMs?: number;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function operationOf(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

/**
 * The `fetch` openapi-fetch calls: adds a changing bearer token, enforces the timeout,
 * retries what is safe to retry, and on a 401 refreshes the token once and sends the request once more.
 */
export function createTransport(settings: TransportSettings, call: CallSettings = {}) {
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;

  // organization headers, user agent and a static token come from the client's default headers; only a
  // token that can change is set here, per attempt
  function setHeaders(headers: Headers, token: string | undefined): void {
    if (token !== undefined && token !== settings.tokens?.staticToken)
      headers.set("Authorization", `Bearer ${token}`);
  }

  return async function send(original: Request): Promise<Response> {
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

      let response: Response;
      try {
        response = await settings.fetch(request);
      } catch (cause) {
        if (callerSignal.aborted) throw callerSignal.reason;
        const operation = operationOf(original);
        const reason = String(cause instanceof Error ? cause.message : cause);
        const error =
          timeout?.aborted === true
            ? new TimeoutError(operation, timeoutMs ?? 0)
            : new NetworkError(
                operation,
                `${operation} failed: ${settings.tokens?.redact(reason) ?? reason}`,
              );
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
          await response.body?.cancel();
          continue;
        }
      }
      if (
        retryable &&
        retries < settings.retry.maxRetries &&
        settings.retry.statuses.includes(response.status)
      ) {
        const delay = retryDelayMs(retries, settings.retry, response);
        await response.body?.cancel();
        await sleep(delay, callerSignal);
        retries += 1;
        continue;
      }
      return response;
    }
  };
}
