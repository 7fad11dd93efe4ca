export { listOperations, type Operation } from "@mca/validation";
export { allChecks, RESPONSE_CHECKS } from "./checks/index.js";
export type {
  Check,
  CheckContext,
  Exchange,
  Identity,
  InputCheck,
  ResponseCheck,
  StatefulCheck,
} from "./checks/types.js";
export { type Config, ConfigError, parseConfig, USAGE } from "./config.js";
export { type ContractRun, runContract } from "./run-contract.js";
export { type Failure, type Outcome, type RunResult, runChecks } from "./runner.js";
export { loadSpec } from "./spec/load-spec.js";
