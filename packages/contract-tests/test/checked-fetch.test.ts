import { createClient } from "@mca/client";
import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ContractMismatch, checkedFetch } from "../src/checked-fetch.js";
import { startBreakingProxy } from "../src/testing/breaking-proxy.js";
import { ORG } from "./support/context.js";

let mock: MockServer;
let broken: { url: string; stop(): Promise<void> };
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
  // a server whose list items call host_name "name": what a client test should not take on trust
  broken = await startBreakingProxy(mock.baseUrl, {
    response: (response) => ({ ...response, body: response.body.replaceAll('"host_name":', '"name":') }),
  });
});
afterAll(async () => {
  await broken?.stop();
  await mock?.stop();
});

const query = { statuses: ["connected" as const], limit: 10, offset: 0 };
const clientOf = (baseUrl: string, fetch: (request: Request) => Promise<Response>) =>
  createClient({ baseUrl, organizationId: ORG, token: "any-token", fetch, retry: false });

describe("checkedFetch under @mca/client", () => {
  it("lets a correct server's responses through, unchanged", async () => {
    const page = await clientOf(mock.baseUrl, checkedFetch()).hostConnections.list(query);
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("fails the call on a response that breaks the spec, naming the operation and the check", async () => {
    const error = await clientOf(broken.url, checkedFetch())
      .hostConnections.list(query)
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    // the client reports a failed fetch as its NetworkError, with the mismatch's message
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(
      /GET \/host-connections \(listHostConnections\) answered 200, which breaks the spec/,
    );
    expect(String(error)).toMatch(/response_schema_conformance: .*host_name/);
  });

  it("throws a ContractMismatch to a caller of the wrapper itself", async () => {
    const fetchChecked = checkedFetch();
    const error = await fetchChecked(`${broken.url}/host-connections?statuses=connected&limit=10&offset=0`, {
      headers: {
        authorization: "Bearer any",
        "requester-organization-id": ORG,
        "target-organization-id": ORG,
      },
    }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ContractMismatch);
    expect((error as ContractMismatch).operationId).toBe("listHostConnections");
  });

  it("warns instead, when asked, and the call goes on", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const page = await clientOf(
        broken.url,
        checkedFetch(undefined, { onMismatch: "warn" }),
      ).hostConnections.list(query);
      expect(page.items.length).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/GET \/host-connections \(listHostConnections\) answered 200/),
      );
    } finally {
      warn.mockRestore();
    }
  });
});
