import type { Json, JsonObject, Operation, Parameter } from "@mca/spec";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import fc from "fast-check";
import type { Caller } from "../checks/check.js";
import type { RequestSpec } from "../http/request.js";
import { schemaArbitrary } from "./schema-arbitrary.js";

/** The headers that say who is calling: the bearer token and, where the operation takes them, the org headers. */
export function identityHeaders(
  operation: Operation,
  identity: Caller,
  target = identity.organizationId,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (operation.secured) headers.Authorization = `Bearer ${identity.token}`;
  const names = new Set(
    operation.parameters.filter((parameter) => parameter.in === "header").map((parameter) => parameter.name),
  );
  if (names.has(REQUESTER_ORGANIZATION_HEADER))
    headers[REQUESTER_ORGANIZATION_HEADER] = identity.organizationId;
  if (names.has(TARGET_ORGANIZATION_HEADER)) headers[TARGET_ORGANIZATION_HEADER] = target;
  return headers;
}

function parameterArbitrary(document: JsonObject, parameter: Parameter): fc.Arbitrary<Json | undefined> {
  // a query string carries neither null nor an empty array: a required array needs one item to be sent at all
  const value = schemaArbitrary(document, parameter.schema, {
    noNull: parameter.in !== "path",
    minArrayLength: parameter.in === "query" && parameter.required ? 1 : 0,
  });
  return parameter.required ? value : fc.option(value, { nil: undefined });
}

/** Requests the spec says are valid: every required part present, every value within its schema. */
export function validRequest(
  document: JsonObject,
  operation: Operation,
  identity: Caller,
): fc.Arbitrary<RequestSpec> {
  const fixedHeaders = identityHeaders(operation, identity);
  const byLocation = (location: Parameter["in"]) =>
    Object.fromEntries(
      operation.parameters
        .filter(
          (parameter) =>
            parameter.in === location && !(location === "header" && parameter.name in fixedHeaders),
        )
        .map((parameter) => [parameter.name, parameterArbitrary(document, parameter)]),
    );
  const body = operation.requestBody
    ? operation.requestBody.required
      ? schemaArbitrary(document, operation.requestBody.schema)
      : fc.option(schemaArbitrary(document, operation.requestBody.schema), { nil: undefined })
    : fc.constant(undefined);
  return fc
    .record({
      path: fc.record(byLocation("path")),
      query: fc.record(byLocation("query")),
      headers: fc.record(byLocation("header")),
      body,
    })
    .map(({ path, query, headers, body: generatedBody }) => {
      const request: RequestSpec = {
        method: operation.method,
        path: operation.path,
        pathParams: Object.fromEntries(Object.entries(path).map(([name, value]) => [name, String(value)])),
        query,
        headers: {
          ...fixedHeaders,
          ...Object.fromEntries(
            Object.entries(headers)
              .filter(([, value]) => value !== undefined && value !== null)
              .map(([name, value]) => [name, String(value)]),
          ),
        },
      };
      if (generatedBody !== undefined) request.body = generatedBody;
      return request;
    });
}
