export type { ClientPaths } from "./client-paths.js";
export {
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  type McaClient,
  type RawClient,
} from "./create-client.js";
export { ApiError, type ClientError, isApiError, NetworkError, TimeoutError } from "./errors.js";
export type { CallOptions } from "./resource-context.js";
export type { ListAllHostConnectionsQuery, Resources } from "./resources/resources.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
export type { AuthOptions } from "./token-provider.js";
