import { describe, expect, it } from "vitest";
import { atPointer, createSpecValidator, pointer, responseSchemaPointer } from "../src/index.js";

const document = {
  openapi: "3.1.0",
  paths: {},
  components: {
    schemas: {
      Stamp: { type: "string", format: "date-time" },
      Email: { type: "string", format: "email" },
      Id: { type: "string", format: "uuid" },
      Wrapper: {
        type: "object",
        required: ["at"],
        properties: { at: { $ref: "#/components/schemas/Stamp" } },
      },
    },
  },
};
const validator = createSpecValidator(document);

describe("createSpecValidator", () => {
  it.each([
    ["Stamp", "2025-12-12T10:30:00.123456", true],
    ["Stamp", "2023-11-07T05:31:56Z", true],
    ["Stamp", "2023-11-07T05:31:56+02:00", true],
    ["Stamp", "2023-11-07", false],
    ["Stamp", "2023-13-07T05:31:56Z", false],
    ["Stamp", "yesterday", false],
    ["Email", "jsmith@example.com", true],
    ["Email", "not-an-email", false],
    ["Id", "3c90c3cc-0d44-4b50-8888-8dd25736052a", true],
    ["Id", "3c90c3cc", false],
  ])("%s accepts %j: %s", (schema, value, valid) => {
    expect(validator.validate(pointer("components", "schemas", schema), value).length === 0).toBe(valid);
  });

  it("follows $refs inside the document and reports where the value broke the schema", () => {
    const issues = validator.validate("#/components/schemas/Wrapper", { at: "nope" });
    expect(issues).toEqual([
      expect.objectContaining({
        instancePath: "/at",
        schemaPath: "#/components/schemas/Stamp/format",
        keyword: "format",
        params: { format: "date-time" },
      }),
    ]);
  });

  it("refuses a pointer that names no schema", () => {
    expect(() => validator.validate("#/components/schemas/Missing", 1)).toThrow(/No schema/);
  });

  it("escapes path templates in pointers", () => {
    expect(pointer("paths", "/host-connections/{host_org_id}", "get")).toBe(
      "#/paths/~1host-connections~1{host_org_id}/get",
    );
  });
});

describe("responseSchemaPointer", () => {
  const withResponses = {
    paths: {
      "/a/{id}": {
        get: {
          responses: {
            "200": { content: { "application/json": { schema: { type: "string" } } } },
            "401": { $ref: "#/components/responses/Unauthorized" },
          },
        },
      },
    },
    components: {
      responses: { Unauthorized: { content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  it.each([
    [200, "#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema"],
    [401, "#/components/responses/Unauthorized/content/application~1json/schema"],
    [404, undefined],
  ])("status %s → %s", (status, expected) => {
    expect(responseSchemaPointer(withResponses, "/a/{id}", "GET", status)).toBe(expected);
  });
});

describe("atPointer", () => {
  const document = { paths: { "/a/{id}": { parameters: [{ name: "id" }, { name: "x~y" }] } } };
  it.each([
    ["#/paths/~1a~1{id}/parameters/0/name", "id"],
    ["#/paths/~1a~1{id}/parameters/1/name", "x~y"],
    ["#/paths/~1a~1{id}/parameters/7", undefined],
    ["#/nowhere/at/all", undefined],
  ])("%s → %j", (path, expected) => {
    expect(atPointer(document, path)).toEqual(expected);
  });
});
