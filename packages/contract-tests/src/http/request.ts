import type { Json } from "@mca/spec";

/** A request as the checks build it, before it is turned into HTTP. */
export interface RequestSpec {
  method: string;
  /** The path template, e.g. `/host-connections/{host_org_id}`. */
  path: string;
  pathParams: Record<string, string>;
  /** Arrays are sent as repeated keys (`statuses=a&statuses=b`), null and undefined left out. */
  query: Record<string, Json | undefined>;
  headers: Record<string, string>;
  /** undefined: no body. */
  body?: Json;
  /** Send `body` as this raw text instead (for bodies that are not valid JSON). */
  rawBody?: string;
}

export interface ResponseRecord {
  status: number;
  headers: Record<string, string>;
  contentType: string | undefined;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json: Json | undefined;
}

export function queryString(query: RequestSpec["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(key, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function urlOf(baseUrl: string, request: RequestSpec): string {
  const path = request.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(request.pathParams[name] ?? `{${name}}`),
  );
  return `${baseUrl.replace(/\/+$/, "")}${path}${queryString(request.query)}`;
}

export function bodyText(request: RequestSpec): string | undefined {
  if (request.rawBody !== undefined) return request.rawBody;
  return request.body === undefined ? undefined : JSON.stringify(request.body);
}

/**
 * How requests reach the server: any `fetch` (the global one, or an in-process handler such as the sandbox's
 * `(Request) => Promise<Response>`), and headers added to every request (a server's own test authentication).
 */
export interface Transport {
  fetch: (input: Request) => Promise<Response>;
  headers: Record<string, string>;
}

export const GLOBAL_TRANSPORT: Transport = { fetch: (input) => fetch(input), headers: {} };

export async function send(
  baseUrl: string,
  request: RequestSpec,
  timeoutMs = 30_000,
  transport: Transport = GLOBAL_TRANSPORT,
): Promise<ResponseRecord> {
  const body = bodyText(request);
  const headers = {
    ...transport.headers,
    ...request.headers,
    ...(body === undefined ? {} : { "content-type": "application/json" }),
  };
  return record(
    await transport.fetch(
      new Request(urlOf(baseUrl, request), {
        method: request.method,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
        ...(body === undefined ? {} : { body }),
      }),
    ),
  );
}

/** A response as the checks judge it: the body read once, as text and (when it is JSON) parsed. */
export async function record(response: Response): Promise<ResponseRecord> {
  const text = await response.text();
  let json: Json | undefined;
  try {
    json = text === "" ? undefined : (JSON.parse(text) as Json);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    contentType: response.headers.get("content-type") ?? undefined,
    text,
    json,
  };
}
