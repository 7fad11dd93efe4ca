import { createSpecValidator, isObject, listOperations, loadBundledSpec } from "@mca/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakingValues, mutationsOf } from "../src/generators/invalid-request.js";
import { schemaArbitrary, UnsupportedSchemaError } from "../src/generators/schema-arbitrary.js";
import { validRequest } from "../src/generators/valid-request.js";
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

describe("every mutation makes the request invalid", () => {
  const cases = operations.flatMap((operation) =>
    mutationsOf(document, operation).map(
      (mutation) => [operation.label, mutation.description, operation, mutation] as const,
    ),
  );

  it("finds the breakages the issue names", () => {
    const all = cases.map(([, description]) => description).join("\n");
    for (const kind of [
      "wrong type",
      "longer than maxLength",
      "above maximum",
      "below minimum",
      "not one of the enum values",
      "malformed uuid",
      "malformed email",
      "left out",
    ]) {
      expect(all).toContain(kind);
    }
  });

  it.each(cases)("%s: %s", (_label, _description, operation, mutation) => {
    if (mutation.where === "body") {
      const schema = operation.requestBody?.schemaPointer as string;
      const valid = fc.sample(validRequest(document, operation, { organizationId: ORG, token: "t" }), {
        numRuns: 1,
        seed: 3,
      })[0];
      const body = isObject(valid?.body) ? { ...valid.body } : {};
      if (mutation.value === undefined) delete body[mutation.name];
      else body[mutation.name] = mutation.value;
      expect(validator.validate(schema, body)).not.toEqual([]);
    } else if (mutation.value !== undefined) {
      const parameter = operation.parameters.find(
        (candidate) => candidate.name === mutation.name && candidate.in === mutation.where,
      );
      expect(validator.validate(parameter?.schemaPointer as string, mutation.value)).not.toEqual([]);
    }
  });

  it("skips breakages a text parameter cannot carry", () => {
    expect(breakingValues(document, { type: "string", minLength: 1 }, true)).toEqual([]);
    expect(breakingValues(document, { type: "string", minLength: 1 }, false).map(([why]) => why)).toEqual([
      "wrong type (string expected)",
      "shorter than minLength 1",
    ]);
  });
});
