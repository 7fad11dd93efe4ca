export type { Database } from "./core/db/database.js";
export { ADMIN_ORGANIZATIONS_PATH } from "./core/routes/admin.js";
export type { OrganizationCredentials } from "./core/store/organizations.js";
export { type Sandbox, type SandboxOptions, startSandbox } from "./server.js";
