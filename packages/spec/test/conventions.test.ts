import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  canonicalUuid,
  createSpecValidator,
  type JsonObject,
  loadBundledSpec,
  nonNullBranch,
  SpecLoadError,
} from "../src/index.js";

describe("nonNullBranch", () => {
  const document: JsonObject = { components: { schemas: { Name: { type: "string", maxLength: 3 } } } };
  it.each<[string, JsonObject, JsonObject, boolean]>([
    [
      "FastAPI's anyOf [T, null], keywords beside it kept",
      { anyOf: [{ $ref: "#/components/schemas/Name" }, { type: "null" }], description: "d" },
      { type: "string", maxLength: 3, description: "d" },
      true,
    ],
    ["oneOf [T, null]", { oneOf: [{ type: "integer" }, { type: "null" }] }, { type: "integer" }, true],
    ["a type list", { type: ["boolean", "null"] }, { type: "boolean" }, true],
    ["a plain schema", { type: "string" }, { type: "string" }, false],
    [
      "a union of two present types, returned whole",
      { anyOf: [{ type: "string" }, { type: "integer" }] },
      { anyOf: [{ type: "string" }, { type: "integer" }] },
      false,
    ],
  ])("%s", (_name, schema, expected, nullable) => {
    expect(nonNullBranch(document, schema)).toEqual({ schema: expected, nullable });
  });
});

describe("uuid: the hyphenated form, any case; lower case is canonical", () => {
  const validator = createSpecValidator({
    openapi: "3.1.0",
    $defs: { id: { type: "string", format: "uuid" } },
  });
  it.each<[string, string | undefined]>([
    ["054b4106-174b-46b0-97f8-86d8d7b6f0af", "054b4106-174b-46b0-97f8-86d8d7b6f0af"],
    ["054B4106-174B-46B0-97F8-86D8D7B6F0AF", "054b4106-174b-46b0-97f8-86d8d7b6f0af"],
    ["urn:uuid:054b4106-174b-46b0-97f8-86d8d7b6f0af", undefined],
    ["{054b4106-174b-46b0-97f8-86d8d7b6f0af}", undefined],
    ["054b4106174b46b097f886d8d7b6f0af", undefined],
  ])("%s", (text, canonical) => {
    expect(canonicalUuid(text)).toBe(canonical);
    expect(validator.validate("#/$defs/id", text).length === 0).toBe(canonical !== undefined);
  });
});

describe("loadBundledSpec", () => {
  it("reads the bundle this package ships", () => {
    expect(loadBundledSpec().openapi).toBe("3.1.0");
  });
  it.each([
    ["a missing file", undefined, /ENOENT/],
    ["text that is not JSON", "openapi: 3.1.0", /bundled JSON document is expected/],
    ["a 3.0 document", JSON.stringify({ openapi: "3.0.3" }), /not an OpenAPI 3\.1 document/],
  ])("refuses %s in one line", (_name, content, message) => {
    const path = join(mkdtempSync(join(tmpdir(), "mca-spec-")), "openapi.json");
    if (content !== undefined) writeFileSync(path, content);
    expect(() => loadBundledSpec(path)).toThrow(SpecLoadError);
    expect(() => loadBundledSpec(path)).toThrow(message);
  });
});
