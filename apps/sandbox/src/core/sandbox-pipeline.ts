import {
  type Answer,
  type CorsOrigins,
  createPipeline,
  HttpError,
  jsonAnswer,
  type Pipeline,
} from "@mca/pipeline";
import { type JsonObject, listOperations } from "@mca/spec/core";
import { createTokenIssuer } from "./auth/tokens.js";
import type { Database } from "./db/database.js";
import { ADMIN_ORGANIZATIONS_PATH, createOrganizationRoute } from "./routes/admin.js";
import type { ValidRequest } from "./routes/handler.js";
import { isOperationId, runHandler } from "./routes/registry.js";
import { cryptoRandom, replayable, seededRandom } from "./seeded-random.js";
import { type OrganizationCredentials, seedOrganizations } from "./store/organizations.js";

export interface SandboxCoreOptions {
  /** A migrated database (`migrate`): PGlite in memory or on disk, or PostgreSQL. */
  db: Database;
  /** The bundled spec the sandbox implements and validates against. */
  document: JsonObject;
  tokenLifetimeSeconds?: number;
  /** The clock, for tests of expiry. */
  now?: () => Date;
  /** Serve the admin route (`/_sandbox/organizations`, callers on this machine only). Default true. */
  admin?: boolean;
  /** Origins whose pages may call the sandbox (CORS). Default "local": any localhost / 127.0.0.1 origin. */
  corsOrigins?: CorsOrigins;
  /** The HS256 key. Default: random per start. */
  tokenSecret?: Uint8Array;
  /** Where an unexpected error (a 500) is told. Default: console.error. */
  log?: (line: string) => void;
  /**
   * Seeds the organizations' ids and credentials from this number: sandboxes started with the same seed (this core
   * in process, or `mca-sandbox --seed`) have the same organizations. Default: crypto-random.
   */
  seed?: number;
}

export interface SandboxCore {
  /** Every request of the sandbox, as `(Request) => Promise<Response>` and as the transport-free answer. */
  pipeline: Pipeline;
  /** Every seeded host (4) and guest (2), for suites that need several test organizations. */
  hosts: OrganizationCredentials[];
  guests: OrganizationCredentials[];
  /**
   * Empties every table and seeds the same organizations again (same ids and credentials, so tokens issued before
   * stay valid): what a test runner calls between tests.
   */
  reset(): Promise<void>;
}

/** Every table the sandbox writes, children first; a reset empties them (schema_migrations stays). */
const DATA_TABLES = ["connections", "guest_invitations", "api_clients", "organizations"];

const isLoopback = (address: string) => address === "::1" || /^(::ffff:)?127\./.test(address);

/**
 * The sandbox without a transport: seeds the organizations, and composes the one request pipeline with the
 * sandbox's handlers, its tokens and its admin route. Imports no `node:` module, so that it runs in process
 * (MSW, a `fetch` function, a browser) exactly as behind the node:http adapter.
 */
export async function createSandboxCore(options: SandboxCoreOptions): Promise<SandboxCore> {
  const { db, document } = options;
  // a spec given at run time may name operations the registry (typed from the generated spec) does not know
  const unknown = listOperations(document).filter((operation) => !isOperationId(operation.operationId));
  if (unknown.length > 0)
    throw new Error(
      `the sandbox implements no handler for ${unknown.map((operation) => operation.label).join(", ")}`,
    );
  const now = options.now ?? (() => new Date());
  const tokens = await createTokenIssuer(options.tokenLifetimeSeconds ?? 3600, now, options.tokenSecret);
  const random = replayable(options.seed === undefined ? cryptoRandom : seededRandom(options.seed));
  const { hosts, guests } = await seedOrganizations(db, random);
  const log = options.log ?? ((line: string) => console.error(`mca-sandbox: ${line}`));

  const adminRoute = {
    path: ADMIN_ORGANIZATIONS_PATH,
    method: "POST",
    async handle(incoming: { remoteAddress: string | undefined }, bodyText: string): Promise<Answer> {
      // a caller in this process (no address) or on this machine; nobody else creates organizations
      if (incoming.remoteAddress !== undefined && !isLoopback(incoming.remoteAddress))
        throw new HttpError(403, [
          { loc: [], msg: "The admin route answers loopback clients only", type: "authorization" },
        ]);
      return jsonAnswer(201, await createOrganizationRoute(db, bodyText));
    },
  };

  const pipeline = createPipeline({
    document,
    cors: options.corsOrigins ?? "local",
    verifyToken: async (token) => {
      const claims = await tokens.verify(token);
      return typeof claims === "string" ? claims : { organizationId: claims.org };
    },
    extraRoutes: options.admin === false ? [] : [adminRoute],
    async handle({ operation, request, principal }) {
      if (!isOperationId(operation.operationId)) throw new Error(`no handler for ${operation.label}`);
      const body = await runHandler(operation.operationId, {
        db,
        request: request as unknown as ValidRequest<typeof operation.operationId>,
        organizationId: principal.organizationId ?? "",
        now: now(),
        issueToken: tokens.issue,
      });
      return jsonAnswer(200, body);
    },
    unexpected: {
      status: 500,
      detail: { loc: [], msg: "Internal Server Error", type: "server_error" },
      log,
    },
  });
  return {
    pipeline,
    hosts,
    guests,
    async reset() {
      await db.exec(`TRUNCATE ${DATA_TABLES.join(", ")}`);
      await seedOrganizations(db, random.replay());
    },
  };
}
