export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** The first backoff step; each retry doubles it, full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap for one backoff wait, and for a `Retry-After` the server asks for. Default 10 s. */
  maxDelayMs?: number;
  /** Statuses that are retried. Default 429, 502, 503, 504. */
  statuses?: readonly number[];
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = {
  maxRetries: 2,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  statuses: [429, 502, 503, 504],
};

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  if (options === false) return { ...DEFAULT_RETRY, maxRetries: 0 };
  return { ...DEFAULT_RETRY, ...options };
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before retry number `retry` (0-based): the server's `Retry-After`, else jittered backoff. */
export function retryDelayMs(
  retry: number,
  retryOptions: ResolvedRetry,
  response?: Response,
  random: () => number = Math.random,
): number {
  const asked = retryAfterMs(response?.headers.get("retry-after") ?? null);
  if (asked !== undefined) return Math.min(asked, retryOptions.maxDelayMs);
  const ceiling = Math.min(retryOptions.maxDelayMs, retryOptions.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
