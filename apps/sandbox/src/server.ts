import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createRequestValidator,
  createRouter,
  createSpecValidator,
  HttpError,
  listOperations,
  loadBundledSpec,
  parseTarget,
  readBody,
  sendJson,
} from "@mca/spec";
import { authenticate, authorizeOrganizations } from "./auth/authenticate.js";
import { createTokenIssuer } from "./auth/tokens.js";
import type { Database } from "./db/database.js";
import { type DatabaseOptions, openDatabase } from "./db/open-database.js";
import { applyCors, type CorsOrigins } from "./http/cors.js";
import { nulProblems } from "./http/refuse-nul.js";
import { ADMIN_ORGANIZATIONS_PATH, createOrganizationRoute } from "./routes/admin.js";
import type { ValidRequest } from "./routes/handler.js";
import { isOperationId, runHandler } from "./routes/registry.js";
import { type OrganizationCredentials, seedOrganizations } from "./store/organizations.js";

export interface SandboxOptions extends DatabaseOptions {
  host?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
  /** The bundled spec (JSON) the sandbox implements and validates against. Default: the one @mca/spec ships. */
  specPath?: string;
  tokenLifetimeSeconds?: number;
  /** The clock, for tests of expiry. */
  now?: () => Date;
  /** Serve the admin route (`/_sandbox/organizations`, loopback clients only). Default true. */
  admin?: boolean;
  /** Origins whose pages may call the sandbox (CORS). Default "local": any localhost / 127.0.0.1 origin. */
  corsOrigins?: CorsOrigins;
  /** The HS256 key; a cluster's workers share one. Default: random per start. */
  tokenSecret?: Buffer;
}

const isLoopback = (address: string | undefined) =>
  address === "::1" || /^(::ffff:)?127\./.test(address ?? "");

export interface Sandbox {
  url: string;
  /** The first seeded host and guest. */
  host: OrganizationCredentials;
  guest: OrganizationCredentials;
  /** Every seeded host (4) and guest (2), for suites that need several test organizations. */
  hosts: OrganizationCredentials[];
  guests: OrganizationCredentials[];
  db: Database;
  stop(): Promise<void>;
}

/** Starts the sandbox: opens and migrates the database, seeds the host and guest, and serves every operation of the spec. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const document = loadBundledSpec(options.specPath);
  const operations = listOperations(document);
  // a spec given at run time may name operations the registry (typed from the generated spec) does not know
  const unknown = operations.filter((operation) => !isOperationId(operation.operationId));
  if (unknown.length > 0)
    throw new Error(
      `the sandbox implements no handler for ${unknown.map((operation) => operation.label).join(", ")}`,
    );
  const validateRequest = createRequestValidator(document, createSpecValidator(document));
  const router = createRouter(operations);
  const now = options.now ?? (() => new Date());
  const tokens = createTokenIssuer(options.tokenLifetimeSeconds ?? 3600, now, options.tokenSecret);

  const db = await openDatabase(options);
  const { hosts, guests } = await seedOrganizations(db);
  const [host, guest] = [hosts[0], guests[0]] as [OrganizationCredentials, OrganizationCredentials];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (applyCors(request, response, options.corsOrigins ?? "local")) return;
    const url = parseTarget(request, response);
    if (!url) return;
    const bodyText = await readBody(request);
    if (url.pathname === ADMIN_ORGANIZATIONS_PATH && options.admin !== false) {
      if (request.method !== "POST")
        throw new HttpError(405, [{ loc: [], msg: "Method Not Allowed", type: "request" }], {
          allow: "POST",
        });
      if (!isLoopback(request.socket.remoteAddress))
        throw new HttpError(403, [
          { loc: [], msg: "The admin route answers loopback clients only", type: "authorization" },
        ]);
      sendJson(response, 201, await createOrganizationRoute(db, bodyText));
      return;
    }
    const route = router.match(request.method ?? "GET", url.pathname);
    if (route.kind === "not-found") return sendJson(response, 404, { detail: "Not Found" });
    if (route.kind === "method-not-allowed")
      return sendJson(response, 405, { detail: "Method Not Allowed" }, { allow: route.allow.join(", ") });
    const { operation } = route;
    const tokenOrganization = operation.secured ? authenticate(request.headers, tokens) : "";
    const validated = validateRequest(operation, {
      pathParams: route.pathParams,
      searchParams: url.searchParams,
      headers: request.headers,
      bodyText,
    });
    const nul = nulProblems(validated);
    if (nul.length > 0) throw new HttpError(422, nul);
    if (operation.secured) authorizeOrganizations(validated.headers, tokenOrganization);
    if (!isOperationId(operation.operationId)) throw new Error(`no handler for ${operation.label}`);
    const body = await runHandler(operation.operationId, {
      db,
      request: validated as unknown as ValidRequest<typeof operation.operationId>,
      organizationId: tokenOrganization,
      now: now(),
      issueToken: tokens.issue,
    });
    sendJson(response, 200, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendJson(response, error.status, { detail: error.detail }, error.headers);
        return;
      }
      process.stderr.write(
        `mca-sandbox: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      if (!response.headersSent)
        sendJson(response, 500, {
          detail: [{ loc: [], msg: "Internal Server Error", type: "server_error" }],
        });
    });
  });
  server.listen(options.port ?? 4020, options.host ?? "127.0.0.1");
  try {
    await once(server, "listening");
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    host,
    guest,
    hosts,
    guests,
    db,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
