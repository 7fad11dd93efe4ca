import { createSpecValidator, pointer } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { isObject, type Json, type JsonObject, loadBundle, resolveRef } from "./support/spec.js";

const document = loadBundle();
const validator = createSpecValidator(document);

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: Json;
}

/** Every example in the document, paired with the JSON pointer of the schema it must satisfy. */
function collectExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const walkSchema = (node: Json | undefined, at: string[]) => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) walkSchema(child, [...at, String(index)]);
    }
    if (!isObject(node)) return;
    if (Array.isArray(node.examples)) {
      for (const [index, value] of node.examples.entries()) {
        cases.push({ where: `${pointer(...at)}/examples/${index}`, schemaPointer: pointer(...at), value });
      }
    }
    for (const [key, child] of Object.entries(node)) if (key !== "examples") walkSchema(child, [...at, key]);
  };
  walkSchema(document.components && isObject(document.components) ? document.components.schemas : {}, [
    "components",
    "schemas",
  ]);

  const walkMedia = (content: Json | undefined, at: string[]) => {
    if (!isObject(content)) return;
    for (const [type, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const schemaPointer = pointer(...at, type, "schema");
      if (media.example !== undefined)
        cases.push({ where: pointer(...at, type, "example"), schemaPointer, value: media.example });
      for (const [name, example] of Object.entries(isObject(media.examples) ? media.examples : {})) {
        cases.push({
          where: pointer(...at, type, "examples", name),
          schemaPointer,
          value: resolveRef(document, example).value ?? null,
        });
      }
    }
  };
  const walkParameters = (parameters: Json | undefined, at: string[]) => {
    (Array.isArray(parameters) ? parameters : []).forEach((parameter, index) => {
      const resolved = resolveRef(document, parameter);
      if (resolved.example === undefined) return;
      const base =
        isObject(parameter) && typeof parameter.$ref === "string"
          ? parameter.$ref.slice(2).split("/")
          : [...at, String(index)];
      cases.push({
        where: pointer(...base, "example"),
        schemaPointer: pointer(...base, "schema"),
        value: resolved.example,
      });
    });
  };
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    walkParameters(item.parameters, ["paths", path, "parameters"]);
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || method === "parameters") continue;
      walkParameters(operation.parameters, ["paths", path, method, "parameters"]);
      if (isObject(operation.requestBody))
        walkMedia(operation.requestBody.content, ["paths", path, method, "requestBody", "content"]);
      for (const [status, response] of Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      )) {
        if (!isObject(response)) continue;
        if (typeof response.$ref === "string") {
          walkMedia(resolveRef(document, response).content, [
            ...response.$ref.slice(2).split("/"),
            "content",
          ]);
        } else {
          walkMedia(response.content, ["paths", path, method, "responses", status, "content"]);
        }
      }
    }
  }
  return cases;
}

const cases = collectExamples();

describe("every example validates against its schema with the shared validator", () => {
  it("finds the examples of every kind", () => {
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((entry) => entry.where.includes("/responses/"))).toBe(true);
    expect(cases.some((entry) => entry.where.includes("/parameters/"))).toBe(true);
    expect(cases.some((entry) => entry.where.includes("/requestBody/"))).toBe(true);
  });

  it.each(cases.map((entry) => [entry.where, entry] as const))("%s", (_where, entry) => {
    expect(validator.validate(entry.schemaPointer, entry.value)).toEqual([]);
  });
});

describe("the example check can fail", () => {
  const byWhere = (fragment: string) => {
    const found = cases.find((entry) => entry.where.includes(fragment));
    if (!found) throw new Error(`no example at ${fragment}`);
    return found;
  };
  const guestConnection = byWhere("~1guest-connections~1{guest_org_id}/patch/responses/200");
  it.each<[string, (value: JsonObject) => JsonObject, string]>([
    ["an unknown enum value", (value) => ({ ...value, status: "pending" }), "/status"],
    ["a too-long name", (value) => ({ ...value, guest_name: "x".repeat(301) }), "/guest_name"],
    ["a negative score", (value) => ({ ...value, total_score: -1 }), "/total_score"],
    ["a malformed timestamp", (value) => ({ ...value, created_at: "2025-13-12T10:30:00" }), "/created_at"],
    ["a missing required field", ({ guest_email: _dropped, ...value }) => value, ""],
  ])("rejects %s", (_case, mutate, instancePath) => {
    const issues = validator.validate(
      guestConnection.schemaPointer,
      mutate(guestConnection.value as JsonObject),
    );
    expect(issues.map((issue) => issue.instancePath)).toContain(instancePath);
  });
});
