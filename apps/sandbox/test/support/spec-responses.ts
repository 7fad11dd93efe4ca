import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  createSpecValidator,
  documentedResponse,
  type JsonObject,
  listOperations,
  pathTemplatePattern,
} from "@mca/validation";

const document = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@mca/openapi/openapi.json"), "utf8"),
) as JsonObject;
const validator = createSpecValidator(document);
const operations = listOperations(document).map((operation) => ({
  operation,
  ...pathTemplatePattern(operation.path),
}));

/** Throws unless the status is documented for the operation and the body matches its schema. */
export function assertDocumentedResponse(method: string, path: string, status: number, body: unknown): void {
  const found = operations.find(
    ({ operation, pattern }) => operation.method === method && pattern.test(path),
  );
  if (!found) return; // undocumented method or path: nothing to hold the answer to
  const response = documentedResponse(found.operation, status);
  if (!response) throw new Error(`${method} ${path}: status ${status} is not documented`);
  const schema = response.content["application/json"];
  const issues = schema ? validator.validate(schema, body) : [];
  if (issues.length > 0)
    throw new Error(`${method} ${path} ${status}: the body breaks the spec: ${JSON.stringify(issues)}`);
}
