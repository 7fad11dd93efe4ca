import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/spec.js";

describe("an independent OpenAPI 3.1 validator", () => {
  it("accepts the bundle", async () => {
    const validator = new Validator();
    const result = await validator.validate(loadBundle());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("rejects a broken bundle", async () => {
    const broken = { ...loadBundle(), info: { title: "no version" } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});
