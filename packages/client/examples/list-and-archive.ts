// Lists a guest's host connections and has a host archive a guest connection.
// Run against the mock: `pnpm mock` in one terminal, then `pnpm --filter @mca/client example`.
// In your project: import { createClient, isApiError } from "@mca/client";
import { createClient, isApiError } from "../src/index.js";

const baseUrl = process.env.MCA_BASE_URL ?? "http://127.0.0.1:4010";
const guestOrganizationId = "78b348b8-009c-4b87-af32-60a12fbc6e60";
const hostOrganizationId = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";

// The mock accepts any bearer token; against the real API use { clientId, clientSecret } instead.
const asGuest = createClient({ baseUrl, organizationId: guestOrganizationId, token: "any-token" });
const asHost = createClient({ baseUrl, organizationId: hostOrganizationId, token: "any-token" });

try {
  const page = await asGuest.hostConnections.list({
    statuses: ["connected"],
    order_by: "host_name",
    limit: 10,
    offset: 0,
  });
  console.log(`${page.total_items} host connection(s); first page:`);
  for (const connection of page.items) {
    console.log(`- ${connection.host_name} <${connection.host_email}> (${connection.status})`);
  }

  const archived = await asHost.guestConnections.archive("c9b1f0d1-8d3f-4cfa-91b8-9f9b0c5e2a77");
  console.log(
    `archived guest ${archived.guest_name}: archived=${archived.archived} at ${archived.archived_at}`,
  );
} catch (error) {
  if (isApiError(error)) console.error(`API error: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
