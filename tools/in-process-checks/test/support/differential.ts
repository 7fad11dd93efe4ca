import { type BadRequestRow, badRequests } from "@mca/pipeline/testing";
import { type OrganizationCredentials, seededRandom } from "@mca/sandbox/core";
import type { JsonObject } from "@mca/spec/core";

/** One target of the comparison: a raw request (path from the spec's root) and its answer, as written. */
export type Send = (request: {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<{ status: number; text: string }>;

/** One exchange of a sequence, as compared: what was sent and what came back, ids and times normalised. */
export interface Exchange {
  step: number;
  action: string;
  request: string;
  status: number;
  body: string;
}

interface Organizations {
  hosts: readonly OrganizationCredentials[];
  guests: readonly OrganizationCredentials[];
}

/** The emails the seeded guests have (organizations.ts): invitations to them can be accepted without a token. */
const GUEST_EMAILS = ["contact@guest.example", "info@second-guest.example"];
const STATUSES = ["connected", "disconnected"];
const ORDER_FIELDS = [
  "host_name",
  "host_email",
  "owner_email",
  "created_at",
  "updated_at",
  "archived_at",
  "active_action_updated_at",
];
const SEARCH_FIELDS = ["host_name", "host_email", "owner_email"];
const ACTIONS = ["documents_update_request", "analytics_request"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g;

/**
 * Normalises one target's answers: ids it made itself (not the seeded organizations', which the seed makes equal)
 * and invitation tokens become `<id N>` / `<invitation N>` in the order this target first showed them, access
 * tokens `<jwt>`, timestamps `<time>`.
 */
export function createNormaliser(organizations: Organizations): (text: string) => string {
  const seeded = new Set([...organizations.hosts, ...organizations.guests].map((org) => org.organizationId));
  const ids = new Map<string, string>();
  const invitations = new Map<string, string>();
  return (text) =>
    text
      .replace(/"access_token":"[^"]+"/g, '"access_token":"<jwt>"')
      .replace(/"invitation_token":"([^"]+)"/g, (_all, token: string) => {
        if (!invitations.has(token)) invitations.set(token, `<invitation ${invitations.size + 1}>`);
        return `"invitation_token":"${invitations.get(token)}"`;
      })
      .replace(UUID, (id) => {
        const lower = id.toLowerCase();
        if (seeded.has(lower) || lower === UNKNOWN_ID) return lower;
        if (!ids.has(lower)) ids.set(lower, `<id ${ids.size + 1}>`);
        return ids.get(lower) as string;
      })
      .replace(ISO_TIME, "<time>");
}

/**
 * Sends `count` requests to one target, each chosen by a seeded generator from what this target answered before
 * (its tokens, its invitations, its connections): the same seed makes the same choices on two targets that answer
 * alike, and the first answer that differs makes every later choice differ too. Writes (invite, connect, archive,
 * unarchive) are interleaved with reads (list, get), bad input and refused calls.
 */
