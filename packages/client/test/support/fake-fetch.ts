import { type ClientOptions, createClient, type McaClient } from "../../src/index.js";

/** A scripted `fetch`: answers each request with the next responder and records what it was sent. */
export type Responder = (request: Request) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
  /** Requests other than POST /oauth2/token. */
  apiRequests(): Request[];
  tokenRequests(): Request[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export const GUEST_CONNECTION = {
  host_organization_id: "d290f1ee-6c54-4b01-90e6-d701748f0851",
  guest_organization_id: "c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77",
  status: "connected",
  guest_name: "Example Corp",
  guest_email: "contact@example.com",
  owner_email: "owner@host.com",
  archived: true,
  created_at: "2025-12-12T10:30:00.123456",
  updated_at: "2025-12-12T10:30:00.123456",
};

export function hostConnection(index: number) {
  return {
    host_organization_id: `d49b0749-fbc7-4e0a-b03d-${String(index).padStart(12, "0")}`,
    guest_organization_id: "78b348b8-009c-4b87-af32-60a12fbc6e60",
    host_name: `Host ${index}`,
    host_email: "host@example.com",
    owner_email: "owner@example.com",
    status: "connected",
    archived: false,
    created_at: "2025-12-12T12:00:00.123456",
    updated_at: "2025-12-12T12:00:00.123456",
  };
}

/** `api` answers everything but the token endpoint; the token endpoint issues `token-1`, `token-2`, … */
export function fakeFetch(api: Responder, { expiresIn = 3600 } = {}): FakeFetch {
  const requests: Request[] = [];
  let issued = 0;
  const isToken = (request: Request) => new URL(request.url).pathname.endsWith("/oauth2/token");
  return {
    requests,
    apiRequests: () => requests.filter((request) => !isToken(request)),
    tokenRequests: () => requests.filter(isToken),
    async fetch(request) {
      requests.push(request.clone());
      if (request.signal.aborted) throw request.signal.reason;
      if (isToken(request)) {
        issued += 1;
        return json({ access_token: `token-${issued}`, expires_in: expiresIn });
      }
      return api(request);
    },
  };
}

export const OWN_ORGANIZATION = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

// Omit of each member: ClientOptions is a union (one member per way to authenticate)
type WithoutTransport<T> = T extends unknown
  ? Omit<T, "fetch" | "baseUrl" | "organizationId"> & { organizationId?: string }
  : never;

/** A client of the scripted server, calling as OWN_ORGANIZATION (Self), with `options` on top. */
export function clientFor(fake: FakeFetch, options: WithoutTransport<ClientOptions> = {}): McaClient {
  return createClient({
    baseUrl: "http://api.test",
    organizationId: OWN_ORGANIZATION,
    ...options,
    fetch: fake.fetch,
  } as ClientOptions);
}
