import { createRouter, type RouteMatch } from "@mca/pipeline";
import {
  createSandboxCore,
  createTokenIssuer,
  type OrganizationCredentials,
  putConnection,
} from "@mca/sandbox/core";
import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  type Operation,
  responseSchemaPointer,
} from "@mca/spec/core";
import bundledSpec from "@mca/spec/openapi.json" with { type: "json" };
import type { OperationId } from "@mca/types";
import { type HttpHandler, HttpResponse, http } from "msw";
import { DEFAULT_SANDBOX_BASE_URL, normaliseBaseUrl, toPipelineRequest } from "./base-url.js";
import { type ConnectionSeed, connectionRow } from "./connection-factory.js";
import { faultAnswer, type Scenario, type UseOptions } from "./scenarios.js";
import { assertMatchesSpec, schemaPointer } from "./schema-check.js";
import { openMigratedDatabase } from "./snapshot.js";

export interface CreateSandboxOptions {
  /**
   * The seeded organizations' ids and credentials come from this number: `mca-sandbox --seed N` seeds the same
   * ones. Default: a random seed per sandbox.
   */
  seed?: number;
  /** Where the sandbox answers. Default `https://sandbox.mca.invalid/v1-beta`, a host that never resolves. */
  baseUrl?: string;
  /** The clock (timestamps and token expiry). */
  now?: () => Date;
  /** Default 3600, as the API's tokens. */
  tokenLifetimeSeconds?: number;
}

export interface InProcessSandbox {
  /** The base URL its handlers answer, for `createClient({ baseUrl })`. */
  readonly baseUrl: string;
  /** For msw 2.x: `setupServer(...sandbox.handlers)` in Node, `setupWorker(...sandbox.handlers)` in a browser. */
  readonly handlers: HttpHandler[];
  /** The sandbox as a fetch function, for runners that are not MSW: `createClient({ fetch })`, `page.route`. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** The seeded hosts (4) and guests (2), with their API credentials; `host` and `guest` are the first of each. */
  readonly hosts: readonly OrganizationCredentials[];
  readonly guests: readonly OrganizationCredentials[];
  readonly host: OrganizationCredentials;
  readonly guest: OrganizationCredentials;
  /** A bearer token of the organization, through the sandbox's real `POST /oauth2/token`. */
  token(organization: OrganizationCredentials): Promise<string>;
  /** Data no operation can create, put in place: checked against the spec's schemas. */
  readonly seed: { connection(seed: ConnectionSeed): Promise<void> };
  /** Overrides one operation (until `reset()`, or for `times` calls): a documented answer or a fault. */
  use<Id extends OperationId>(operationId: Id, scenario: Scenario<Id>, options?: UseOptions): void;
  /** Empties the data (the seeded organizations stay, with the same credentials) and drops every `use`. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

interface ActiveScenario {
  scenario: Scenario<OperationId>;
  remaining: number;
}

const DROPPED = Symbol("dropped connection");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The stateful sandbox in this process: the same handlers, validation and store (PGlite, loaded from a snapshot)
 * as `mca-sandbox` behind node:http, answered through MSW handlers or a fetch function. No port, no process.
 */
export async function createSandbox(options: CreateSandboxOptions = {}): Promise<InProcessSandbox> {
  const base = normaliseBaseUrl(options.baseUrl ?? DEFAULT_SANDBOX_BASE_URL);
  const baseUrl = base.href.replace(/\/$/, "");
  const document = bundledSpec as unknown as JsonObject;
  const operations = listOperations(document);
  const router = createRouter(operations);
  const validator = createSpecValidator(document);
  const now = options.now ?? (() => new Date());
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const tokenSecret = crypto.getRandomValues(new Uint8Array(32));
  // signs with the sandbox's key, on a clock far enough back that every token it issues has expired
  const expiredTokens = await createTokenIssuer(
    lifetime,
    () => new Date(now().getTime() - (lifetime + 60) * 1000),
    tokenSecret,
  );

  const db = await openMigratedDatabase();
  const core = await createSandboxCore({
    db,
    document,
    seed: options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0],
    now,
    tokenLifetimeSeconds: lifetime,
    tokenSecret,
  }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const byOperation = new Map<string, ActiveScenario[]>();

  const operationOf = (request: Request): Operation | undefined => {
    let match: RouteMatch;
    try {
      match = router.match(request.method, new URL(request.url).pathname);
    } catch {
      return undefined;
    }
    return match.operation;
  };

  const takeScenario = (operation: Operation) => {
    const active = byOperation.get(operation.operationId)?.find((entry) => entry.remaining > 0);
    if (active) active.remaining -= 1;
    return active?.scenario;
  };

  async function withExpiredToken(request: Request): Promise<Request> {
    const organizationId = request.headers.get("requester-organization-id") ?? "";
    const headers = new Headers(request.headers);
    const { access_token } = await expiredTokens.issue("sandbox-expired", organizationId);
    headers.set("authorization", `Bearer ${access_token}`);
    const body = request.method === "GET" ? undefined : await request.arrayBuffer();
    return new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
  }

  async function answer(incoming: Request): Promise<Response | typeof DROPPED | undefined> {
    let request = await toPipelineRequest(incoming, base);
    if (!request) return undefined;
    const operation = operationOf(request);
    const scenario = operation && takeScenario(operation);
    if (scenario && "status" in scenario)
      return new Response(JSON.stringify(scenario.body), {
        status: scenario.status,
        headers: { "content-type": "application/json", ...scenario.headers },
      });
    if (scenario) {
      switch (scenario.fault) {
        case "dropped-connection":
          return DROPPED;
        case "rate-limited":
        case "unavailable":
          return faultAnswer(scenario);
        case "latency":
          await sleep(scenario.ms);
          break;
        case "expired-token":
          request = await withExpiredToken(request);
          break;
      }
    }
    return await core.pipeline.fetch(request);
  }

  const notUnderBase = (request: Request) =>
    new TypeError(`sandbox.fetch: ${request.url} is not under the sandbox's base URL ${baseUrl}`);

  const sandboxFetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const answered = await answer(request);
    if (answered === undefined) throw notUnderBase(request);
    // what fetch does when the socket is reset before an answer
    if (answered === DROPPED) throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
    return answered;
  };

