#!/usr/bin/env node
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { OrganizationCredentials } from "./core/store/organizations.js";
import { type SandboxOptions, startSandbox } from "./server.js";

const USAGE = `Usage: mca-sandbox [--host H] [--port P] [--data-dir DIR] [--identities-out FILE] [--no-admin] [--cors-origin O] [--seed N]
  --no-admin: no /_sandbox/organizations route (it answers loopback clients only in any case)
  --cors-origin O (repeatable; env SANDBOX_CORS_ORIGINS, comma-separated; "*" for any): pages that may call it,
    default any http://localhost or http://127.0.0.1 origin
  --seed N (0-4294967295): the seeded organizations' ids and credentials from N (createSandbox({ seed }) in
    process seeds the same ones); default crypto-random
  Storage: PGlite in memory, or in --data-dir; PostgreSQL when DATABASE_URL is set.
  env: SANDBOX_HOST (127.0.0.1), SANDBOX_PORT (4020), DATABASE_URL, SANDBOX_READ_CACHE (on|off)`;

function fail(message: string): never {
  process.stderr.write(`mca-sandbox: ${message}\n`);
  process.exit(2);
}

let values: {
  host: string;
  port: string;
  "data-dir"?: string;
  "identities-out"?: string;
  "no-admin": boolean;
  "cors-origin"?: string[];
  seed?: string;
  help: boolean;
};
try {
  values = parseArgs({
    options: {
      host: { type: "string", default: process.env.SANDBOX_HOST ?? "127.0.0.1" },
      port: { type: "string", default: process.env.SANDBOX_PORT ?? "4020" },
      "data-dir": { type: "string" },
      "identities-out": { type: "string" },
      "no-admin": { type: "boolean", default: false },
      "cors-origin": { type: "string", multiple: true },
      seed: { type: "string" },
      help: { type: "boolean", default: false },
    },
  }).values as typeof values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be 0-65535, got "${values.port}"`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !(/^\d+$/.test(values.seed ?? "") && seed <= 0xffff_ffff))
  fail(`--seed must be an integer 0-4294967295, got "${values.seed}"`);
if (process.env.DATABASE_URL && values["data-dir"])
  fail("--data-dir is for PGlite; it cannot be combined with DATABASE_URL");

const options: SandboxOptions = {
  host: values.host,
  port,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
  cacheReads: process.env.SANDBOX_READ_CACHE !== "off",
  admin: !values["no-admin"],
  ...(seed === undefined ? {} : { seed }),
  corsOrigins:
    values["cors-origin"] ?? (process.env.SANDBOX_CORS_ORIGINS?.split(",").filter(Boolean) || "local"),
};
const sandbox = await startSandbox(options).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
const [host, guest] = [sandbox.hosts[0], sandbox.guests[0]] as [
  OrganizationCredentials,
  OrganizationCredentials,
];
const asContractIdentity = (identity: OrganizationCredentials) => ({
  organizationId: identity.organizationId,
  clientId: identity.clientId,
  clientSecret: identity.clientSecret,
});
if (values["identities-out"]) {
  writeFileSync(
    values["identities-out"],
    `${JSON.stringify({ hosts: sandbox.hosts.map(asContractIdentity), guests: sandbox.guests.map(asContractIdentity) }, null, 2)}\n`,
  );
}
const storage = process.env.DATABASE_URL
  ? "PostgreSQL (DATABASE_URL)"
  : values["data-dir"]
    ? `PGlite in ${values["data-dir"]}`
    : "PGlite in memory";
const describe = (role: string, identity: OrganizationCredentials) =>
  `  ${role}: ${identity.name}\n    organization id: ${identity.organizationId}\n    client_id:       ${identity.clientId}\n    client_secret:   ${identity.clientSecret}`;
process.stdout.write(
  `${[
    `Sandbox of the MyCreditApp connections API at ${sandbox.url} (${storage})`,
    describe("host", host),
    describe("guest", guest),
    `Get a token: curl -s -X POST ${sandbox.url}/oauth2/token -H 'Content-Type: application/json' -d '{"client_id":"${host.clientId}","client_secret":"${host.clientSecret}"}'`,
    ...(values["identities-out"]
      ? [
          `Identities of ${sandbox.hosts.length} hosts and ${sandbox.guests.length} guests written to ${values["identities-out"]} (mca-contract --identities)`,
        ]
      : []),
    "Ctrl-C stops the sandbox.",
  ].join("\n")}\n`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.stop().then(() => process.exit(0));
  });
}
