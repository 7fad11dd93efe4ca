export { ApiPromise, type WithResponse } from "./api-promise.js";
export type { ClientPaths } from "./client-paths.js";
export { type ClientOptions, createClient, DEFAULT_BASE_URL, type McaClient } from "./create-client.js";
export {
  ApiError,
  type CallFacts,
  type ClientError,
  isApiError,
  isClientError,
  NetworkError,
  TimeoutError,
} from "./errors.js";
export type { GeneratedResources } from "./generated/resources.js";
export type { RawClient } from "./raw-client.js";
export type { CallOptions } from "./resource-context.js";
export type { HandWrittenMethods, ListAllHostConnectionsQuery, Resources } from "./resources/resources.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
export type { AuthChoice, AuthOptions } from "./token-provider.js";
