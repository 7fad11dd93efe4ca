/**
 * A host of its own, never production: a test whose interception is off fails to resolve this name (`.invalid` is
 * reserved, RFC 6761) instead of sending sandbox tokens to the real API. The path is the spec's base path.
 */
export const DEFAULT_SANDBOX_BASE_URL = "https://sandbox.mca.invalid/v1-beta";

/** The base URL without a trailing slash, refused when it is not an absolute http(s) URL. */
export function normaliseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`createSandbox: baseUrl must be an absolute URL, got "${baseUrl}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`createSandbox: baseUrl must be http(s), got "${baseUrl}"`);
  url.pathname = url.pathname.replace(/\/+$/, "");
  url.search = "";
  url.hash = "";
  return url;
}

/**
 * The request as the sandbox's pipeline routes it (paths from the spec's root), or undefined when it is not under
 * the base URL.
 */
export async function toPipelineRequest(request: Request, base: URL): Promise<Request | undefined> {
  const url = new URL(request.url);
  const prefix = base.pathname;
  if (url.origin !== base.origin || !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)))
    return undefined;
  url.pathname = url.pathname.slice(prefix.length) || "/";
  const body =
    request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    ...(body === undefined ? {} : { body }),
  });
}
