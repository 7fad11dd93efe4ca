import type { JsonObject } from "@mca/validation";
import { createSpecValidator, listOperations } from "@mca/validation";
import type { CheckContext } from "../../src/checks/types.js";
import { loadSpec } from "../../src/spec/load-spec.js";

export const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";

export function contextFor(baseUrl: string, document: JsonObject = loadSpec(), runs = 5): CheckContext {
  const identity = { organizationId: ORG, token: "test-token" };
  return {
    baseUrl,
    document,
    validator: createSpecValidator(document),
    operations: listOperations(document),
    identity,
    host: identity,
    guest: identity,
    runs,
    seed: 7,
    timeoutMs: 10_000,
  };
}
