import { describe, expect, it } from "vitest";
import { collapseNullableQueryParameters } from "../src/prepare-spec.js";

describe("collapseNullableQueryParameters", () => {
  const nullableArray = { anyOf: [{ type: "array", items: { type: "string" } }, { type: "null" }] };
  const document = {
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
    const collapsed = collapseNullableQueryParameters(structuredClone(document)) as typeof document;
    const [inline, , header] = collapsed.paths["/a"].get.parameters as Array<{ schema: unknown }>;
    expect(inline?.schema).toEqual({ type: "array", items: { type: "string" } });
    expect((collapsed.components.parameters.Shared as { schema: unknown }).schema).toEqual({
      type: "boolean",
    });
    expect(header?.schema).toEqual(nullableArray);
  });

  it("does not change the document it is given", () => {
    const original = structuredClone(document);
    collapseNullableQueryParameters(document);
    expect(document).toEqual(original);
  });
});
