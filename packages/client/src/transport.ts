import { NetworkError, TimeoutError } from "./errors.js";
import { type ResolvedRetry, retryDelayMs, sleep } from "./retry.js";
import type { TokenProvider } from "./token-provider.js";

export const REQUESTER_HEADER = "Requester-Organization-ID";
export const TARGET_HEADER = "Target-Organization-ID";

export interface TransportSettings {
  fetch: (request: Request) => Promise<Response>;
  tokens: TokenProvider | undefined;
  organizationId: string | undefined;
  targetOrganizationId: string | undefined;
  userAgent: string | undefined;
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
 * The `fetch` openapi-fetch calls: adds the bearer token and organization headers, enforces the timeout,
 * retries what is safe to retry, and on a 401 refreshes the token once and sends the request once more.
 */
export function createTransport(settings: TransportSettings, call: CallSettings = {}) {
  return async function send(original: Request): Promise<Response> {
    const operation = operationOf(original);
    const body = original.body === null ? undefined : await original.arrayBuffer();
    const callerSignal = original.signal;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    const retryable = call.idempotent === true || IDEMPOTENT_METHODS.has(original.method);
    let retries = 0;
    let refreshed = false;
    let token = settings.tokens ? await settings.tokens.get() : undefined;

    for (;;) {
      const headers = new Headers(original.headers);
      if (token !== undefined) headers.set("Authorization", `Bearer ${token}`);
      if (settings.organizationId && !headers.has(REQUESTER_HEADER))
        headers.set(REQUESTER_HEADER, settings.organizationId);
      const target = settings.targetOrganizationId ?? settings.organizationId;
      if (target && !headers.has(TARGET_HEADER)) headers.set(TARGET_HEADER, target);
      if (settings.userAgent) headers.set("User-Agent", settings.userAgent);
      const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
      const signal = timeout ? AbortSignal.any([callerSignal, timeout]) : callerSignal;
      const request = new Request(original.url, {
        method: original.method,
        headers,
        signal,
        ...(body === undefined ? {} : { body }),
      });

      let response: Response;
      try {
        response = await settings.fetch(request);
      } catch (cause) {
        if (callerSignal.aborted) throw callerSignal.reason;
        const redacted =
          settings.tokens?.redact(String(cause instanceof Error ? cause.message : cause)) ?? String(cause);
        const error =
          timeout?.aborted === true
            ? new TimeoutError(operation, timeoutMs ?? 0)
            : new NetworkError(operation, `${operation} failed: ${redacted}`);
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
        settings.retry.statuses.includes(response.status) &&
        retries < settings.retry.maxRetries
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
