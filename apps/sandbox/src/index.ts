export type { Database } from "./db/database.js";
export { ADMIN_ORGANIZATIONS_PATH } from "./routes/admin.js";
export { type Sandbox, type SandboxOptions, startSandbox } from "./server.js";
export type { OrganizationCredentials } from "./store/organizations.js";
