// The in-process sandbox: nothing here imports a `node:` module, so it runs in Vitest, Jest and the browser alike.

export type { OrganizationCredentials } from "@mca/sandbox/core";
export { DEFAULT_SANDBOX_BASE_URL } from "./base-url.js";
export type { ConnectionFields, ConnectionSeed } from "./connection-factory.js";
export { type CreateSandboxOptions, createSandbox, type InProcessSandbox } from "./create-sandbox.js";
export {
  type DocumentedAnswer,
  type Fault,
  faults,
  type Scenario,
  UNDOCUMENTED_STATUS_HEADER,
  type UseOptions,
} from "./scenarios.js";
