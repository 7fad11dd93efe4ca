import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Served, serve } from "../src/node.js";
import { ORG, sandboxLike, TOKEN } from "./support/pipelines.js";

let served: Served;
beforeAll(async () => {
  served = await serve(sandboxLike.answer, { port: 0, log: () => {} });
});
afterAll(async () => {
  await served?.stop();
});

/** One raw request: the target as written (fetch would normalise `//[` away). */
function raw(method: string, target: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const request = httpRequest(
        { host: served.host, port: served.port, method, path: target, headers, timeout: 5_000 },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => {
            text += chunk.toString("utf8");
          });
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
          );
        },
      );
      request.on("error", reject);
      request.end(body);
    },
  );
}

const SELF = {
  authorization: `Bearer ${TOKEN}`,
  "requester-organization-id": ORG,
  "target-organization-id": ORG,
};

describe("the node:http adapter", () => {
  it.each(["//[", "http://[", "//[::1"])(
    "answers %s, which no URL can be made of, 400 and serves on",
    async (target) => {
      const answer = await raw("GET", target);
      expect([answer.status, JSON.parse(answer.text)]).toEqual([
        400,
        { detail: "Invalid HTTP request received." },
      ]);
      expect((await raw("GET", "/host-connections?statuses=connected&limit=1&offset=0", SELF)).status).toBe(
        200,
      );
    },
  );

  it.each<[string, string, string, Record<string, string>, string | undefined]>([
    ["a valid list", "GET", "/host-connections?statuses=connected&limit=1&offset=0", SELF, undefined],
    ["a 422", "GET", "/host-connections?statuses=pending&limit=500", SELF, undefined],
    ["a 401", "GET", "/host-connections?statuses=connected&limit=1&offset=0", {}, undefined],
    ["a 404", "GET", "/nowhere", SELF, undefined],
    ["a 405", "DELETE", "/host-connections", SELF, undefined],
    [
      "a body",
      "PATCH",
      `/guest-connections/${ORG}`,
      { ...SELF, "content-type": "application/json; charset=utf-16" },
      '{"archived":true}',
    ],
    [
      "a preflight",
      "OPTIONS",
      "/host-connections",
      { origin: "http://localhost:5173", "access-control-request-method": "GET" },
      undefined,
    ],
  ])("answers %s as the fetch face does", async (_name, method, target, headers, body) => {
    const overHttp = await raw(method, target, headers, body);
    const inProcess = await sandboxLike.fetch(
      new Request(`http://x${target}`, { method, headers, ...(body === undefined ? {} : { body }) }),
    );
    expect(overHttp.status).toBe(inProcess.status);
    expect(overHttp.text).toBe(await inProcess.text());
    for (const [name, value] of inProcess.headers) expect(overHttp.headers[name], name).toBe(value);
  });
});
