import { isObject, type Json, parseApiDateTime } from "@mca/spec";
import { type OperationId, REQUESTER_ORGANIZATION_HEADER } from "@mca/types";
import type { Caller, CheckContext, Exchange } from "../checks/check.js";
import { type Call, type FlowRequest, requestAs } from "../checks/stateful/flow-requests.js";

/** A connection as its guest reads it (`GET /host-connections/{host_org_id}`). */
export type ListItem = Record<string, Json>;

export const WRITE_RULES = [
  "other rows unchanged",
  "frozen fields unchanged",
  "target as predicted",
] as const;
export type WriteRule = (typeof WRITE_RULES)[number];

/** What a write does to the connections the suite tracks. */
type Effect =
  | { kind: "read" }
  /** A write that sets no connection field (an invitation, a token): every connection stays as it was. */
  | { kind: "none" }
  | { kind: "archive"; host: string; guest: string; archived: boolean }
  | { kind: "connect"; host: string; guest: string };

const requester = (request: FlowRequest) => request.headers[REQUESTER_ORGANIZATION_HEADER] ?? "";
const bodyField = (request: FlowRequest, name: string) =>
  isObject(request.body) ? request.body[name] : undefined;

/** Every operation of the spec, with what it writes: a new operation does not compile until it says. */
const EFFECTS: Record<OperationId, (request: FlowRequest) => Effect> = {
  listHostConnections: () => ({ kind: "read" }),
  getHostConnection: () => ({ kind: "read" }),
  createToken: () => ({ kind: "none" }),
  createGuestInvitation: () => ({ kind: "none" }),
  createHostConnection: (request) => ({
    kind: "connect",
    host: String(bodyField(request, "host_organization_id")),
    guest: requester(request),
  }),
  updateGuestConnection: (request) => ({
    kind: "archive",
    host: requester(request),
    guest: request.pathParams.guest_org_id ?? "",
    archived: bodyField(request, "archived") === true,
  }),
};

/** Fields only the suite's own writes set; every other field is learned from the first read and frozen. */
const SET_BY: Record<"archive" | "connect", readonly string[]> = {
  archive: ["archived", "archived_at", "updated_at"],
  connect: ["status", "archived", "archived_at", "updated_at"],
};

const keyOf = (host: string, guest: string) => `${host.toLowerCase()} ${guest.toLowerCase()}`;
const instant = (value: Json | undefined) =>
  typeof value === "string" ? parseApiDateTime(value)?.epochMs : undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same value as a server may write it twice: null or left out, one instant, one uuid in any case. */
