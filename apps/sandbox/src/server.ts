import { serve } from "@mca/pipeline/node";
import { loadBundledSpec } from "@mca/spec";
import type { Database } from "./core/db/database.js";
import { createSandboxCore, type SandboxCoreOptions } from "./core/sandbox-pipeline.js";
import type { OrganizationCredentials } from "./core/store/organizations.js";
import { type DatabaseOptions, openDatabase } from "./db/open-database.js";

export interface SandboxOptions extends DatabaseOptions, Omit<SandboxCoreOptions, "db" | "document" | "log"> {
  host?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
  /** The bundled spec (JSON) the sandbox implements and validates against. Default: the one @mca/spec ships. */
  specPath?: string;
}

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

/**
 * Starts the sandbox on node:http: opens and migrates the database (PGlite in memory or in a folder, or
 * PostgreSQL), and serves the transport-free core's pipeline through the one node:http adapter.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const document = loadBundledSpec(options.specPath);
  const db = await openDatabase(options);
  try {
    const { pipeline, hosts, guests } = await createSandboxCore({
      ...options,
      db,
      document,
      log: (line) => process.stderr.write(`mca-sandbox: ${line}\n`),
    });
    const served = await serve(pipeline.answer, {
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 4020,
      log: (line) => process.stderr.write(`mca-sandbox: ${line}\n`),
    });
    const [host, guest] = [hosts[0], guests[0]] as [OrganizationCredentials, OrganizationCredentials];
    return {
      url: served.url,
      host,
      guest,
      hosts,
      guests,
      db,
      stop: async () => {
        await served.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
