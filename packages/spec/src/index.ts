export {
  BUNDLED_SPEC_JSON_PATH,
  BUNDLED_SPEC_YAML_PATH,
  loadBundledSpec,
  SpecLoadError,
} from "./bundled-spec.js";
export { type ApiDateTime, MAX_API_EPOCH_MS, parseApiDateTime } from "./date-time.js";
export { API_DATE_TIME, addApiFormats } from "./formats.js";
export {
  conflict,
  type ErrorDetail,
  forbidden,
  HttpError,
  notFound,
  unauthorized,
  unprocessable,
} from "./http/errors.js";
export { toFastApiDetail } from "./http/fastapi-detail.js";
export { RawJson } from "./http/raw-json.js";
export { readBody } from "./http/read-body.js";
export { parseTarget } from "./http/request-target.js";
export {
  createRequestValidator,
  type RawRequest,
  type RequestValidator,
  type ValidatedRequest,
} from "./http/request-validator.js";
export { createRouter, type RouteMatch, type Router } from "./http/router.js";
export { sendJson } from "./http/send-json.js";
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
