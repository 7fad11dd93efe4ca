import type { MockServer } from "./start-mock.js";

/** Any uuid works with the mock: it checks the headers' format, not who the organization is. */
export const EXAMPLE_ORGANIZATION_ID = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

/** What `pnpm mock` prints once Prism answers: where it is, what it expects, and a request to paste. */
export function mockBanner(mock: MockServer): string {
  const curl = [
    `curl -s '${mock.baseUrl}/host-connections?statuses=connected&limit=10&offset=0' \\`,
    "  -H 'Authorization: Bearer any-token' \\",
    `  -H 'Requester-Organization-ID: ${EXAMPLE_ORGANIZATION_ID}' \\`,
    `  -H 'Target-Organization-ID: ${EXAMPLE_ORGANIZATION_ID}'`,
  ].join("\n");
  return [
    `Prism mock of the MyCreditApp connections API at ${mock.baseUrl} (${mock.dynamic ? "dynamic" : "static"} mode)`,
    "Every call but POST /oauth2/token needs: Authorization: Bearer <any token>,",
    "  Requester-Organization-ID: <uuid>, Target-Organization-ID: <uuid>",
    "Try:",
    curl,
    "Per request: -H 'Prefer: dynamic=true' (generated data), -H 'Prefer: code=404' (another documented status),",
    "  -H 'Prefer: example=onePage' (a named example). Ctrl-C stops the mock.",
  ].join("\n");
}
