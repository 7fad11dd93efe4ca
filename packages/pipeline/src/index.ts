// Transport-free: nothing here imports a `node:` module or uses `Buffer` (test/browser-bundle.test.ts).
export { type Answer, jsonAnswer, toResponse } from "./answer.js";
export {
  conflict,
  type ErrorDetail,
  forbidden,
  HttpError,
  notFound,
  unauthorized,
  unprocessable,
} from "./errors.js";
export { toFastApiDetail } from "./fastapi-detail.js";
export { type ForwardOptions, forward } from "./forward.js";
export { fromRequest, type IncomingRequest, type RequestInfo } from "./incoming.js";
export {
  createPipeline,
  type ExtraRoute,
  type Pipeline,
  type PipelineOptions,
  type ValidCall,
} from "./pipeline.js";
export { RawJson } from "./raw-json.js";
export { authenticate, type Principal, type TokenProblem, type VerifyToken } from "./stages/authenticate.js";
export { type CorsDecision, type CorsOrigins, cors } from "./stages/cors.js";
export { errorAnswer, type UnexpectedError } from "./stages/error-answer.js";
export { checkOrganizations } from "./stages/organizations.js";
export { decodeJsonBytes, detectJsonEncoding, isJsonContentType, readBody } from "./stages/read-body.js";
export { refuseNul } from "./stages/refuse-nul.js";
export { createRouter, type RouteMatch, type Router } from "./stages/route.js";
export {
  createRequestValidator,
  type RawRequest,
  type RequestValidator,
  type ValidatedRequest,
} from "./stages/validate.js";
