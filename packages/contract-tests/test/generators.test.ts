import { createSpecValidator, listOperations, loadBundledSpec, type Operation } from "@mca/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arrangements, boundaryCases } from "../src/generators/boundary-values.js";
import {
  applyMutation,
  breakingValues,
  invalidCoverageCases,
  mutationsOf,
} from "../src/generators/invalid-request.js";
import { schemaArbitrary, UnsupportedSchemaError } from "../src/generators/schema-arbitrary.js";
import { templateRequest } from "../src/generators/template-request.js";
import { validRequest } from "../src/generators/valid-request.js";
import type { RequestSpec } from "../src/http/request.js";
import { ORG } from "./support/context.js";

const document = loadBundledSpec();
const validator = createSpecValidator(document);
const operations = listOperations(document);
const schemaNames = Object.keys((document.components as { schemas: object }).schemas);

describe("schemaArbitrary generates only valid values", () => {
  it.each(schemaNames)("%s", (name) => {
    const pointer = `#/components/schemas/${name}`;
    fc.assert(
      fc.property(schemaArbitrary(document, { $ref: pointer }), (value) => {
        expect(validator.validate(pointer, value)).toEqual([]);
      }),
      { numRuns: 100, seed: 1 },
    );
  });
});

describe("schemaArbitrary refuses what it cannot generate, instead of guessing", () => {
  it.each([
    ["a pattern", { type: "string", pattern: "^[A-Z]{3}$" }],
    ["an unknown format", { type: "string", format: "uri" }],
    ["no type at all", { description: "anything" }],
    ["an unknown type", { type: "file" }],
  ])("%s", (_name, schema) => {
    expect(() => schemaArbitrary(document, schema)).toThrow(UnsupportedSchemaError);
  });

  it("reads a JSON Schema type list (`type: [string, null]`)", () => {
    const schema = { type: ["string", "null"], maxLength: 3 };
    fc.assert(
      fc.property(schemaArbitrary(document, schema), (value) => {
        expect(value === null || (typeof value === "string" && [...value].length <= 3)).toBe(true);
      }),
      { numRuns: 50, seed: 1 },
    );
  });
});

