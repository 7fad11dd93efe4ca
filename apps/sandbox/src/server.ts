import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  type Operation,
  pathTemplatePattern,
} from "@mca/validation";
import { signToken, verifyToken } from "./auth/jwt.js";
import type { Database } from "./db/database.js";
import { type DatabaseOptions, openDatabase } from "./db/open-database.js";
import { forbidden, HttpError, unauthorized } from "./http/errors.js";
import { RawJson } from "./http/raw-json.js";
import { createRequestValidator } from "./http/request-validator.js";
import { ADMIN_ORGANIZATIONS_PATH, createOrganizationRoute } from "./routes/admin.js";
import { HANDLERS } from "./routes/index.js";
import { type Identity, seedIdentities } from "./store/organizations.js";

export interface SandboxOptions extends DatabaseOptions {
  host?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
  /** The bundled spec (JSON) the sandbox implements and validates against. */
  specPath?: string;
  tokenLifetimeSeconds?: number;
  /** The clock, for tests of expiry. */
  now?: () => Date;
}

export interface Sandbox {
  url: string;
  host: Identity;
  guest: Identity;
  db: Database;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const REQUESTER = "requester-organization-id";
const TARGET = "target-organization-id";

interface Route {
  operation: Operation;
  pattern: RegExp;
  names: string[];
}

function routesOf(operations: Operation[]): Route[] {
  return operations.map((operation) => ({ operation, ...pathTemplatePattern(operation.path) }));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, [{ loc: ["body"], msg: "Request body too large", type: "too_large" }]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body instanceof RawJson ? body.text : JSON.stringify(body);
  response
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}

/** Starts the sandbox: opens and migrates the database, seeds the host and guest, and serves every operation of the spec. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const specPath = options.specPath ?? createRequire(import.meta.url).resolve("@mca/openapi/openapi.json");
  const document = JSON.parse(readFileSync(specPath, "utf8")) as JsonObject;
  const operations = listOperations(document);
  const missing = operations.filter((operation) => !HANDLERS[operation.operationId]);
  if (missing.length > 0)
    throw new Error(
      `the sandbox implements no handler for ${missing.map((operation) => operation.label).join(", ")}`,
    );
  const validateRequest = createRequestValidator(document, createSpecValidator(document));
  const routes = routesOf(operations);
  const now = options.now ?? (() => new Date());
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  // a per-start secret: tokens from an earlier run stop working, as a rotated key would
  const secret = randomBytes(32);

  const db = await openDatabase(options);
  const { host, guest } = await seedIdentities(db);

  const issueToken = (clientId: string, organizationId: string) => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    return {
      access_token: signToken(
        { sub: clientId, org: organizationId, iat: issuedAt, exp: issuedAt + lifetime },
        secret,
      ),
      expires_in: lifetime,
    };
  };

  function authenticate(request: IncomingMessage): string {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!header) throw unauthorized("Not authenticated", "token_missing");
    if (!match) throw unauthorized("Invalid authentication credentials", "token_malformed");
    const claims = verifyToken(match[1] as string, secret, Math.floor(now().getTime() / 1000));
    if (typeof claims === "string") throw unauthorized(`Token is ${claims}`, `token_${claims}`);
    return claims.org;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sandbox");
    const bodyText = await readBody(request);
    if (url.pathname === ADMIN_ORGANIZATIONS_PATH) {
      if (request.method !== "POST")
        throw new HttpError(405, [{ loc: [], msg: "Method Not Allowed", type: "request" }], {
          allow: "POST",
        });
      send(response, 201, await createOrganizationRoute(db, bodyText));
      return;
    }
    const candidates = routes
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .filter(({ match }) => match);
    if (candidates.length === 0) return send(response, 404, { detail: "Not Found" });
    const found = candidates.find(({ route }) => route.operation.method === request.method);
    if (!found?.match) {
      return send(
        response,
        405,
        { detail: "Method Not Allowed" },
        { allow: candidates.map(({ route }) => route.operation.method).join(", ") },
      );
    }
    const { operation, names } = found.route;
    const tokenOrganization = operation.secured ? authenticate(request) : "";
    const pathParams = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(found.match?.[index + 1] ?? "")]),
    );
    const validated = validateRequest(operation, {
      pathParams,
      searchParams: url.searchParams,
      headers: request.headers,
      bodyText,
    });
    if (operation.secured) {
      const requester = request.headers[REQUESTER];
      if (requester !== tokenOrganization)
        throw forbidden(
          "Requester-Organization-ID is not the organization of the token",
          "requester_mismatch",
        );
      // every operation of the spec is Self-only in the docs' scenario tables
      if (request.headers[TARGET] !== requester)
        throw forbidden("This operation only acts on the requester's own organization", "target_not_allowed");
    }
    const handler = HANDLERS[operation.operationId];
    const body = await handler?.({
      db,
      request: validated,
      organizationId: tokenOrganization,
      now: now(),
      issueToken,
    });
    send(response, 200, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        send(response, error.status, { detail: error.detail }, error.headers);
        return;
      }
      process.stderr.write(
        `mca-sandbox: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      if (!response.headersSent)
        send(response, 500, { detail: [{ loc: [], msg: "Internal Server Error", type: "server_error" }] });
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
    db,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
