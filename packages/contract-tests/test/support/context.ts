import type { JsonObject } from "@mca/spec";
import { createSpecValidator, listOperations, loadBundledSpec } from "@mca/spec";
import type { CheckContext } from "../../src/checks/check.js";

export const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

export function contextFor(
  baseUrl: string,
  document: JsonObject = loadBundledSpec(),
  runs = 5,
): CheckContext {
  const identity = { organizationId: ORG, token: "test-token" };
  return {
    baseUrl,
    document,
    validator: createSpecValidator(document),
    operations: listOperations(document),
    identity,
    host: identity,
    guest: identity,
    hosts: [identity],
    guests: [identity],
    runs,
    seed: 7,
    timeoutMs: 10_000,
  };
}
