import type { TokenResponse } from "@mca/types";

/** Every way to authenticate, each key absent: the members below forbid the keys of the others. */
type NoAuth = {
  token?: never;
  getToken?: never;
  clientId?: never;
  clientSecret?: never;
};

/**
 * How the client authenticates: a fixed token, a callback that returns one, or API client credentials (both
 * halves). Exactly one: a token next to client credentials, or a `clientId` without its secret, does not compile.
 */
export type AuthOptions =
  | (Omit<NoAuth, "token"> & { token: string })
  | (Omit<NoAuth, "getToken"> & { getToken: () => string | Promise<string> })
  | (Omit<NoAuth, "clientId" | "clientSecret"> & { clientId: string; clientSecret: string });

/** Authentication, or none (calls go out without `Authorization`, e.g. to a mock). */
export type AuthChoice = AuthOptions | NoAuth;

/** The same rule for callers without the types (JavaScript): one line naming what is wrong. */
export function checkAuthChoice(options: Record<string, unknown>): AuthOptions | undefined {
  const given = (["token", "getToken", "clientId", "clientSecret"] as const).filter(
    (key) => options[key] !== undefined,
  );
  const credentials = given.includes("clientId") || given.includes("clientSecret");
  if (credentials && !(given.includes("clientId") && given.includes("clientSecret")))
    throw new TypeError("createClient: clientId and clientSecret go together; one of them is missing");
  const ways = given.filter((key) => key !== "clientSecret").length;
  if (ways > 1)
    throw new TypeError(
      `createClient: authenticate one way (token, getToken, or clientId + clientSecret), got ${given.join(", ")}`,
    );
  return ways === 0 ? undefined : (options as AuthOptions);
}

export interface TokenProvider {
  /** The token to send now; fetches or refreshes one when needed. A string when it is at hand (no await). */
  get(): string | Promise<string>;
  /** After a 401 with `stale`: drop it and get another. False when nothing can be refreshed. */
  refresh(stale: string): Promise<string | undefined>;
  /** Replaces every secret this provider has seen with `[redacted]`. */
  redact(text: string): string;
  /** The token, when it never changes: then it goes into the client's default headers once. */
  staticToken?: string;
}

/** Refresh this long before `expires_in` runs out: 10 % of the lifetime, at most a minute. */
function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(60_000, expiresInSeconds * 100);
}

/** Characters a token or secret is made of (JWT, base64, base64url): a whole value is not next to one of them. */
const SECRET_CHARACTER = "[A-Za-z0-9._~+/=-]";

/** `secret` where it stands as a whole value, never as a piece of ordinary text ("t" in "fetch failed"). */
const wholeValue = (secret: string) =>
  new RegExp(
    `(?<!${SECRET_CHARACTER})${secret.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}(?!${SECRET_CHARACTER})`,
    "g",
  );

export function createTokenProvider(
  auth: AuthOptions,
  requestToken: (clientId: string, clientSecret: string) => Promise<TokenResponse>,
  now: () => number = Date.now,
): TokenProvider {
  const secrets = new Set<string>();
  const remember = (token: string) => {
    if (token) secrets.add(token);
    return token;
  };
  const redact = (text: string) => {
    let redacted = text;
    for (const secret of secrets) redacted = redacted.replace(wholeValue(secret), "[redacted]");
    return redacted;
  };

  if (auth.token !== undefined) {
    const token = auth.token;
    remember(token);
    return { get: () => token, refresh: async () => undefined, redact, staticToken: token };
  }
  if (auth.getToken !== undefined) {
    const getToken = auth.getToken;
    const get = async () => remember(await getToken());
    return { get, refresh: async () => get(), redact };
  }

  secrets.add(auth.clientSecret);
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const fetchToken = () => {
    // every concurrent caller shares the one request
    inFlight ??= requestToken(auth.clientId, auth.clientSecret)
      .then((response) => {
        const lifetimeMs = response.expires_in * 1000;
        cached = {
          token: remember(response.access_token),
          refreshAt: now() + lifetimeMs - refreshMarginMs(response.expires_in),
        };
        return response.access_token;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const get = () => (cached && now() < cached.refreshAt ? cached.token : fetchToken());
  return {
    get,
    async refresh(stale) {
      if (cached?.token === stale) cached = undefined;
      return get();
    },
    redact,
  };
}
