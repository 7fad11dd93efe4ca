import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
import { clientFor, fakeFetch, hostConnection, json, OWN_ORGANIZATION as OWN } from "./support/fake-fetch.js";

function pagedServer(total: number) {
  return fakeFetch((request) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get("limit"));
    const offset = Number(url.searchParams.get("offset"));
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, index) =>
      hostConnection(offset + index),
    );
    return json({ items, total_items: total });
  });
}

describe("hostConnections.listAll walks limit/offset pages until total_items", () => {
  it.each([
    [0, 10, 1],
    [7, 10, 1],
    [10, 10, 1],
    [25, 10, 3],
    [250, 100, 3],
  ])("%i items in pages of %i: %i requests", async (total, pageSize, requests) => {
    const fake = pagedServer(total);
    const client = clientFor(fake, { token: "t" });
    const names: string[] = [];
    for await (const connection of client.hostConnections.listAll({ statuses: ["connected"], pageSize })) {
      names.push(connection.host_name);
    }
    expect(names).toEqual(Array.from({ length: total }, (_, index) => `Host ${index}`));
    expect(fake.apiRequests()).toHaveLength(requests);
    expect(fake.apiRequests().map((request) => new URL(request.url).searchParams.get("statuses"))).toEqual(
      Array(requests).fill("connected"),
    );
  });

  it("stops on an empty page even if total_items promised more", async () => {
    const fake = fakeFetch(() => json({ items: [], total_items: 50 }));
    const client = clientFor(fake, { token: "t" });
    const all = [];
    for await (const connection of client.hostConnections.listAll({ statuses: ["connected"] }))
      all.push(connection);
    expect(all).toEqual([]);
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it.each([0, 101, 2.5])("refuses pageSize %s", async (pageSize) => {
    const client = createClient({
      baseUrl: "http://api.test",
      organizationId: OWN,
      token: "t",
      fetch: pagedServer(1).fetch,
    });
    await expect(
      client.hostConnections.listAll({ statuses: ["connected"], pageSize }).next(),
    ).rejects.toThrow(RangeError);
  });
});
