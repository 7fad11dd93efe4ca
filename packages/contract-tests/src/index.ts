export { listOperations, type Operation } from "@mca/spec";
export type {
  Caller,
  Check,
  CheckContext,
  Exchange,
  InputCheck,
  ResponseCheck,
  StatefulCheck,
} from "./checks/check.js";
export { allChecks, RESPONSE_CHECKS } from "./checks/index.js";
export { type Config, ConfigError, parseConfig, USAGE } from "./config.js";
export { type Failure, type Outcome, type RunResult, runChecks } from "./run-checks.js";
export { type ContractRun, runContract } from "./run-contract.js";
