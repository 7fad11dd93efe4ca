import type { Caller } from "./checks/check.js";
import type { IdentityConfig } from "./config.js";
import { ConfigError } from "./config.js";

/** Turns an identity's configuration into a bearer token, trading client credentials at POST /oauth2/token. */
export async function resolveIdentity(baseUrl: string, config: IdentityConfig): Promise<Caller> {
  if ("token" in config) return { organizationId: config.organizationId, token: config.token };
  const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret }),
  });
  const body = (await response.json().catch(() => undefined)) as { access_token?: unknown } | undefined;
  if (!response.ok || typeof body?.access_token !== "string") {
    throw new ConfigError(
      `POST /oauth2/token for client ${config.clientId} answered ${response.status}: no access token`,
    );
  }
  return { organizationId: config.organizationId, token: body.access_token };
}
