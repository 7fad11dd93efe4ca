import { type MockServer, startMock } from "@mca/mock";
import type { OperationId } from "@mca/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../src/vitest/index.js";
import { ORG } from "./support/context.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
});
afterAll(async () => {
  await mock?.stop();
});

const list = () =>
  fetch(`${mock.baseUrl}/host-connections?statuses=connected&limit=10&offset=0`, {
    headers: {
      authorization: "Bearer any",
      "requester-organization-id": ORG,
      "target-organization-id": ORG,
    },
  });
const item = {
  host_organization_id: ORG,
  guest_organization_id: ORG,
  host_name: "Acme",
  status: "connected",
};

describe("toMatchOperation", () => {
  it("passes on a response the spec documents for the operation (a fetch Response)", async () => {
    const response = await list();
    await expect(response).toMatchOperation("listHostConnections");
    // the matcher reads a clone: the caller can still read the body
    expect(await response.json()).toHaveProperty("items");
  });

  it("fails on a body that breaks the schema, naming the schema path", async () => {
    const broken = {
      status: 200,
      body: { items: [{ ...item, host_name: undefined, name: "Acme" }], total_items: 1 },
    };
    await expect(broken).not.toMatchOperation("listHostConnections");
    await expect(expect(broken).toMatchOperation("listHostConnections")).rejects.toThrow(
      /response_schema_conformance: .*host_name/,
    );
  });

  it("fails on a status the operation does not document", async () => {
    await expect(
      expect({ status: 201, body: { items: [], total_items: 0 } }).toMatchOperation("listHostConnections"),
    ).rejects.toThrow(/status_code_conformance: status 201 is not documented/);
  });

  it("refuses an operationId the spec does not have, at run time too (for JavaScript callers)", async () => {
    const id = "noSuchOperation" as OperationId;
    await expect(expect({ status: 200, body: {} }).toMatchOperation(id)).rejects.toThrow(
      /no operation noSuchOperation/,
    );
  });
});
