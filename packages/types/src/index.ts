import type { components, operations } from "./generated/openapi.js";

export type { components, operations, paths } from "./generated/openapi.js";
export {
  actionTypeValues,
  connectionStatusValues,
  hostConnectionOrderFieldValues,
  hostConnectionSearchFieldValues,
  invitationStatusValues,
  orderDirectionValues,
} from "./generated/openapi.js";

type Schemas = components["schemas"];

export type GuestConnection = Schemas["GuestConnection"];
export type HostConnection = Schemas["HostConnection"];
export type HostConnectionList = Schemas["HostConnectionList"];
export type GuestInvitation = Schemas["GuestInvitation"];
export type ConnectionStatus = Schemas["ConnectionStatus"];
export type ActionType = Schemas["ActionType"];
export type InvitationStatus = Schemas["InvitationStatus"];
export type HostConnectionSearchField = Schemas["HostConnectionSearchField"];
export type HostConnectionOrderField = Schemas["HostConnectionOrderField"];
export type OrderDirection = Schemas["OrderDirection"];
export type ErrorDetail = Schemas["ErrorDetail"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type HTTPValidationError = Schemas["HTTPValidationError"];
export type TokenRequest = Schemas["TokenRequest"];
export type TokenResponse = Schemas["TokenResponse"];

/** The operation ids of the spec, e.g. `"listHostConnections"`. */
export type OperationId = keyof operations;

/** The JSON request body of an operation, or `never` when it takes none. */
export type RequestBody<Id extends OperationId> = operations[Id] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** The query parameters of an operation, or `never` when it takes none. */
export type QueryParams<Id extends OperationId> = NonNullable<operations[Id]["parameters"]["query"]>;

/** The path parameters of an operation, or `never` when it takes none. */
export type PathParams<Id extends OperationId> = NonNullable<operations[Id]["parameters"]["path"]>;

/** The JSON body of an operation's 200 response. */
export type SuccessBody<Id extends OperationId> = operations[Id]["responses"] extends {
  200: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

export type GuestInvitationCreate = RequestBody<"createGuestInvitation">;
export type HostConnectionCreate = RequestBody<"createHostConnection">;
export type GuestConnectionUpdate = RequestBody<"updateGuestConnection">;
export type ListHostConnectionsQuery = QueryParams<"listHostConnections">;
export { servers } from "./generated/servers.js";

/** The organization headers every organization-scoped operation takes (checked against the spec's operations). */
type OrganizationHeader = keyof NonNullable<operations["listHostConnections"]["parameters"]["header"]>;
/** Who calls: the organization of the bearer token. */
export const REQUESTER_ORGANIZATION_HEADER = "Requester-Organization-ID" satisfies OrganizationHeader;
/** Whom the call acts on: the requester itself (Self), or the other side of a connection. */
export const TARGET_ORGANIZATION_HEADER = "Target-Organization-ID" satisfies OrganizationHeader;
export type OrganizationHeaderName = typeof REQUESTER_ORGANIZATION_HEADER | typeof TARGET_ORGANIZATION_HEADER;
