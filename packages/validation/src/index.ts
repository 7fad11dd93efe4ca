export { API_DATE_TIME, addApiFormats } from "./formats.js";
export { atPointer, isObject, type Json, type JsonObject, resolveRef } from "./json.js";
export { escapePointerSegment, pointer } from "./json-pointer.js";
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
