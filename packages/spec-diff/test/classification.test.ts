// One table of single changes to the real spec: what this project says (`ours`, which must be the expected
// verdict) and what oasdiff alone says (`oasdiff`, its highest level), so every disagreement is visible here.
import { readFileSync } from "node:fs";
import type { JsonObject } from "@mca/spec";
import { loadBundledSpec } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { classify, diffSpecs, oasdiffChangelog, WARN_VERDICTS } from "../src/index.js";

const base = loadBundledSpec();

/** The object at `keys` below `node`; the test edits a document whose shape it knows. */
function dig(node: JsonObject, ...keys: string[]): JsonObject {
  return keys.reduce<JsonObject>((at, key) => at[key] as JsonObject, node);
}
const schema = (d: JsonObject, name: string) => dig(d, "components", "schemas", name);
const props = (d: JsonObject, name: string) => dig(schema(d, name), "properties");
const requiredOf = (node: JsonObject) => node.required as string[];
const enumOf = (node: JsonObject) => node.enum as string[];
const list = (d: JsonObject) => dig(d, "paths", "/host-connections", "get");
const queryParam = (d: JsonObject, name: string) =>
  (list(d).parameters as JsonObject[]).find((parameter) => parameter.name === name) as JsonObject;
const pathParam = (d: JsonObject) => dig(d, "components", "parameters", "HostOrgId");
const without = (names: string[], name: string) => names.filter((entry) => entry !== name);

type Verdict = "breaking" | "compatible";
type Raw = "ERR" | "WARN" | "INFO" | "none";
const LEVEL_NAMES: Raw[] = ["none", "INFO", "WARN", "ERR"];

