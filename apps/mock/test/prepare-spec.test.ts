import { atPointer, type JsonObject } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { collapseNullableQueryParameters } from "../src/prepare-spec.js";

describe("collapseNullableQueryParameters", () => {
  const nullableArray: JsonObject = {
    anyOf: [{ type: "array", items: { type: "string" } }, { type: "null" }],
  };
  const document: JsonObject = {
    paths: {
      "/a": {
        get: {
          parameters: [
            { name: "inline", in: "query", schema: nullableArray },
            { $ref: "#/components/parameters/Shared" },
            { name: "header", in: "header", schema: nullableArray },
          ],
        },
      },
    },
    components: {
      parameters: {
        Shared: { name: "shared", in: "query", schema: { anyOf: [{ type: "boolean" }, { type: "null" }] } },
      },
    },
  };

  it("makes T | null query parameters plain T, inline and behind $ref, and leaves other places alone", () => {
    const collapsed = collapseNullableQueryParameters(structuredClone(document));
    expect(atPointer(collapsed, "#/paths/~1a/get/parameters/0/schema")).toEqual({
      type: "array",
      items: { type: "string" },
    });
    expect(atPointer(collapsed, "#/components/parameters/Shared/schema")).toEqual({ type: "boolean" });
    expect(atPointer(collapsed, "#/paths/~1a/get/parameters/2/schema")).toEqual(nullableArray);
  });

  it("does not change the document it is given", () => {
    const original = structuredClone(document);
    collapseNullableQueryParameters(document);
    expect(document).toEqual(original);
  });
});
