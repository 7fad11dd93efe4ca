// registers toMatchOperation on Vitest's expect, and types it on Assertion
import "./to-match-operation.js";

export type { ContractRun } from "../run-contract.js";
export { type ContractIdentity, type ContractOptions, describeContract } from "./describe-contract.js";
export type { ResponseLike } from "./to-match-operation.js";
