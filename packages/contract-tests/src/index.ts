export { listOperations, type Operation } from "@mca/spec";
export { type CheckedFetchOptions, ContractMismatch, checkedFetch } from "./checked-fetch.js";
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
export type { Call, FlowParts, FlowRequest, FlowVerdict } from "./checks/stateful/flow-requests.js";
export { type Config, ConfigError, parseConfig, USAGE } from "./config.js";
export type { Transport } from "./http/request.js";
export { FLOW_TEST, fullName, type PlannedTest, planTests } from "./plan/test-plan.js";
export type { Verdict } from "./plan/verdicts.js";
export { SAVED_CASE_FORMAT, type SavedCase } from "./replay/saved-case.js";
export type { TestVerdict } from "./report/junit-report.js";
export { operationForRequest, responseProblems } from "./response-verdict.js";
export {
  type Failure,
  type Outcome,
  PHASES,
  type Phase,
  type ReplayCase,
  type RunOptions,
  type RunResult,
  runChecks,
} from "./run-checks.js";
export {
  type ContractPlan,
  type ContractRun,
  FETCH_TARGET_URL,
  planContract,
  type RunHooks,
  runContract,
} from "./run-contract.js";
