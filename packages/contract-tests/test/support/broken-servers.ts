import type { JsonObject } from "@mca/spec";
import { listOperations, loadBundledSpec, pathTemplatePattern } from "@mca/spec";
import type { Check } from "../../src/checks/check.js";
import { allChecks } from "../../src/checks/index.js";
import type { Breakage } from "../../src/testing/breaking-proxy.js";

/**
 * A server broken in one way per check, as a proxy in front of a correct one: [check, breakage, the reason it
 * must fail with, the spec to judge by (default: the bundled one), a breakage that makes a correct server of
 * that spec]. One table for the engine's tests and the Vitest front end's.
 */
const checks = allChecks(false);
export const byName = (name: string) => checks.find((check) => check.name === name) as Check;
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

export const BROKEN_SERVERS: Array<[string, Breakage, RegExp, JsonObject?, Breakage?]> = [
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
