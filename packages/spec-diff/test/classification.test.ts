import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { JsonObject } from "@mca/validation";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";

const base = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@mca/openapi/openapi.json"), "utf8"),
) as JsonObject;

// biome-ignore lint/suspicious/noExplicitAny: edits reach deep into a JSON document of known shape
type Doc = any;
function edited(change: (document: Doc) => void): JsonObject {
  const copy = structuredClone(base) as Doc;
  change(copy);
  return copy;
}
const schemas = (document: Doc) => document.components.schemas;
const list = (document: Doc) => document.paths["/host-connections"].get;
const queryParam = (document: Doc, name: string) =>
  list(document).parameters.find((parameter: Doc) => parameter.name === name);

const cases: Array<[string, (document: Doc) => void, boolean, string]> = [
  [
    "a removed operation",
    (d) => delete d.paths["/host-connections/{host_org_id}"],
    true,
    "operation-removed",
  ],
  [
    "a removed response field",
    (d) => {
      delete schemas(d).HostConnection.properties.host_email;
      schemas(d).HostConnection.required = schemas(d).HostConnection.required.filter(
        (name: string) => name !== "host_email",
      );
    },
    true,
    "response-property-removed",
  ],
  [
    "a request field that became required",
    (d) => schemas(d).GuestInvitationCreate.required.push("parent_organization_id"),
    true,
    "request-property-required-changed",
  ],
  [
    "a request field added as required",
    (d) => {
      schemas(d).GuestConnectionUpdate.properties.reason = { type: "string" };
      schemas(d).GuestConnectionUpdate.required.push("reason");
    },
    true,
    "request-property-added",
  ],
  [
    "a parameter added as required",
    (d) =>
      list(d).parameters.push({ name: "region", in: "query", required: true, schema: { type: "string" } }),
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
      schemas(d).OrderDirection.enum = ["asc"];
    },
    true,
    "request-enum-value-removed",
  ],
  [
    "a shorter max length",
    (d) => {
      schemas(d).GuestInvitationCreate.properties.email.maxLength = 50;
    },
    true,
    "request-maxLength-changed",
  ],
  [
    "a tighter range",
    (d) => {
      queryParam(d, "limit").schema.maximum = 50;
    },
    true,
    "request-maximum-changed",
  ],
  [
    "a changed type",
    (d) => {
      queryParam(d, "offset").schema.type = "string";
    },
    true,
    "request-type-changed",
  ],
  [
    "a changed format",
    (d) => {
      schemas(d).HostConnectionCreate.properties.host_organization_id.format = "email";
    },
    true,
    "request-format-changed",
  ],
  [
    "a response field that became optional",
    (d) => {
      schemas(d).HostConnection.required = schemas(d).HostConnection.required.filter(
        (name: string) => name !== "host_name",
      );
    },
    true,
    "response-property-required-changed",
  ],
  [
    "a response field that became nullable",
    (d) => {
      schemas(d).HostConnection.properties.host_name = {
        anyOf: [{ type: "string", minLength: 1, maxLength: 300 }, { type: "null" }],
      };
    },
    true,
    "response-nullability-changed",
  ],
  [
    "a response enum that gained a value",
    (d) => schemas(d).InvitationStatus.enum.push("revoked"),
    true,
    "response-enum-value-added",
  ],
  ["a removed documented status", (d) => delete list(d).responses["403"], true, "response-status-removed"],
  [
    "a new optional response field",
    (d) => {
      schemas(d).HostConnection.properties.nickname = { type: "string" };
    },
    false,
    "response-property-added",
  ],
  [
    "a new operation",
    (d) => {
      d.paths["/health"] = { get: { operationId: "health", responses: { "200": { description: "ok" } } } };
    },
    false,
    "operation-added",
  ],
  [
    "a description edit",
    (d) => {
      schemas(d).HostConnection.properties.archived.description = "Whether it is archived";
    },
    false,
    "documentation-changed",
  ],
  [
    "an example edit",
    (d) => {
      schemas(d).GuestConnection.properties.guest_name.examples = ["Another Corp"];
    },
    false,
    "documentation-changed",
  ],
  [
    "a new optional request field",
    (d) => {
      schemas(d).HostConnectionCreate.properties.note = { type: "string" };
    },
    false,
    "request-property-added",
  ],
  [
    "a wider request constraint",
    (d) => {
      queryParam(d, "limit").schema.maximum = 200;
    },
    false,
    "request-maximum-changed",
  ],
  [
    "a request enum that gained a value",
    (d) => schemas(d).OrderDirection.enum.push("random"),
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
        queryParam(d, "limit").schema.maximum = 50;
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