export async function runSequence(
  send: Send,
  organizations: Organizations,
  document: JsonObject,
  options: { seed: number; count: number; tick: () => void },
): Promise<Exchange[]> {
  const random = seededRandom(options.seed);
  const int = (below: number) => {
    const [a, b, c, d] = random.bytes(4) as unknown as [number, number, number, number];
    return (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) % below;
  };
  const pick = <T>(values: readonly T[]): T => values[int(values.length)] as T;
  const subset = <T>(values: readonly T[]): T[] => values.filter(() => int(2) === 0);
  const bad = badRequests(document);
  const normalise = createNormaliser(organizations);
  const everyone = [...organizations.hosts, ...organizations.guests];
  const tokens = new Map<string, string>();
  const invitationsOf = new Map<string, string[]>();
  const connections: Array<{ host: string; guest: string }> = [];
  const log: Exchange[] = [];
  // the first day of the sandbox's clock (the caller's tick moves it one second per request)
  const expiries = ["2026-06-02T00:00:00Z", "2026-05-31T00:00:00Z", "2030-12-31T23:59:59", "not a time"];

  const as = (org: OrganizationCredentials, target = org.organizationId) => ({
    authorization: `Bearer ${tokens.get(org.organizationId) ?? "none"}`,
    "requester-organization-id": org.organizationId,
    "target-organization-id": target,
  });

  async function exchange(
    action: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) {
    options.tick();
    const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    const answer = await send({
      method,
      path,
      headers: text === undefined ? headers : { ...headers, "content-type": "application/json" },
      ...(text === undefined ? {} : { body: text }),
    });
    log.push({
      step: log.length,
      action,
      request: normalise(`${method} ${path} ${text ?? ""}`),
      status: answer.status,
      body: normalise(answer.text),
    });
    return answer;
  }

  const steps: Array<[weight: number, run: () => Promise<unknown>]> = [
    [
      2,
      async () => {
        const org = pick(everyone);
        const secret = int(5) === 0 ? "wrong-secret" : org.clientSecret;
        const answer = await exchange(
          "token",
          "POST",
          "/oauth2/token",
          {},
          { client_id: org.clientId, client_secret: secret },
        );
        if (answer.status === 200)
          tokens.set(org.organizationId, (JSON.parse(answer.text) as { access_token: string }).access_token);
      },
    ],
    [
      4,
      async () => {
        const host = pick(organizations.hosts);
        const email = int(3) === 0 ? `guest-${int(50)}@example.com` : pick(GUEST_EMAILS);
        const answer = await exchange("invite", "POST", "/guest-invitations", as(host), {
          email: int(12) === 0 ? "not-an-email" : email,
          expired_at: pick(expiries.slice(0, int(4) === 0 ? 4 : 1)),
          ...(int(6) === 0 ? { parent_organization_id: pick(organizations.hosts).organizationId } : {}),
        });
        if (answer.status === 200) {
          const token = (JSON.parse(answer.text) as { invitation_token: string }).invitation_token;
          invitationsOf.set(host.organizationId, [...(invitationsOf.get(host.organizationId) ?? []), token]);
        }
      },
    ],
    [
      4,
      async () => {
        const guest = pick(int(4) === 0 ? organizations.hosts : organizations.guests);
        const host = pick(organizations.hosts);
        const known = invitationsOf.get(host.organizationId) ?? [];
        const invitation =
          known.length > 0 && int(4) !== 0 ? pick(known) : int(2) === 0 ? "no-such-token" : undefined;
        const answer = await exchange("connect", "POST", "/host-connections", as(guest), {
          host_organization_id: int(10) === 0 ? UNKNOWN_ID : host.organizationId,
          ...(invitation === undefined ? {} : { invitation_token: invitation }),
        });
        if (answer.status === 200)
          connections.push({ host: host.organizationId, guest: guest.organizationId });
      },
    ],
    [
      6,
      async () => {
        const caller = pick(int(5) === 0 ? organizations.hosts : organizations.guests);
        const query = new URLSearchParams();
        for (const status of subset(STATUSES).concat(int(3) === 0 ? [] : ["connected"]))
          query.append("statuses", status);
        if (int(3) === 0) query.set("archived", pick(["true", "false"]));
        if (int(3) === 0) for (const action of subset(ACTIONS)) query.append("active_action_types", action);
        if (int(2) === 0) query.set("order_by", pick(ORDER_FIELDS));
        if (int(2) === 0) query.set("order_dir", pick(["asc", "desc"]));
        if (int(4) === 0) {
          query.set("search_field", pick(SEARCH_FIELDS));
          query.set("search_text", pick(["a", "bank", "EXAMPLE", "zeta", "@"]));
        }
        query.set("limit", String(int(20) === 0 ? 101 : int(6)));
        query.set("offset", String(int(4)));
        await exchange("list", "GET", `/host-connections?${query}`, as(caller));
      },
    ],
    [
      2,
      async () => {
        const guest = pick(organizations.guests);
        const host = int(5) === 0 ? UNKNOWN_ID : pick(organizations.hosts).organizationId;
        await exchange("get", "GET", `/host-connections/${host}`, as(guest));
      },
    ],
    [
      4,
      async () => {
        const known = connections.length > 0 && int(5) !== 0 ? pick(connections) : undefined;
        const host = known
          ? (everyone.find((org) => org.organizationId === known.host) as OrganizationCredentials)
          : pick(organizations.hosts);
        const guest = known?.guest ?? pick(organizations.guests).organizationId;
        await exchange("archive", "PATCH", `/guest-connections/${guest}`, as(host), {
          archived: int(3) !== 0,
        });
      },
    ],
    [
      1,
      async () => {
        const [name, method, path, body, headers = {}] = pick(bad) as BadRequestRow;
        const caller = pick(everyone);
        const merged: Record<string, string> = { ...as(caller) };
        for (const [header, value] of Object.entries(headers))
          if (value === undefined) delete merged[header];
          else merged[header] = value;
        await exchange(`bad input: ${name}`, method, path, merged, body);
      },
    ],
    [
      1,
      async () => {
        const caller = pick(everyone);
        await exchange(
          "another organization's scope",
          "GET",
          "/host-connections?statuses=connected&limit=5&offset=0",
          as(caller, pick(everyone).organizationId),
        );
      },
    ],
  ];
  const total = steps.reduce((sum, [weight]) => sum + weight, 0);
  while (log.length < options.count) {
    const roll = int(total);
    let below = 0;
    const step = steps.find(([weight]) => {
      below += weight;
      return roll < below;
    }) as (typeof steps)[number];
    await step[1]();
  }
  return log;
}
