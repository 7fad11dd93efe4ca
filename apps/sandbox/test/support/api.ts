import type { OrganizationCredentials, Sandbox } from "../../src/index.js";
import { assertDocumentedResponse } from "./spec-responses.js";

export type Body = Record<string, unknown>;

export interface Caller {
  organizationId: string;
  token: string;
  /** Calls as this organization (Self), JSON in and out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Body }>;
}

export async function tokenFor(sandbox: Sandbox, identity: OrganizationCredentials): Promise<string> {
  const response = await fetch(`${sandbox.url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: identity.clientId, client_secret: identity.clientSecret }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function callerFor(sandbox: Sandbox, identity: OrganizationCredentials): Promise<Caller> {
  const token = await tokenFor(sandbox, identity);
  return {
    organizationId: identity.organizationId,
    token,
    async call(method, path, body, headers = {}) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "requester-organization-id": identity.organizationId,
          "target-organization-id": identity.organizationId,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const parsed = (text ? JSON.parse(text) : {}) as Body;
      // every answer the tests see is checked against the spec as well
      assertDocumentedResponse(method, path, { status: response.status, headers: response.headers, text });
      return { status: response.status, body: parsed };
    },
  };
}

/** A new organization through the sandbox-only admin route. */
export async function newOrganization(
  sandbox: Sandbox,
  fields: Record<string, string> = {},
): Promise<OrganizationCredentials> {
  const response = await fetch(`${sandbox.url}/_sandbox/organizations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fields),
  });
  if (response.status !== 201)
    throw new Error(`admin route answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as OrganizationCredentials;
}

export const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();

/** Host invites, guest connects with the token: returns the connection. */
export async function connect(host: Caller, guest: Caller): Promise<Body> {
  const invitation = await host.call("POST", "/guest-invitations", {
    email: "guest@example.com",
    expired_at: inOneDay(),
  });
  const connection = await guest.call("POST", "/host-connections", {
    host_organization_id: host.organizationId,
    invitation_token: invitation.body.invitation_token,
  });
  if (connection.status !== 200)
    throw new Error(`connect answered ${connection.status}: ${JSON.stringify(connection.body)}`);
  return connection.body;
}
