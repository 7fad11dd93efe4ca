import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { atPointer, isObject, type JsonObject, nonNullBranch } from "@mca/spec";

/**
 * A query string cannot carry `null`, so for a query parameter `anyOf: [X, {type: null}]` means just `X`.
 * Prism does not deserialize a repeated key into an array inside `anyOf` (a lone `active_action_types=x`
 * is refused as "must be array"), so the mock serves the spec with those schemas collapsed to `X`.
 */
export function collapseNullableQueryParameters(document: JsonObject): JsonObject {
  const copy = structuredClone(document);
  const visit = (parameters: unknown) => {
    if (!Array.isArray(parameters)) return;
    for (const entry of parameters) {
      // the parameter object itself (not a copy), so that the change lands in the document
      const parameter =
        isObject(entry) && typeof entry.$ref === "string" ? atPointer(copy, entry.$ref) : entry;
      if (!isObject(parameter) || parameter.in !== "query" || !isObject(parameter.schema)) continue;
      const { schema, nullable } = nonNullBranch(copy, parameter.schema);
      if (nullable) parameter.schema = schema;
    }
  };
  for (const pathItem of Object.values(isObject(copy.paths) ? copy.paths : {})) {
    if (!isObject(pathItem)) continue;
    visit(pathItem.parameters);
    for (const operation of Object.values(pathItem)) if (isObject(operation)) visit(operation.parameters);
  }
  return copy;
}

/** Writes the document Prism serves (JSON, in a new temp folder); returns its path and how to remove it. */
export function prepareSpecForPrism(specPath: string): { path: string; remove(): void } {
  const document = JSON.parse(readFileSync(specPath, "utf8")) as JsonObject;
  const folder = mkdtempSync(join(tmpdir(), "mca-mock-"));
  const path = join(folder, "openapi.json");
  writeFileSync(path, JSON.stringify(collapseNullableQueryParameters(document)));
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
