import { fixturesFor } from "../../fixtures/build-fixtures.js";
import type { CheckContext, Coverage, StatefulCheck } from "../check.js";
import { assertThat, type Call, expectStatus, flow, requestAs } from "./flow-requests.js";

/** The same uuid in upper case and in a mixed case: both name the same resource (UUIDs are case-insensitive). */
const caseVariants = (id: string) => [
  id.toUpperCase(),
  [...id]
    .map((character, index) => (index % 2 === 0 ? character.toUpperCase() : character.toLowerCase()))
    .join(""),
];

const refused = (status: number) => status >= 400 && status < 500;

const RULES = [
  "cross-guest list",
  "cross-guest by id",
  "cross-host archive",
  "token/header mismatch",
  "case-insensitive ids",
] as const;

/**
 * One organization never reads or changes another's data: with two guests and two hosts or more, a guest never
 * sees a connection that is not its own (list or by id), a host cannot archive a guest it is not connected to,
 * a token used with another organization's id in the headers gets 403, and every id answers the same in any case.
 */
export const tenantIsolation: StatefulCheck = {
  kind: "stateful",
  name: "tenant_isolation",
  description:
    "No cross-guest reads (list and by id), no cross-host archive, 403 for a token used with another organization's headers, and uuids in paths, bodies and headers case-insensitive.",
  operations: [
    "GET /host-connections",
    "GET /host-connections/{host_org_id}",
    "PATCH /guest-connections/{guest_org_id}",
    "POST /host-connections",
  ],
  rules: RULES,
  run: (context, call, coverage) => flow(() => judgeIsolation(context, call, coverage)),
};

async function judgeIsolation(context: CheckContext, call: Call, coverage: Coverage): Promise<void> {
  const fixtures = await fixturesFor(context, call);
  const [first, second] = context.guests;
  const exclusive = fixtures.exclusiveHost;
  const host = context.hosts[0];
  if (!first || !second || !exclusive || !host) {
    const why = `needs 2 guests and 2 hosts, has ${context.guests.length} and ${context.hosts.length}`;
    for (const rule of RULES.slice(0, 4)) coverage.notJudged(rule, why);
  } else {
    const listed = await expectStatus(
      call,
      requestAs(context, second, "listHostConnections", {
        query: { statuses: ["connected", "disconnected"], limit: 100, offset: 0 },
      }),
      [200],
    );
    const items = Array.isArray(listed.items) ? listed.items : [];
    const leaked = items.find(
      (item) =>
        typeof item === "object" &&
        item !== null &&
        !Array.isArray(item) &&
        (String(item.guest_organization_id).toLowerCase() !== second.organizationId.toLowerCase() ||
          String(item.host_organization_id).toLowerCase() === exclusive.organizationId.toLowerCase()),
    );
    assertThat(
      leaked === undefined,
      `cross-guest list: the second guest's list shows another guest's connection ${JSON.stringify(leaked)}`,
      "cross-guest list",
    );
    coverage.judged("cross-guest list");

    const byId = await call(
      requestAs(context, second, "getHostConnection", {
        pathParams: { host_org_id: exclusive.organizationId },
      }),
    );
    assertThat(
      refused(byId.response.status),
      `cross-guest by id: the second guest read the first guest's connection to ${exclusive.organizationId} (${byId.response.status})`,
      "cross-guest by id",
    );
    coverage.judged("cross-guest by id");

    const archive = await call(
      requestAs(context, exclusive, "updateGuestConnection", {
        pathParams: { guest_org_id: second.organizationId },
        body: { archived: true },
      }),
    );
    assertThat(
      refused(archive.response.status),
      `cross-host archive: a host archived guest ${second.organizationId}, to which it is not connected (${archive.response.status})`,
      "cross-host archive",
    );
    coverage.judged("cross-host archive");

    const borrowed = requestAs(context, first, "listHostConnections", {
      query: { statuses: ["connected"], limit: 1, offset: 0 },
    });
    for (const name of Object.keys(borrowed.headers))
      if (name.endsWith("-Organization-ID")) borrowed.headers[name] = second.organizationId;
    const mismatch = await call(borrowed);
    assertThat(
      mismatch.response.status === 403,
      `token/header mismatch: the first guest's token with the second guest's id in the headers got ${mismatch.response.status}, not 403`,
      "token/header mismatch",
    );
    coverage.judged("token/header mismatch");
  }

  const guest = first ?? context.guest;
  const connected = fixtures.connections().find((connection) => connection.guest === guest);
  if (!connected || !host) {
    coverage.notJudged("case-insensitive ids", "no connection to read");
    return;
  }
  const hostId = connected.host.organizationId.toLowerCase();
  const guestId = guest.organizationId.toLowerCase();
  /** The four calls that carry an id, with the ids written by `write`. */
  const callsWith = (write: (id: string) => string) => [
    () =>
      call(requestAs(context, guest, "getHostConnection", { pathParams: { host_org_id: write(hostId) } })),
    () =>
      call(
        requestAs(context, guest, "createHostConnection", {
          body: { host_organization_id: write(hostId), invitation_token: null },
        }),
      ),
    () =>
      call(
        requestAs(context, connected.host, "updateGuestConnection", {
          pathParams: { guest_org_id: write(guestId) },
          body: { archived: connected.item.archived === true },
        }),
      ),
    () => {
      const request = requestAs(context, guest, "listHostConnections", {
        query: { statuses: ["connected"], limit: 1, offset: 0 },
      });
      for (const name of Object.keys(request.headers))
        if (name.endsWith("-Organization-ID")) request.headers[name] = write(request.headers[name] as string);
      return call(request);
    },
  ];
  const lower = [];
  for (const send of callsWith((id) => id.toLowerCase())) lower.push((await send()).response.status);
  for (const [variant, write] of [
    ["upper case", (id: string) => id.toUpperCase()],
    ["mixed case", (id: string) => caseVariants(id)[1] as string],
  ] as const) {
    const sends = callsWith(write);
    for (const [index, send] of sends.entries()) {
      const { request, response } = await send();
      assertThat(
        response.status === lower[index],
        `case-insensitive ids: ${request.method} ${request.path} with its ids in ${variant} answered ${response.status}; in lower case ${lower[index]}`,
        "case-insensitive ids",
      );
    }
  }
  coverage.judged("case-insensitive ids");
}
