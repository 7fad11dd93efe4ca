import type { Caller } from "./checks/check.js";
import type { IdentityConfig } from "./config.js";
import { ConfigError } from "./config.js";
import { GLOBAL_TRANSPORT, type Transport } from "./http/request.js";

/**
 * Turns an identity's configuration into a bearer token: as given, from its `getToken`, or by trading client
 * credentials at POST /oauth2/token (through the run's transport, so an in-process server works too).
 */
export async function resolveIdentity(
  baseUrl: string,
  config: IdentityConfig,
  transport: Transport = GLOBAL_TRANSPORT,
): Promise<Caller> {
  if ("token" in config) return { organizationId: config.organizationId, token: config.token };
  if ("getToken" in config) {
    const token = await config.getToken();
    if (typeof token !== "string" || token === "")
      throw new ConfigError(`getToken for organization ${config.organizationId} gave no token`);
    return { organizationId: config.organizationId, token };
  }
  const response = await transport.fetch(
    new Request(`${baseUrl.replace(/\/+$/, "")}/oauth2/token`, {
      method: "POST",
      headers: { ...transport.headers, "content-type": "application/json" },
      body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret }),
    }),
  );
  const body = (await response.json().catch(() => undefined)) as { access_token?: unknown } | undefined;
  if (!response.ok || typeof body?.access_token !== "string") {
    throw new ConfigError(
      `POST /oauth2/token for client ${config.clientId} answered ${response.status}: no access token`,
    );
  }
  return { organizationId: config.organizationId, token: body.access_token };
}