  const handlers = [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const answered = await answer(request);
      if (answered === DROPPED) return HttpResponse.error();
      return answered;
    }),
  ];

  const host = core.hosts[0] as OrganizationCredentials;
  const guest = core.guests[0] as OrganizationCredentials;

  return {
    baseUrl,
    handlers,
    fetch: sandboxFetch,
    hosts: core.hosts,
    guests: core.guests,
    host,
    guest,
    async token(organization) {
      const response = await core.pipeline.fetch(
        new Request(new URL("/oauth2/token", base.origin), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            client_id: organization.clientId,
            client_secret: organization.clientSecret,
          }),
        }),
      );
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || typeof body.access_token !== "string")
        throw new Error(
          `sandbox.token: POST /oauth2/token answered ${response.status} ${JSON.stringify(body)}`,
        );
      return body.access_token;
    },
    seed: {
      async connection(seed) {
        await putConnection(db, connectionRow(seed, { document, validator }, now()));
      },
    },
    use(operationId, scenario, useOptions = {}) {
      const operation = operations.find((candidate) => candidate.operationId === operationId);
      if (!operation) throw new TypeError(`sandbox.use: no operation ${operationId} in the spec`);
      if ("status" in scenario) {
        const pointer = responseSchemaPointer(document, operation.path, operation.method, scenario.status);
        if (!pointer)
          throw new TypeError(
            `sandbox.use(${operationId}): the spec documents no ${scenario.status} answer; use faults for others`,
          );
        assertMatchesSpec(
          `sandbox.use(${operationId}): the ${scenario.status} body`,
          validator.validate(pointer, scenario.body),
          schemaPointer(document, pointer),
        );
      }
      const times = useOptions.times ?? Number.POSITIVE_INFINITY;
      if (!(times >= 1)) throw new RangeError(`sandbox.use: times must be at least 1, got ${times}`);
      const list = byOperation.get(operationId) ?? [];
      list.push({ scenario: scenario as Scenario<OperationId>, remaining: times });
      byOperation.set(operationId, list);
    },
    async reset() {
      byOperation.clear();
      await core.reset();
    },
    close: () => db.close(),
  };
}
