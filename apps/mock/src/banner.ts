import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import type { MockServer } from "./start-mock.js";

/** Any uuid works with the mock: it checks the headers' format, not who the organization is. */
export const EXAMPLE_ORGANIZATION_ID = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

/** A request the mock refuses, to show its real 422 at start-up (limit past its maximum, offset missing). */
export const BAD_REQUEST_PATH = "/host-connections?statuses=connected&limit=500";

/**
 * What `pnpm mock` prints once it answers: where it is, what it expects, a request to paste, and the real answer
 * it gave to a bad request (`refused`, fetched from the running mock).
 */
export function mockBanner(mock: MockServer, refused: string): string {
  const curl = [
    `curl -s '${mock.baseUrl}/host-connections?statuses=connected&limit=10&offset=0' \\`,
    "  -H 'Authorization: Bearer any-token' \\",
    `  -H '${REQUESTER_ORGANIZATION_HEADER}: ${EXAMPLE_ORGANIZATION_ID}' \\`,
    `  -H '${TARGET_ORGANIZATION_HEADER}: ${EXAMPLE_ORGANIZATION_ID}'`,
  ].join("\n");
  return [
    `Prism mock of the MyCreditApp connections API at ${mock.baseUrl} (${mock.dynamic ? "dynamic" : "static"} mode)`,
    "Every call but POST /oauth2/token needs: Authorization: Bearer <any token>,",
    `  ${REQUESTER_ORGANIZATION_HEADER}: <uuid>, ${TARGET_ORGANIZATION_HEADER}: <uuid>`,
    "Try:",
    curl,
    "Per request: -H 'Prefer: dynamic=true' (generated data), -H 'Prefer: code=404' (another documented status),",
    "  -H 'Prefer: example=onePage' (a named example).",
    `A bad request gets FastAPI's 422 with every real problem; GET ${BAD_REQUEST_PATH} just answered:`,
    `  ${refused}`,
    "Ctrl-C stops the mock.",
  ].join("\n");
}
