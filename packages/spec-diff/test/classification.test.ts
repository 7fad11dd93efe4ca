import { type JsonObject, loadBundledSpec } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";

const base = loadBundledSpec();

/** The object at `keys` below `node`; the test edits a document whose shape it knows. */
function dig(node: JsonObject, ...keys: string[]): JsonObject {
  return keys.reduce<JsonObject>((at, key) => at[key] as JsonObject, node);
}
function edited(change: (document: JsonObject) => void): JsonObject {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}
const schema = (document: JsonObject, name: string) => dig(document, "components", "schemas", name);
const props = (document: JsonObject, name: string) => dig(schema(document, name), "properties");
const requiredOf = (node: JsonObject) => node.required as string[];
const enumOf = (node: JsonObject) => node.enum as string[];
const list = (document: JsonObject) => dig(document, "paths", "/host-connections", "get");
const queryParam = (document: JsonObject, name: string) =>
  (list(document).parameters as JsonObject[]).find((parameter) => parameter.name === name) as JsonObject;
const without = (names: string[], name: string) => names.filter((entry) => entry !== name);

const cases: Array<[string, (document: JsonObject) => void, boolean, string]> = [
  [
    "a removed operation",
    (d) => delete dig(d, "paths")["/host-connections/{host_org_id}"],
    true,
    "operation-removed",
  ],
  [
    "a removed response field",
    (d) => {
      delete props(d, "HostConnection").host_email;
      schema(d, "HostConnection").required = without(requiredOf(schema(d, "HostConnection")), "host_email");
    },
    true,
    "response-property-removed",
  ],
  [
    "a request field that became required",
    (d) => requiredOf(schema(d, "GuestInvitationCreate")).push("parent_organization_id"),
    true,
    "request-property-required-changed",
  ],
  [
    "a request field added as required",
    (d) => {
      props(d, "GuestConnectionUpdate").reason = { type: "string" };
      requiredOf(schema(d, "GuestConnectionUpdate")).push("reason");
    },
    true,
    "request-property-added",
  ],
  [
    "a parameter added as required",
    (d) =>
      (list(d).parameters as JsonObject[]).push({
        name: "region",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
    true,
    "parameter-added",
  ],
  [
    "a parameter that became required",
    (d) => {
      queryParam(d, "search_field").required = true;
    },
    true,
    "parameter-required-changed",
  ],
  [
    "a request enum value removed",
    (d) => {
      schema(d, "OrderDirection").enum = ["asc"];
    },
    true,
    "request-enum-value-removed",
  ],
  [
    "a shorter max length",
    (d) => {
      dig(props(d, "GuestInvitationCreate"), "email").maxLength = 50;
    },
    true,
    "request-maxLength-changed",
  ],
  [
    "a tighter range",
    (d) => {
      dig(queryParam(d, "limit"), "schema").maximum = 50;
    },
    true,
    "request-maximum-changed",
  ],
  [
    "a changed type",
    (d) => {
      dig(queryParam(d, "offset"), "schema").type = "string";
    },
    true,
    "request-type-changed",
  ],
  [
    "a changed format",
    (d) => {
      dig(props(d, "HostConnectionCreate"), "host_organization_id").format = "email";
    },
    true,
    "request-format-changed",
  ],
  [
    "a response field that became optional",
    (d) => {
      schema(d, "HostConnection").required = without(requiredOf(schema(d, "HostConnection")), "host_name");
    },
    true,
    "response-property-required-changed",
  ],
  [
    "a response field that became nullable",
    (d) => {
      props(d, "HostConnection").host_name = {
        anyOf: [{ type: "string", minLength: 1, maxLength: 300 }, { type: "null" }],
      };
    },
    true,
    "response-nullability-changed",
  ],
  [
    "a response enum that gained a value",
    (d) => enumOf(schema(d, "InvitationStatus")).push("revoked"),
    true,
    "response-enum-value-added",
  ],
  [
    "a removed documented status",
    (d) => delete dig(list(d), "responses")["403"],
    true,
    "response-status-removed",
  ],
  [
    "a new optional response field",
    (d) => {
      props(d, "HostConnection").nickname = { type: "string" };
    },
    false,
    "response-property-added",
  ],
  [
    "a new operation",
    (d) => {
      dig(d, "paths")["/health"] = {
        get: { operationId: "health", responses: { "200": { description: "ok" } } },
      };
    },
    false,
    "operation-added",
  ],
  [
    "a description edit",
    (d) => {
      dig(props(d, "HostConnection"), "archived").description = "Whether it is archived";
    },
    false,
    "documentation-changed",
  ],
  [
    "an example edit",
    (d) => {
      dig(props(d, "GuestConnection"), "guest_name").examples = ["Another Corp"];
    },
    false,
    "documentation-changed",
  ],
  [
    "a new optional request field",
    (d) => {
      props(d, "HostConnectionCreate").note = { type: "string" };
    },
    false,
    "request-property-added",
  ],
  [
    "a wider request constraint",
    (d) => {
      dig(queryParam(d, "limit"), "schema").maximum = 200;
    },
    false,
    "request-maximum-changed",
  ],
  [
    "a request enum that gained a value",
    (d) => enumOf(schema(d, "OrderDirection")).push("random"),
    false,
    "request-enum-value-added",
  ],
  [
    "a parameter that became optional",
    (d) => {
      queryParam(d, "limit").required = false;
    },
    false,
    "parameter-required-changed",
  ],
];

describe("diffSpecs classifies each kind of change", () => {
  it.each(cases)("%s", (_name, change, isBreaking, rule) => {
    const changes = diffSpecs(base, edited(change));
    expect(changes.filter((entry) => entry.rule === rule).length, JSON.stringify(changes)).toBeGreaterThan(0);
    expect(changes.some((entry) => entry.breaking)).toBe(isBreaking);
  });

  it("finds nothing between a spec and itself", () => {
    expect(diffSpecs(base, structuredClone(base))).toEqual([]);
  });

  it("names the operation and place of a change", () => {
    const [change] = diffSpecs(
      base,
      edited((d) => {
        dig(queryParam(d, "limit"), "schema").maximum = 50;
      }),
    );
    expect(change).toEqual({
      breaking: true,
      rule: "request-maximum-changed",
      operation: "GET /host-connections",
      location: "query parameter limit",
      message: "maximum 100 → 50",
    });
  });
});
