import { listOperations, loadBundledSpec } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { replayCaseOf, SAVED_CASE_FORMAT, savedCaseProblem, toSavedCase } from "../src/replay/saved-case.js";
import type { Failure } from "../src/run-checks.js";
import { ORG } from "./support/context.js";

const operation = listOperations(loadBundledSpec()).find(
  (candidate) => candidate.operationId === "listHostConnections",
);
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-part.signature";
const failure: Failure = {
  check: "negative_data_rejection",
  operation: "GET /host-connections",
  reason: "an invalid request was accepted with 200",
  phase: "coverage",
  description: "query parameter limit: above maximum 100",
  exchange: {
    operation: operation as NonNullable<typeof operation>,
    request: {
      method: "GET",
      path: "/host-connections",
      pathParams: {},
      query: { statuses: ["connected"], limit: 101, offset: 0 },
      headers: { Authorization: `Bearer ${TOKEN}`, "Requester-Organization-ID": ORG },
    },
    response: { status: 200, headers: {}, contentType: "application/json", text: "{}", json: {} },
  },
};
const secrets = new Map([[TOKEN, "$MCA_HOST_TOKEN_1"]]);

describe("a saved case", () => {
  it("holds the request with its token as a placeholder, and gets this run's token back on replay", () => {
    const saved = toSavedCase(failure, 7, secrets);
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
    expect(saved).toMatchObject({
      format: SAVED_CASE_FORMAT,
      operationId: "listHostConnections",
      phase: "coverage",
      seed: 7,
      request: { headers: { Authorization: "Bearer $MCA_HOST_TOKEN_1" }, query: { limit: 101 } },
    });
    const now = "eyJhbGciOiJIUzI1NiJ9.another-run.signature";
    const replayed = replayCaseOf(
      saved as NonNullable<typeof saved>,
      "saved.json",
      new Map([[now, "$MCA_HOST_TOKEN_1"]]),
      { organizationId: ORG, token: "the-identity-token" },
    );
    expect(replayed.request.headers.Authorization).toBe(`Bearer ${now}`);
    expect(replayed.request.query).toEqual(failure.exchange?.request.query);
  });

  it("gets the identity's token for a placeholder this run does not have (input cases carry only it)", () => {
    const saved = toSavedCase(failure, 7, secrets) as NonNullable<ReturnType<typeof toSavedCase>>;
    const replayed = replayCaseOf(saved, "saved.json", new Map(), {
      organizationId: ORG,
      token: "mine-123456",
    });
    expect(replayed.request.headers.Authorization).toBe("Bearer mine-123456");
  });

  it("is not written for a stateful flow's failure, which is no single case", () => {
    expect(toSavedCase({ ...failure, phase: "stateful" }, 7, secrets)).toBeUndefined();
    const { exchange: _exchange, ...withoutExchange } = failure;
    expect(toSavedCase(withoutExchange, 7, secrets)).toBeUndefined();
  });

  it.each([
    [[], "not a JSON object"],
    [{ format: "other" }, `"format" is not "${SAVED_CASE_FORMAT}"`],
    [{ format: SAVED_CASE_FORMAT, check: "x", operationId: "y" }, `"description" must be a string`],
    [
      {
        format: SAVED_CASE_FORMAT,
        check: "x",
        operationId: "y",
        description: "z",
        request: { method: "GET" },
      },
      `"request" must have method, path, pathParams, query and headers`,
    ],
  ])("refuses %j: %s", (value, problem) => {
    expect(savedCaseProblem(value)).toBe(problem);
  });
});