const CASES: Array<[string, (d: JsonObject) => void, Verdict, Raw]> = [
  // operations and statuses
  [
    "a removed operation",
    (d) => delete dig(d, "paths")["/host-connections/{host_org_id}"],
    "breaking",
    "ERR",
  ],
  [
    "a new operation",
    (d) => {
      dig(d, "paths")["/health"] = {
        get: { operationId: "health", responses: { "200": { description: "ok" } } },
      };
    },
    "compatible",
    "INFO",
  ],
  ["a removed documented status", (d) => delete dig(list(d), "responses")["403"], "compatible", "INFO"],
  [
    "a renamed path parameter ({host_org_id} → {id}): the same operation",
    (d) => {
      const paths = dig(d, "paths");
      paths["/host-connections/{id}"] = JSON.parse(
        JSON.stringify(paths["/host-connections/{host_org_id}"]).replaceAll("HostOrgId", "Id"),
      );
      delete paths["/host-connections/{host_org_id}"];
      dig(d, "components", "parameters").Id = { ...pathParam(d), name: "id" };
    },
    "compatible",
    "none",
  ],
  // parameters
  [
    "a parameter added as required",
    (d) => {
      (list(d).parameters as JsonObject[]).push({
        name: "region",
        in: "query",
        required: true,
        schema: { type: "string" },
      });
    },
    "breaking",
    "ERR",
  ],
  [
    "a parameter that became required",
    (d) => {
      queryParam(d, "search_field").required = true;
    },
    "breaking",
    "ERR",
  ],
  [
    "a parameter that became optional",
    (d) => {
      queryParam(d, "limit").required = false;
    },
    "compatible",
    "INFO",
  ],
  [
    "a parameter removed (callers that set it stop compiling)",
    (d) => {
      list(d).parameters = (list(d).parameters as JsonObject[]).filter(
        (parameter) => parameter.name !== "search_text",
      );
    },
    "breaking",
    "WARN",
  ],
  [
    "a parameter default changed",
    (d) => {
      dig(queryParam(d, "order_dir"), "schema").default = "desc";
    },
    "breaking",
    "ERR",
  ],
  [
    "a parameter pattern added",
    (d) => {
      dig(queryParam(d, "search_text"), "schema").pattern = "^[a-z]+$";
    },
    "breaking",
    "ERR",
  ],
  [
    "a tighter parameter range",
    (d) => {
      dig(queryParam(d, "limit"), "schema").maximum = 50;
    },
    "breaking",
    "ERR",
  ],
  [
    "a wider parameter range",
    (d) => {
      dig(queryParam(d, "limit"), "schema").maximum = 200;
    },
    "compatible",
    "INFO",
  ],
  [
    "a query parameter narrowed from string to integer",
    (d) => {
      const text = dig(queryParam(d, "search_text"), "schema");
      text.type = "integer";
      delete text.minLength;
      delete text.maxLength;
    },
    "breaking",
    "ERR",
  ],
  [
    "a query parameter from integer to string (integer text stays valid on the wire)",
    (d) => {
      dig(queryParam(d, "offset"), "schema").type = "string";
    },
    "compatible",
    "INFO",
  ],
  [
    "a request enum value removed",
    (d) => {
      schema(d, "OrderDirection").enum = ["asc"];
    },
    "breaking",
    "ERR",
  ],
  [
    "a request enum that gained a value",
    (d) => enumOf(schema(d, "OrderDirection")).push("random"),
    "compatible",
    "INFO",
  ],
  [
    "format removed from a path parameter (widens it)",
    (d) => {
      delete dig(pathParam(d), "schema").format;
    },
    "compatible",
    "ERR",
  ],
  // request bodies
  [
    "a request field that became required",
    (d) => requiredOf(schema(d, "GuestInvitationCreate")).push("parent_organization_id"),
    "breaking",
    "ERR",
  ],
  [
    "a request field added as required",
    (d) => {
      props(d, "GuestConnectionUpdate").reason = { type: "string" };
      requiredOf(schema(d, "GuestConnectionUpdate")).push("reason");
    },
    "breaking",
    "ERR",
  ],
  [
    "a new optional request field",
    (d) => {
      props(d, "HostConnectionCreate").note = { type: "string" };
    },
    "compatible",
    "INFO",
  ],
  [
    "a shorter request max length",
    (d) => {
      dig(props(d, "GuestInvitationCreate"), "email").maxLength = 50;
    },
    "breaking",
    "ERR",
  ],
  [
    "a request pattern added",
    (d) => {
      dig(props(d, "GuestInvitationCreate"), "email").pattern = "^[a-z@.]+$";
    },
    "breaking",
    "ERR",
  ],
  [
    "a changed request format",
    (d) => {
      dig(props(d, "HostConnectionCreate"), "host_organization_id").format = "email";
    },
    "breaking",
    "ERR",
  ],
  [
    "format removed from a request field (widens it)",
    (d) => {
      delete dig(props(d, "HostConnectionCreate"), "host_organization_id").format;
    },
    "compatible",
    "ERR",
  ],
  [
    "a request field widened to anyOf [boolean, string]",
    (d) => {
      props(d, "GuestConnectionUpdate").archived = { anyOf: [{ type: "boolean" }, { type: "string" }] };
    },
    "compatible",
    "INFO",
  ],
  [
    "the request media type replaced",
    (d) => {
      const content = dig(d, "paths", "/guest-invitations", "post", "requestBody", "content");
      content["application/x-www-form-urlencoded"] = content["application/json"] as JsonObject;
      delete content["application/json"];
    },
    "breaking",
    "ERR",
  ],
  // responses
  [
    "a removed response field",
    (d) => {
      delete props(d, "HostConnection").host_email;
      schema(d, "HostConnection").required = without(requiredOf(schema(d, "HostConnection")), "host_email");
    },
    "breaking",
    "ERR",
  ],
  [
    "a response field that became optional",
    (d) => {
      schema(d, "HostConnection").required = without(requiredOf(schema(d, "HostConnection")), "host_name");
    },
    "breaking",
    "ERR",
  ],
  [
    "a response field that became nullable",
    (d) => {
      props(d, "HostConnection").host_name = {
        anyOf: [{ type: "string", minLength: 1, maxLength: 300 }, { type: "null" }],
      };
    },
    "breaking",
    "ERR",
  ],
  [
    "a response enum that gained a value",
    (d) => enumOf(schema(d, "InvitationStatus")).push("revoked"),
    "breaking",
    "WARN",
  ],
  [
    "a new optional response field",
    (d) => {
      props(d, "HostConnection").nickname = { type: "string" };
    },
    "compatible",
    "INFO",
  ],
  [
    "a response maxLength raised (validating clients refuse longer values)",
    (d) => {
      dig(props(d, "HostConnection"), "host_name").maxLength = 999;
    },
    "breaking",
    "ERR",
  ],
  [
    "a response minLength lowered",
    (d) => {
      dig(props(d, "HostConnection"), "host_name").minLength = 0;
    },
    "breaking",
    "ERR",
  ],
  [
    "a response format dropped",
    (d) => {
      delete dig(props(d, "HostConnection"), "host_organization_id").format;
    },
    "breaking",
    "ERR",
  ],
  [
    "a nullable response field narrowed to non-null",
    (d) => {
      const field = dig(props(d, "HostConnection"), "archived_at");
      field.anyOf = (field.anyOf as JsonObject[]).filter((branch) => branch.type !== "null");
    },
    "compatible",
    "INFO",
  ],
  [
    "a response media type added",
    (d) => {
      dig(list(d), "responses", "200", "content")["text/csv"] = { schema: { type: "string" } };
    },
    "compatible",
    "INFO",
  ],
  // 3.1 forms that mean the same: our rules
  [
    "anyOf [T, null] written as type: [T, null] (same values)",
    (d) => {
      props(d, "HostConnection").archived_at = {
        type: ["string", "null"],
        format: "date-time",
        description: "Datetime when the connection was archived",
      };
    },
    "compatible",
    "ERR",
  ],
  [
    "anyOf → oneOf between branches that cannot overlap",
    (d) => {
      const field = dig(props(d, "HostConnection"), "archived_at");
      field.oneOf = field.anyOf as JsonObject[];
      delete field.anyOf;
    },
    "compatible",
    "ERR",
  ],
  // security
  [
    "a second security scheme every call must present",
    (d) => {
      dig(d, "components", "securitySchemes").ApiKey = { type: "apiKey", in: "header", name: "X-Key" };
      d.security = (d.security as JsonObject[]).map((requirement) => ({ ...requirement, ApiKey: [] }));
    },
    "breaking",
    "INFO",
  ],
  [
    "another security scheme offered as an alternative",
    (d) => {
      dig(d, "components", "securitySchemes").ApiKey = { type: "apiKey", in: "header", name: "X-Key" };
      (d.security as JsonObject[]).push({ ApiKey: [] });
    },
    "compatible",
    "INFO",
  ],
  // documentation
  [
    "a description edit",
    (d) => {
      dig(props(d, "HostConnection"), "archived").description = "Whether it is archived";
    },
    "compatible",
    "none",
  ],
  [
    "an example edit",
    (d) => {
      dig(props(d, "GuestConnection"), "guest_name").examples = ["Another Corp"];
    },
    "compatible",
    "none",
  ],
];

