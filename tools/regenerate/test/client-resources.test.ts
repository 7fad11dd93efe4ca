import { describe, expect, it } from "vitest";
import {
  ClientGenerationError,
  METHOD_EXTENSION,
  methodNameOf,
  RESOURCE_EXTENSION,
  renderClientResources,
  resourceMethodsOf,
  resourceNameOf,
} from "../src/client-resources.js";
import type { JsonObject } from "../src/spec-operations.js";

describe("names from the spec", () => {
  it.each([
    ["Host connections", "hostConnections"],
    ["Guest invitations", "guestInvitations"],
    ["OAuth", "oauth"],
    ["guest-connections", "guestConnections"],
  ])("the tag %j is the resource %s", (tag, resource) => {
    expect(resourceNameOf(tag)).toBe(resource);
  });

  it.each([
    ["listHostConnections", "Host connections", "list"],
    ["getHostConnection", "Host connections", "get"],
    ["createHostConnection", "Host connections", "create"],
    ["updateGuestConnection", "Guest connections", "update"],
    ["createGuestInvitation", "Guest invitations", "create"],
    ["createToken", "OAuth", "createToken"],
    // the noun must be a whole word of the operationId
    ["listHostConnectionsByOwner", "Host connections", "listByOwner"],
    ["listHostConnectionsx", "Host connections", "listHostConnectionsx"],
    ["hostConnections", "Host connections", "hostConnections"],
  ])("%s under %j is %s", (operationId, tag, method) => {
    expect(methodNameOf(operationId, tag)).toBe(method);
  });
});

const operation = (extra: JsonObject = {}): JsonObject => ({
  operationId: "listHostConnections",
  tags: ["Host connections"],
  summary: "Get host connections",
  responses: { "200": { description: "ok" } },
  ...extra,
});
const spec = (paths: JsonObject): JsonObject => ({ openapi: "3.1.0", paths });

describe("the generated resources", () => {
  it("take an x- extension over the derived names", () => {
    const [method] = resourceMethodsOf(
      spec({ "/a": { get: operation({ [METHOD_EXTENSION]: "page", [RESOURCE_EXTENSION]: "hosts" }) } }),
    );
    expect(method).toMatchObject({ resource: "hosts", method: "page" });
  });

  it("carry the summary, the description and @deprecated into JSDoc", () => {
    const text = renderClientResources(
      spec({ "/a": { get: operation({ description: "Every host.", deprecated: true }) } }),
    );
    expect(text).toContain(
      [
        "    /**",
        "     * Get host connections",
        "     *",
        "     * Every host.",
        "     *",
        "     * `GET /a`",
        "     * @deprecated The spec marks this operation deprecated.",
        "     */",
      ].join("\n"),
    );
  });

  it.each([
    [
      "two operations with one name",
      spec({
        "/a": { get: operation() },
        "/b": { get: operation({ operationId: "listHostConnectionsAgain", [METHOD_EXTENSION]: "list" }) },
      }),
      /GET \/b and GET \/a both become hostConnections\.list: set x-client-method/,
    ],
    [
      "an operation without an operationId",
      spec({ "/a": { get: operation({ operationId: "" }) } }),
      /GET \/a: no operationId/,
    ],
    ["an operation without a tag", spec({ "/a": { get: operation({ tags: [] }) } }), /GET \/a: no tag/],
    [
      "a name that is no identifier",
      spec({ "/a": { get: operation({ [METHOD_EXTENSION]: "list-all" }) } }),
      /not an identifier/,
    ],
  ])("refuse %s, naming it", (_name, document, message) => {
    expect(() => renderClientResources(document)).toThrow(ClientGenerationError);
    expect(() => renderClientResources(document)).toThrow(message);
  });
});
