/** One valid request per operation, built from the spec's own examples. */
export interface ExampleRequest {
  operationId: string;
  method: "GET" | "POST" | "PATCH";
  /** The path template, as in the spec. */
  template: string;
  path: string;
  body?: unknown;
  orgScoped: boolean;
}

export const ORG_ID = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

export const exampleRequests: ExampleRequest[] = [
  {
    operationId: "createToken",
    method: "POST",
    template: "/oauth2/token",
    path: "/oauth2/token",
    body: { client_id: "5gtyhu78ujmlko90iikmjunbh", client_secret: "abcdefghijklmnopqrstuvwxyz" },
    orgScoped: false,
  },
  {
    operationId: "updateGuestConnection",
    method: "PATCH",
    template: "/guest-connections/{guest_org_id}",
    path: "/guest-connections/c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77",
    body: { archived: true },
    orgScoped: true,
  },
  {
    operationId: "listHostConnections",
    method: "GET",
    template: "/host-connections",
    path: "/host-connections?statuses=connected&statuses=disconnected&limit=10&offset=0",
    orgScoped: true,
  },
  {
    operationId: "createHostConnection",
    method: "POST",
    template: "/host-connections",
    path: "/host-connections",
    body: {
      host_organization_id: "d49b0749-fbc7-4e0a-b03d-ef15f238071a",
      invitation_token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
    },
    orgScoped: true,
  },
  {
    operationId: "getHostConnection",
    method: "GET",
    template: "/host-connections/{host_org_id}",
    path: "/host-connections/d49b0749-fbc7-4e0a-b03d-ef15f238071a",
    orgScoped: true,
  },
  {
    operationId: "createGuestInvitation",
    method: "POST",
    template: "/guest-invitations",
    path: "/guest-invitations",
    body: { email: "guest@example.com", expired_at: "2030-12-31T23:59:59.123456" },
    orgScoped: true,
  },
];

export function headersFor(
  request: ExampleRequest,
  { token = "any-token", omit = [] as string[], extra = {} as Record<string, string> } = {},
): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  if (request.orgScoped) {
    headers.Authorization = `Bearer ${token}`;
    headers["Requester-Organization-ID"] = ORG_ID;
    headers["Target-Organization-ID"] = ORG_ID;
  }
  for (const name of omit) delete headers[name];
  return headers;
}