function edited(change: (d: JsonObject) => void): JsonObject {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe("each single change: our verdict, and oasdiff's alone beside it", () => {
  const rows = CASES.map(([name, change, ours, raw]) => [name, ours, raw, change] as const);
  it.each(rows)("%s → %s (oasdiff alone: %s)", (_name, ours, raw, change) => {
    const head = edited(change);
    const changes = diffSpecs(base, head);
    expect(changes.length, "a change must be found").toBeGreaterThan(0);
    expect(
      changes.some((entry) => entry.breaking) ? "breaking" : "compatible",
      JSON.stringify(changes, null, 1),
    ).toBe(ours);
    const levels = oasdiffChangelog(base, head).map((entry) => entry.level);
    expect(LEVEL_NAMES[Math.max(0, ...levels)]).toBe(raw);
  });

  it("finds nothing between a spec and itself", () => {
    expect(diffSpecs(base, structuredClone(base))).toEqual([]);
  });

  it("names the operation and what changed", () => {
    const [change] = diffSpecs(
      base,
      edited((d) => {
        dig(queryParam(d, "limit"), "schema").maximum = 50;
      }),
    );
    expect(change).toMatchObject({ breaking: true, operation: "GET /host-connections", location: "paths" });
    expect(change?.message).toMatch(/limit/);
  });
});

describe("fails closed on what the table does not know", () => {
  it.each([
    ["a WARN id the table does not list", { id: "request-property-frobnicated", text: "t", level: 2 }],
    ["a level oasdiff did not have", { id: "request-property-max-set", text: "t", level: 4 }],
  ])("%s is breaking `unclassified`", (_name, change) => {
    expect(classify({ ...change, operation: "GET", path: "/x" })).toMatchObject({
      breaking: true,
      rule: "unclassified",
    });
  });
});

describe("the README's verdict table", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  it.each(Object.entries(WARN_VERDICTS))("lists %s with its verdict", (id, verdict) => {
    const row = readme.split("\n").find((line) => line.startsWith("| WARN |") && line.includes(`\`${id}\``));
    expect(row).toContain(`**${verdict.breaking ? "breaking" : "compatible"}**`);
    expect(row).toContain(verdict.reason);
  });
});
