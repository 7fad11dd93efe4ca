// The sandbox's transport-free core: handlers, store, tokens, migrations and the composition of its pipeline.
// Nothing reachable from here imports a `node:` module (test/core-bundle.test.ts bundles it for the browser):
// PostgreSQL, data folders and their lock, and the node:http server live outside src/core/.

export { createTokenIssuer, type TokenIssuer } from "./auth/tokens.js";
export type { Database, Queryable } from "./db/database.js";
export { migrate } from "./db/migrate.js";
export { MIGRATIONS } from "./db/migrations/index.js";
export type { Migration } from "./db/migrations/migration.js";
export { openPgliteDatabase, type PgliteDatabase } from "./db/pglite-database.js";
export { ADMIN_ORGANIZATIONS_PATH } from "./routes/admin.js";
export { createSandboxCore, type SandboxCore, type SandboxCoreOptions } from "./sandbox-pipeline.js";
export { type RandomSource, seededRandom, uuidFrom } from "./seeded-random.js";
export { type ConnectionRow, putConnection } from "./store/connections.js";
export type { OrganizationCredentials } from "./store/organizations.js";