function same(a: Json | undefined, b: Json | undefined): boolean {
  if ((a ?? null) === null || (b ?? null) === null) return (a ?? null) === (b ?? null);
  if (typeof a === "string" && typeof b === "string") {
    if (a === b) return true;
    if (UUID.test(a) && UUID.test(b)) return a.toLowerCase() === b.toLowerCase();
    const [x, y] = [instant(a), instant(b)];
    return x !== undefined && x === y;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed between two reads of a row, field by field (all fields, or only `keys`). */
function changes(before: ListItem, after: ListItem, keep: (field: string) => boolean = () => true): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(keep);
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map(
      (field) =>
        `${field} ${JSON.stringify(before[field] ?? null)} → ${JSON.stringify(after[field] ?? null)}`,
    );
}

interface Pair {
  host: Caller;
  guest: Caller;
}

/**
 * The connections between the run's test organizations, as the suite's own actions say they must be. Fields no
 * write sets (names, emails, created_at) are learned from the first read, before any write, and frozen; the
 * fields a write sets are predicted from it. After every write, every row of this run (never another's: a shared
 * server has other data) is read again: a write that changed anything but its target breaks a rule, and the
 * model keeps the prediction, so the damage never becomes the expected state.
 */
export class ConnectionModel {
  private readonly rows = new Map<string, ListItem | undefined>();
  private learning: Promise<void> | undefined;
  private readonly found: Array<{ rule: WriteRule; reason: string }> = [];
  private readonly judgedRules = new Set<WriteRule>();
  /**
   * Whether the guest's view of a connection follows the host's archive: the spec does not say it does, and no
   * operation sets a guest-side flag, so the first archive that changes the state says which server this is
   * (one flag, or two), and every later one is held to it.
   */
  private guestArchive: "follows the host's" | "separate" | undefined;

  constructor(private readonly context: CheckContext) {}

  private pairs(): Pair[] {
    return this.context.hosts.flatMap((host) => this.context.guests.map((guest) => ({ host, guest })));
  }

  /** The connection as the model says it is now, or undefined when there is none. */
  row(host: Caller, guest: Caller): ListItem | undefined {
    return this.rows.get(keyOf(host.organizationId, guest.organizationId));
  }

  /** Rule violations seen so far, in order. */
  violations(): ReadonlyArray<{ rule: WriteRule; reason: string }> {
    return this.found;
  }

  /** True once an archive left the guest's view unchanged: the guest's flag is its own, and nothing sets it. */
  guestArchiveIsSeparate(): boolean {
    return this.guestArchive === "separate";
  }

  /** The rules some write so far could have broken. */
  judged(rule: WriteRule): boolean {
    return this.judgedRules.has(rule);
  }

  private name(organizationId: string): string {
    const id = organizationId.toLowerCase();
    const host = this.context.hosts.findIndex((caller) => caller.organizationId.toLowerCase() === id);
    const guest = this.context.guests.findIndex((caller) => caller.organizationId.toLowerCase() === id);
    return host >= 0 ? `host ${host + 1}` : guest >= 0 ? `guest ${guest + 1}` : organizationId;
  }

  /** `PATCH /guest-connections/guest 2 {"archived":true} by host 1 (200)`: the write, in the run's names. */
  private describe(request: FlowRequest, status: number): string {
    const path = request.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
      this.name(request.pathParams[name] ?? name),
    );
    const body = request.body === undefined ? "" : ` ${JSON.stringify(request.body)}`;
    return `${request.method} ${path}${body} by ${this.name(requester(request))} (${status})`;
  }

  private rowName({ host, guest }: Pair): string {
    return `the connection of ${this.name(guest.organizationId)} to ${this.name(host.organizationId)}`;
  }

  /** The guest's read of a pair: the row, or undefined when the server says there is none (a 4xx). */
  private async read(call: Call, { host, guest }: Pair): Promise<ListItem | undefined> {
    const { response } = await call(
      requestAs(this.context, guest, "getHostConnection", {
        pathParams: { host_org_id: host.organizationId },
      }),
    );
    return response.status === 200 && isObject(response.json) ? response.json : undefined;
  }

  /** The first read of every pair, once, before the first write. */
  private learn(call: Call): Promise<void> {
    this.learning ??= (async () => {
      const pairs = this.pairs();
      const rows = await Promise.all(pairs.map((pair) => this.read(call, pair)));
      for (const [index, { host, guest }] of pairs.entries())
        this.rows.set(keyOf(host.organizationId, guest.organizationId), rows[index]);
    })();
    return this.learning;
  }

  private violated(rule: WriteRule, reason: string): void {
    this.found.push({ rule, reason });
  }

  /** Sends a request; a write is followed by a read of every row of this run, judged against the model. */
  async send(call: Call, request: FlowRequest): Promise<Exchange> {
    const effect = EFFECTS[request.operationId](request);
    if (effect.kind === "read") return call(request);
    await this.learn(call);
    const exchanged = await call(request);
    const { status } = exchanged.response;
    const write = this.describe(request, status);
    const succeeded = status >= 200 && status < 300;
    const target = succeeded && effect.kind !== "none" ? keyOf(effect.host, effect.guest) : undefined;
    const pairs = this.pairs();
    const reads = await Promise.all(pairs.map((pair) => this.read(call, pair)));
    pairs.forEach((pair, index) => {
      const key = keyOf(pair.host.organizationId, pair.guest.organizationId);
      const before = this.rows.get(key);
      const after = reads[index];
      if (key === target && (effect.kind === "archive" || effect.kind === "connect"))
        this.rows.set(key, this.judgeTarget(effect, before, after, `${write}: ${this.rowName(pair)}`));
      else this.judgeUntouched(before, after, `${write} changed ${this.rowName(pair)}`);
    });
    return exchanged;
  }

  /** A row the write did not target reads as it did; the model keeps it as it was. */
  private judgeUntouched(before: ListItem | undefined, after: ListItem | undefined, where: string): void {
    if (before !== undefined) this.judgedRules.add("other rows unchanged");
    if (before === undefined && after === undefined) return;
    if (before === undefined || after === undefined) {
      this.violated(
        "other rows unchanged",
        `${where}: it ${before === undefined ? "appeared" : "can no longer be read"}`,
      );
      return;
    }
    const changed = changes(before, after);
    if (changed.length > 0) this.violated("other rows unchanged", `${where}: ${changed.join(", ")}`);
  }

  /** The target reads as predicted: its frozen fields as they were, the fields the write sets as it set them. */
  private judgeTarget(
    effect: Extract<Effect, { kind: "archive" | "connect" }>,
    before: ListItem | undefined,
    after: ListItem | undefined,
    where: string,
  ): ListItem | undefined {
    this.judgedRules.add("target as predicted");
    const predicted = (holds: boolean, why: string) => {
      if (!holds) this.violated("target as predicted", `${where}: ${why}`);
    };
    if (after === undefined) {
      predicted(false, "it cannot be read after the write succeeded");
      return before;
    }
    if (before === undefined) {
      predicted(effect.kind === "connect", "archiving created a connection that did not exist");
      if (effect.kind !== "connect") return undefined;
      predicted(
        after.status === "connected",
        `a new connection is "connected", not ${JSON.stringify(after.status)}`,
      );
      // the first read of a new connection: what it says is learned, and frozen from now on
      return after;
    }
    this.judgedRules.add("frozen fields unchanged");
    const setHere = SET_BY[effect.kind];
    const frozen = changes(before, after, (field) => !setHere.includes(field));
    if (frozen.length > 0) this.violated("frozen fields unchanged", `${where}: ${frozen.join(", ")}`);
    const next: ListItem = { ...before };
    const [was, now] = [instant(before.updated_at), instant(after.updated_at)];
    predicted(
      was === undefined || (now !== undefined && now >= was),
      `updated_at went back: ${JSON.stringify(before.updated_at)} → ${JSON.stringify(after.updated_at)}`,
    );
    if (now !== undefined && (was === undefined || now >= was)) next.updated_at = after.updated_at as Json;
    if (effect.kind === "connect") {
      predicted(after.status === "connected", `after connecting, status is ${JSON.stringify(after.status)}`);
      return {
        ...next,
        status: "connected",
        archived: after.archived ?? false,
        archived_at: after.archived_at ?? null,
      };
    }
    if (before.archived !== effect.archived)
      this.guestArchive ??= same(after.archived, before.archived) ? "separate" : "follows the host's";
    if (this.guestArchive === "separate") {
      predicted(
        same(after.archived, before.archived) && same(after.archived_at, before.archived_at),
        `the guest's archived ${JSON.stringify(before.archived)} → ${JSON.stringify(after.archived)}, archived_at ${JSON.stringify(before.archived_at ?? null)} → ${JSON.stringify(after.archived_at ?? null)} after archived: ${effect.archived}, though an earlier archive left the guest's view as it was`,
      );
      return next;
    }
    predicted(
      after.archived === effect.archived,
      `archived is ${JSON.stringify(after.archived)} after archived: ${effect.archived}`,
    );
    next.archived = effect.archived;
    if (!effect.archived) {
      predicted(
        (after.archived_at ?? null) === null,
        `archived_at is ${JSON.stringify(after.archived_at)} after unarchiving`,
      );
      next.archived_at = null;
    } else if (before.archived === true) {
      predicted(
        same(before.archived_at, after.archived_at),
        `archiving again moved archived_at ${JSON.stringify(before.archived_at)} → ${JSON.stringify(after.archived_at)}`,
      );
    } else {
      predicted(
        instant(after.archived_at) !== undefined,
        `archived_at is ${JSON.stringify(after.archived_at)} after archiving`,
      );
      next.archived_at = instant(after.archived_at) === undefined ? null : (after.archived_at as Json);
    }
    return next;
  }
}

const models = new WeakMap<CheckContext, ConnectionModel>();

/** The model of this run's connections (one per context, shared by every stateful check). */
export function connectionModel(context: CheckContext): ConnectionModel {
  let model = models.get(context);
  if (!model) {
    model = new ConnectionModel(context);
    models.set(context, model);
  }
  return model;
}

/** `call`, with every write followed by the model's re-read of this run's rows. */
export function trackWrites(context: CheckContext, call: Call): Call {
  const model = connectionModel(context);
  return (request) => model.send(call, request);
}
