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
/** A field the real spec lacks, added to both sides of a case that needs it. */
type Before = (d: JsonObject) => void;
type Raw = "ERR" | "WARN" | "INFO" | "none";
const LEVEL_NAMES: Raw[] = ["none", "INFO", "WARN", "ERR"];

const guestFields = (d: JsonObject) => props(d, "GuestConnection");
const requestBodyContent = (d: JsonObject) =>
  dig(d, "paths", "/guest-invitations", "post", "requestBody", "content");
/** The request body's `application/json` entry under another media type. */
const requestMediaTypeAs = (name: string) => (d: JsonObject) => {
  const content = requestBodyContent(d);
  content[name] = content["application/json"] as JsonObject;
  delete content["application/json"];
};
/** The guest's `total_score` as a plain `type` (no nullable union). */
const plainScore = (type: string) => (d: JsonObject) => {
  const score = dig(guestFields(d), "total_score");
  delete score.anyOf;
  score.type = type;
};
const withRequestWeight: Before = (d) => {
  props(d, "HostConnectionCreate").weight = { anyOf: [{ type: "number" }, { type: "null" }] };
};

const CASES: Array<[string, (d: JsonObject) => void, Verdict, Raw, Before?]> = [
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
    "a renamed path parameter ({host_org_id} → {id}): the same URLs, but client.raw callers naming the template stop compiling",
    (d) => {
      const paths = dig(d, "paths");
      paths["/host-connections/{id}"] = JSON.parse(
        JSON.stringify(paths["/host-connections/{host_org_id}"]).replaceAll("HostOrgId", "Id"),
      );
      delete paths["/host-connections/{host_org_id}"];
      dig(d, "components", "parameters").Id = { ...pathParam(d), name: "id" };
    },
    "breaking",
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
    "the request media type replaced (by a form)",
    requestMediaTypeAs("application/x-www-form-urlencoded"),
    "breaking",
    "ERR",
  ],
  [
    "the request media type replaced by another of the JSON family (merge-patch+json): 415 for application/json",
    requestMediaTypeAs("application/merge-patch+json"),
    "breaking",
    "none",
  ],
  [
    "the request media type replaced by a vendor JSON type (vnd.api+json)",
    requestMediaTypeAs("application/vnd.api+json"),
    "breaking",
    "none",
  ],
  [
    "`; charset=utf-8` added to the request media type (JSON is UTF-8 either way)",
    requestMediaTypeAs("application/json; charset=utf-8"),
    "compatible",
    "none",
  ],
  [
    "another parameter added to the request media type (`; version=2`)",
    requestMediaTypeAs("application/json; version=2"),
    "breaking",
    "none",
  ],
  [
    "a nullable request number narrowed to integer (clients sending 87.5 get 422)",
    (d) => {
      dig(props(d, "HostConnectionCreate"), "weight").anyOf = [{ type: "integer" }, { type: "null" }];
    },
    "breaking",
    "ERR",
    withRequestWeight,
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
    "a nullable response number narrowed to integer (every integer is a number)",
    (d) => {
      dig(guestFields(d), "total_score").anyOf = [{ type: "integer", minimum: 0 }, { type: "null" }];
    },
    "compatible",
    "ERR",
  ],
  [
    "a nullable response number to integer with a constraint dropped (values below 0 are new)",
    (d) => {
      dig(guestFields(d), "total_score").anyOf = [{ type: "integer" }, { type: "null" }];
    },
    "breaking",
    "ERR",
  ],
  [
    "an integer branch added to a nullable response string (a new type of value)",
    (d) => {
      const field = dig(guestFields(d), "score_updated_at");
      field.anyOf = [...(field.anyOf as JsonObject[]), { type: "integer" }];
    },
    "breaking",
    "ERR",
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
  // servers: oasdiff is silent on them
  [
    "the loopback server removed (no deployed client calls it)",
    (d) => {
      d.servers = (d.servers as JsonObject[]).filter((server) => !String(server.url).includes("127.0.0.1"));
    },
    "compatible",
    "none",
    (d) => (d.servers as JsonObject[]).push({ url: "http://127.0.0.1:4010", description: "Local mock" }),
  ],
  [
    "the production server removed (and so the client's default base URL changed)",
    (d) => {
      d.servers = (d.servers as JsonObject[]).slice(1);
    },
    "breaking",
    "none",
    (d) => (d.servers as JsonObject[]).push({ url: "https://eu.api.mycreditapp.ai/v1-beta" }),
  ],
  [
    "a server added",
    (d) => (d.servers as JsonObject[]).push({ url: "https://eu.api.mycreditapp.ai/v1-beta" }),
    "compatible",
    "none",
  ],
  // documentation, and what oasdiff is silent on that is not documentation
  [
    "info.version edited (metadata)",
    (d) => {
      dig(d, "info").version = "1.0.0-beta.7";
    },
    "compatible",
    "none",
  ],
  [
    "a response number narrowed to integer outside a union: oasdiff silent, so unclassified (judged by hand)",
    plainScore("integer"),
    "breaking",
    "none",
    plainScore("number"),
  ],
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

/** For the cases our own rules decide: the rule that must have decided it. */
const RULE_OF: Record<string, string> = {
  "a renamed path parameter ({host_org_id} → {id}): the same URLs, but client.raw callers naming the template stop compiling":
    "path-template-renamed",
  "the request media type replaced (by a form)": "request-body-media-type-removed",
  "the request media type replaced by another of the JSON family (merge-patch+json): 415 for application/json":
    "request-media-type-replaced",
  "the request media type replaced by a vendor JSON type (vnd.api+json)": "request-media-type-replaced",
  "`; charset=utf-8` added to the request media type (JSON is UTF-8 either way)":
    "request-media-type-parameters-changed",
  "another parameter added to the request media type (`; version=2`)":
    "request-media-type-parameters-changed",
  "a nullable response number narrowed to integer (every integer is a number)":
    "response-number-narrowed-to-integer",
  "a nullable response number to integer with a constraint dropped (values below 0 are new)":
    "response-property-list-of-types-widened",
  "the loopback server removed (no deployed client calls it)": "server-removed",
  "the production server removed (and so the client's default base URL changed)": "default-server-changed",
  "a server added": "server-added",
  "info.version edited (metadata)": "documentation-changed",
  "a response number narrowed to integer outside a union: oasdiff silent, so unclassified (judged by hand)":
    "unclassified",
  "a description edit": "documentation-changed",
};

function edited(change: (d: JsonObject) => void, from: JsonObject = base): JsonObject {
  const copy = structuredClone(from);
  change(copy);
  return copy;
}

describe("each single change: our verdict, and oasdiff's alone beside it", () => {
  const rows = CASES.map(([name, change, ours, raw, before]) => [name, ours, raw, change, before] as const);
  it.each(rows)("%s → %s (oasdiff alone: %s)", (name, ours, raw, change, before) => {
    const from = before ? edited(before) : base;
    const head = edited(change, from);
    const changes = diffSpecs(from, head);
    expect(changes.length, "a change must be found").toBeGreaterThan(0);
    expect(
      changes.some((entry) => entry.breaking) ? "breaking" : "compatible",
      JSON.stringify(changes, null, 1),
    ).toBe(ours);
    const rule = RULE_OF[name];
    if (rule) expect(changes.map((entry) => entry.rule)).toContain(rule);
    const levels = oasdiffChangelog(from, head).map((entry) => entry.level);
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
  it("a structural change oasdiff is silent on is `unclassified` where it is, never documentation", () => {
    const head = edited((d) => {
      dig(d, "paths", "/host-connections", "get")["x-internal"] = true;
    });
    expect(diffSpecs(base, head)).toEqual([
      expect.objectContaining({
        breaking: true,
        rule: "unclassified",
        location: "/paths/~1host-connections/get/x-internal",
      }),
    ]);
  });

  it("a property named like a documentation keyword is structure, not documentation", () => {
    const from = edited((d) => {
      props(d, "HostConnection").title = { type: "string" };
    });
    const head = edited((d) => {
      dig(props(d, "HostConnection"), "title")["x-internal"] = true;
    }, from);
    expect(diffSpecs(from, head)).toEqual([
      expect.objectContaining({
        rule: "unclassified",
        location: "/components/schemas/HostConnection/properties/title/x-internal",
      }),
    ]);
  });

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
