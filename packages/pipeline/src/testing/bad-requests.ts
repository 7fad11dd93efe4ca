import { type JsonObject, listOperations } from "@mca/spec/core";

const LIST = "/host-connections?statuses=connected&limit=10&offset=0";
/** An organization the bad requests name that is not the caller's. */
const ID = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";

/** One bad request: its name, method, path (from the spec's root), body, headers over the caller's defaults (undefined drops one), and entries its detail must contain. */
export type BadRequestRow = [
  name: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string | undefined>,
  /** Entries the detail must contain (every row is also compared between the two compositions). */
  expected?: Array<Record<string, unknown>>,
];

// the repository's one table of 422s (for any composition of the pipeline: @mca/pipeline's own test, and the
// in-process sandbox against the node:http one): each parameter kind, header, body field and path id, several problems of
// one request at once; the sandbox and the mock's front answer through this stage, so it is tested here once
export const badRequests = (document: JsonObject): BadRequestRow[] => [
  [
    "limit past its maximum",
    "GET",
    LIST.replace("limit=10", "limit=101"),
    undefined,
    {},
    [{ loc: ["query", "limit"], msg: "Input should be less than or equal to 100", type: "less_than_equal" }],
  ],
  [
    "limit not an integer",
    "GET",
    LIST.replace("limit=10", "limit=ten"),
    undefined,
    {},
    [{ loc: ["query", "limit"], type: "int_type" }],
  ],
  ["limit missing", "GET", LIST.replace("&limit=10", "")],
  ["offset below its minimum", "GET", LIST.replace("offset=0", "offset=-1")],
  ["offset missing", "GET", LIST.replace("&offset=0", "")],
  [
    "statuses missing",
    "GET",
    LIST.replace("statuses=connected&", ""),
    undefined,
    {},
    [{ loc: ["query", "statuses"], msg: "Field required", type: "missing" }],
  ],
  [
    "a status outside the enum",
    "GET",
    LIST.replace("statuses=connected", "statuses=pending"),
    undefined,
    {},
    [{ loc: ["query", "statuses", 0], type: "enum" }],
  ],
  ["order_by outside the enum", "GET", `${LIST}&order_by=score`],
  ["order_dir outside the enum", "GET", `${LIST}&order_dir=up`],
  ["search_field outside the enum", "GET", `${LIST}&search_field=nickname`],
  ["search_text too long", "GET", `${LIST}&search_text=${"x".repeat(256)}`],
  ["archived not a boolean", "GET", `${LIST}&archived=maybe`],
  ["an unknown active action type", "GET", `${LIST}&active_action_types=coffee`],
  [
    "three problems at once",
    "GET",
    "/host-connections?statuses=pending&limit=500",
    undefined,
    {},
    [
      { loc: ["query", "statuses", 0], type: "enum" },
      { loc: ["query", "limit"], type: "less_than_equal" },
      { loc: ["query", "offset"], type: "missing" },
    ],
  ],
  ["Target-Organization-ID missing", "GET", LIST, undefined, { "target-organization-id": undefined }],
  [
    "Requester-Organization-ID not a uuid",
    "GET",
    LIST,
    undefined,
    { "requester-organization-id": "me" },
    [{ loc: ["header", "Requester-Organization-ID"], type: "uuid_parsing" }],
  ],
  [
    "a path id that is not a uuid",
    "GET",
    "/host-connections/not-a-uuid",
    undefined,
    {},
    [{ loc: ["path", "host_org_id"], type: "uuid_parsing" }],
  ],
  ["a path id with a urn: prefix", "GET", `/host-connections/urn:uuid:${ID}`],
  ["a malformed percent-escape in the path", "GET", "/host-connections/%E2%82"],
  [
    "a body field of the wrong type",
    "PATCH",
    `/guest-connections/${ID}`,
    { archived: "yes" },
    {},
    [{ loc: ["body", "archived"], type: "bool_type" }],
  ],
  [
    "a required body field missing",
    "PATCH",
    `/guest-connections/${ID}`,
    {},
    {},
    [{ loc: ["body", "archived"], msg: "Field required", type: "missing" }],
  ],
  ["no body at all", "PATCH", `/guest-connections/${ID}`, undefined, { "content-type": "application/json" }],
  [
    "a body that is not JSON",
    "PATCH",
    `/guest-connections/${ID}`,
    "{archived:",
    {},
    [{ loc: ["body", 0], type: "json_invalid" }],
  ],
  ["a host id that is not a uuid", "POST", "/host-connections", { host_organization_id: "acme" }],
  [
    "an invitation token too short",
    "POST",
    "/host-connections",
    { host_organization_id: ID, invitation_token: "abc" },
    {},
    [{ loc: ["body", "invitation_token"], type: "string_too_short" }],
  ],
  [
    "an email that is not an email",
    "POST",
    "/guest-invitations",
    { email: "nobody", expired_at: "2099-01-01T00:00:00Z" },
    {},
    [{ loc: ["body", "email"], type: "value_error" }],
  ],
  [
    "an hour-only offset",
    "POST",
    "/guest-invitations",
    { email: "a@b.co", expired_at: "2099-01-01T00:00:00+02" },
  ],
  ["a leap second", "POST", "/guest-invitations", { email: "a@b.co", expired_at: "2016-12-31T23:59:60Z" }],
  [
    "an impossible month",
    "POST",
    "/guest-invitations",
    { email: "a@b.co", expired_at: "2030-13-31T23:59:59" },
  ],
  ["a date alone", "POST", "/guest-invitations", { email: "a@b.co", expired_at: "2030-12-31" }],
  ["createToken with an empty body", "POST", "/oauth2/token", {}, { authorization: undefined }],
  [
    "a NUL character in a body field",
    "POST",
    "/oauth2/token",
    { client_id: "a\u0000", client_secret: "s" },
    {},
    [{ loc: ["body", "client_id"], type: "string_nul" }],
  ],
  ...listOperations(document)
    .filter((operation) =>
      operation.parameters.some((parameter) => parameter.name === "Requester-Organization-ID"),
    )
    .map(
      (operation): BadRequestRow => [
        `${operation.operationId} without Requester-Organization-ID`,
        operation.method,
        operation.path.replace(/\{[^}]+\}/, ID) +
          (operation.method === "GET" && !operation.path.includes("{")
            ? "?statuses=connected&limit=1&offset=0"
            : ""),
        operation.requestBody ? exampleBody(operation.operationId) : undefined,
        { "requester-organization-id": undefined },
        [{ loc: ["header", "Requester-Organization-ID"], msg: "Field required", type: "missing" }],
      ],
    ),
];

function exampleBody(operationId: string): unknown {
  return {
    updateGuestConnection: { archived: true },
    createHostConnection: { host_organization_id: ID },
    createGuestInvitation: { email: "guest@example.com", expired_at: "2030-12-31T23:59:59" },
  }[operationId];
}