describe("validRequest generates requests the spec accepts", () => {
  it.each(operations.map((operation) => [operation.label, operation] as const))("%s", (_label, operation) => {
    fc.assert(
      fc.property(validRequest(document, operation, { organizationId: ORG, token: "t" }), (request) => {
        for (const parameter of operation.parameters) {
          const source = {
            path: request.pathParams,
            query: request.query,
            header: request.headers,
            cookie: {},
          }[parameter.in];
          const value = (source as Record<string, unknown>)[parameter.name];
          if (parameter.required) expect(value, parameter.name).toBeDefined();
          // query and path values travel as text; compare what the schema says about the typed value
          if (value !== undefined && parameter.in === "query")
            expect(validator.validate(parameter.schemaPointer, value)).toEqual([]);
        }
        if (operation.requestBody?.required)
          expect(validator.validate(operation.requestBody.schemaPointer, request.body)).toEqual([]);
        if (operation.secured) expect(request.headers.Authorization).toBe("Bearer t");
      }),
      { numRuns: 50, seed: 2 },
    );
  });

  it("never sends an empty required array (it would vanish from the query string)", () => {
    const list = operations.find((operation) => operation.operationId === "listHostConnections");
    fc.assert(
      fc.property(validRequest(document, list as never, { organizationId: ORG, token: "t" }), (request) => {
        expect((request.query.statuses as unknown[]).length).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });
});

/** Why a request breaks the spec: a part that is missing, not JSON, or fails its schema (empty when it is valid). */
function specIssues(operation: Operation, request: RequestSpec): string[] {
  const issues: string[] = [];
  for (const parameter of operation.parameters) {
    const source = { path: request.pathParams, query: request.query, header: request.headers, cookie: {} };
    const value = (source[parameter.in] as Record<string, unknown>)[parameter.name];
    if (value === undefined) {
      if (parameter.required) issues.push(`${parameter.name} missing`);
    } else
      issues.push(
        ...validator
          .validate(parameter.schemaPointer, value)
          .map((issue) => `${parameter.name} ${issue.message}`),
      );
  }
  if (request.rawBody !== undefined) {
    try {
      JSON.parse(request.rawBody);
    } catch {
      issues.push("the body is not JSON");
    }
  } else if (operation.requestBody && request.body === undefined) {
    if (operation.requestBody.required) issues.push("the body is missing");
  } else if (operation.requestBody)
    issues.push(
      ...validator
        .validate(operation.requestBody.schemaPointer, request.body)
        .map((issue) => `body ${issue.message}`),
    );
  return issues;
}

const identity = { organizationId: ORG, token: "t" };

describe("every mutation makes the request invalid", () => {
  const cases = operations.flatMap((operation) =>
    mutationsOf(document, operation).map(
      (mutation) => [operation.label, mutation.description, operation, mutation] as const,
    ),
  );

  it("finds the breakages the issue names, in every request part", () => {
    const all = cases.map(([, description]) => description).join("\n");
    for (const kind of [
      "wrong type",
      "not a number",
      "a fraction for an integer",
      "null where the schema does not allow it",
      "longer than maxLength",
      "shorter than minLength",
      "above maximum",
      "below minimum",
      "not one of the enum values",
      "an enum value in another case",
      "not a uuid",
      "not an email",
      "a date-time in month 13",
      "an item after valid ones",
      "left out",
      "request body that is not JSON",
    ]) {
      expect(all).toContain(kind);
    }
    for (const where of [
      "path parameter",
      "query parameter",
      "header parameter",
      "body field",
      "request body",
    ])
      expect(all).toContain(where);
    expect(all).toContain("query parameter limit: above maximum 100");
  });

  it.each(cases)("%s: %s", (_label, _description, operation, mutation) => {
    const valid = fc.sample(validRequest(document, operation, identity), { numRuns: 1, seed: 3 })[0];
    expect(specIssues(operation, valid as RequestSpec)).toEqual([]);
    expect(specIssues(operation, applyMutation(valid as RequestSpec, mutation))).not.toEqual([]);
  });

  it("skips breakages a text parameter cannot carry", () => {
    expect(breakingValues(document, { type: "string", minLength: 1 }, true)).toEqual([]);
    expect(breakingValues(document, { type: "string", minLength: 1 }, false).map(([why]) => why)).toEqual([
      "wrong type (integer for string)",
      "wrong type (number for string)",
      "wrong type (boolean for string)",
      "wrong type (array for string)",
      "wrong type (object for string)",
      "null where the schema does not allow it",
      "shorter than minLength 1",
    ]);
  });
});

describe("the coverage phase", () => {
  it.each(operations.map((operation) => [operation.label, operation] as const))(
    "%s: its template is valid, every boundary case is valid, every negative case is invalid",
    (_label, operation) => {
      expect(specIssues(operation, templateRequest(document, operation, identity))).toEqual([]);
      for (const { request, description } of boundaryCases(document, operation, identity))
        expect(specIssues(operation, request), description).toEqual([]);
      for (const { request, description } of invalidCoverageCases(document, operation, identity))
        expect(specIssues(operation, request), description).not.toEqual([]);
    },
  );

  it("is the same in every run: nothing in it depends on the seed", () => {
    const list = operations.find((operation) => operation.operationId === "listHostConnections") as Operation;
    const twice = [0, 1].map(() =>
      JSON.stringify([
        ...boundaryCases(document, list, identity),
        ...invalidCoverageCases(document, list, identity),
      ]),
    );
    expect(twice[0]).toBe(twice[1]);
  });

  it("sends every order and subset of a multi-valued enum, and each boundary of a bounded integer", () => {
    const list = operations.find((operation) => operation.operationId === "listHostConnections") as Operation;
    const sent = boundaryCases(document, list, identity).map(({ request }) => request.query);
    for (const statuses of [
      ["connected"],
      ["disconnected"],
      ["connected", "disconnected"],
      ["disconnected", "connected"],
    ])
      expect(sent).toContainEqual(expect.objectContaining({ statuses }));
    for (const limit of [100, 99, 0]) expect(sent).toContainEqual(expect.objectContaining({ limit }));
    expect(arrangements(["a", "b", "c"])).toHaveLength(15);
  });

  it("counts lengths in code points: an emoji string at exactly maxLength is valid", () => {
    const invite = operations.find(
      (operation) => operation.operationId === "listHostConnections",
    ) as Operation;
    const emoji = boundaryCases(document, invite, identity).find(({ description }) =>
      description.includes("search_text: exactly maxLength 255 in emoji"),
    );
    expect([...String(emoji?.request.query.search_text)]).toHaveLength(255);
  });
});
