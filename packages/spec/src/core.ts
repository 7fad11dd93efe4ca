// Everything of the package but the bundle's file paths: no `node:` module, for code that runs in browsers too
// (the request pipeline, the in-process sandbox). The document itself comes from `@mca/spec/openapi.json` there.
export { type ApiDateTime, MAX_API_EPOCH_MS, parseApiDateTime } from "./date-time.js";
export { API_DATE_TIME, addApiFormats } from "./formats.js";
export { atPointer, isObject, type Json, type JsonObject, resolveRef } from "./json.js";
export { escapePointerSegment, pointer } from "./json-pointer.js";
export { nonNullBranch } from "./nullable.js";
export { responseSchemaPointer } from "./operation-pointers.js";
export {
  type DocumentedResponse,
  documentedResponse,
  HTTP_METHODS,
  listOperations,
  type Operation,
  type Parameter,
  pathTemplatePattern,
} from "./operations.js";
export {
  createSpecValidator,
  type SchemaIssue,
  type SpecValidator,
  validateAgainstSchema,
} from "./spec-validator.js";
export { API_UUID, canonicalUuid } from "./uuid.js";
