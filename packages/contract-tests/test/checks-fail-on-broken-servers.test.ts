import { type MockServer, startMock } from "@mca/mock";
import type { JsonObject } from "@mca/spec";
import { listOperations, loadBundledSpec, pathTemplatePattern } from "@mca/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Check } from "../src/checks/check.js";
import { allChecks } from "../src/checks/index.js";
import { runChecks } from "../src/run-checks.js";
import { type Breakage, startBreakingProxy } from "../src/testing/breaking-proxy.js";
import { contextFor } from "./support/context.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
});
afterAll(async () => {
  await mock?.stop();
});

const checks = allChecks(false);
const byName = (name: string) => checks.find((check) => check.name === name) as Check;
const isList = (url: string, method: string) => method === "GET" && url.startsWith("/host-connections?");
const documented = listOperations(loadBundledSpec()).map((operation) => ({
  method: operation.method,
  ...pathTemplatePattern(operation.path),
}));
const isDocumented = (method: string, url: string) =>
  documented.some((entry) => entry.method === method && entry.pattern.test(url.split("?")[0] ?? url));

/** The spec with a required `X-Request-ID` header documented on GET /host-connections/{host_org_id}'s 200. */
function specWithResponseHeader(): JsonObject {
  const document = structuredClone(loadBundledSpec());
  const operation = ((document.paths as JsonObject)["/host-connections/{host_org_id}"] as JsonObject)
    .get as JsonObject;
  const ok = (operation.responses as JsonObject)["200"] as JsonObject;
  ok.headers = { "X-Request-ID": { required: true, schema: { type: "string" } } };
  return document;
}
const addRequestId: Breakage = {
  response: (response) => ({ ...response, headers: { ...response.headers, "x-request-id": "r-1" } }),
};

const cases: Array<[string, Breakage, RegExp, JsonObject?, Breakage?]> = [
  [
    "not_a_server_error",
    {
      answer: (request) =>
        isList(request.url, request.method)
          ? { status: 500, headers: { "content-type": "application/json" }, body: '{"detail":"boom"}' }
          : undefined,
    },
    /answered 500/,
  ],
  [
    "status_code_conformance",
    { response: (response) => (response.status === 200 ? { ...response, status: 201 } : response) },
    /status 201 is not documented/,
  ],
  [
    "content_type_conformance",
    { response: (response) => ({ ...response, headers: { "content-type": "text/plain" } }) },
    /Content-Type text\/plain is not documented/,
  ],
  [
    "response_headers_conformance",
    {},
    /missing required response header\(s\): x-request-id/,
    specWithResponseHeader(),
    addRequestId,
  ],
  [
    "response_schema_conformance",
    { response: (response) => ({ ...response, body: response.body.replaceAll('"host_name":', '"name":') }) },
    /must have required property 'host_name'/,
  ],
  [
    "positive_data_acceptance",
    {
      answer: (request) =>
        isList(request.url, request.method)
          ? {
              status: 422,
              headers: { "content-type": "application/json" },
              body: '{"detail":[{"loc":[],"msg":"no","type":"x"}]}',
            }
          : undefined,
    },
    /a valid request was refused with 422/,
  ],
  [
    "negative_data_rejection",
    {
      response: (response) => (response.status === 422 ? { ...response, status: 200, body: "{}" } : response),
    },
    /an invalid request was accepted with 200/,
  ],
  [
    "missing_required_header",
    {
      request: (request) => ({
        ...request,
        headers: {
          "requester-organization-id": "054b4106-174b-46b0-97f8-86d8d7b6f0af",
          "target-organization-id": "054b4106-174b-46b0-97f8-86d8d7b6f0af",
          ...request.headers,
        },
      }),
    },
    /without a required header got 200/,
  ],
  [
    "ignored_auth",
    {
      request: (request) => ({
        ...request,
        headers: { authorization: "Bearer anything", ...request.headers },
      }),
    },
    /not refused with 401 but got 200/,
  ],
  [
    "unsupported_method",
    {
      answer: (request) =>
        isDocumented(request.method, request.url)
          ? undefined
          : { status: 200, headers: { "content-type": "application/json" }, body: "{}" },
    },
    /got 200, not 405/,
  ],
];

describe.each(cases)("%s", (name, breakage, reason, document, fixed) => {
  const check = byName(name);
  // response checks judge the traffic other checks generate
  const toRun = check.kind === "response" ? [check, byName("positive_data_acceptance")] : [check];

  it("fails against a server broken that way, for that reason", async () => {
    const proxy = await startBreakingProxy(mock.baseUrl, breakage);
    try {
      const { outcomes } = await runChecks(contextFor(proxy.url, document), toRun);
      const failures = outcomes.filter((outcome) => outcome.check === name && outcome.failure);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures[0]?.failure?.reason).toMatch(reason);
    } finally {
      await proxy.stop();
    }
  });

  it("passes against a correct server", async () => {
    const proxy = fixed ? await startBreakingProxy(mock.baseUrl, fixed) : undefined;
    try {
      const { outcomes } = await runChecks(contextFor(proxy?.url ?? mock.baseUrl, document), toRun);
      const mine = outcomes.filter((outcome) => outcome.check === name);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((outcome) => outcome.failure).map((outcome) => outcome.failure?.reason)).toEqual([]);
    } finally {
      await proxy?.stop();
    }
  });
});
