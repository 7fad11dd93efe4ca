import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipeline, forward, type IncomingRequest } from "../src/index.js";
import { type Served, serve } from "../src/node.js";
import { document, ORG } from "./support/pipelines.js";

/** An upstream that answers with what it received: the bytes, as hex, and the content type. */
let upstream: Served;
beforeAll(async () => {
  upstream = await serve(
    async (incoming: IncomingRequest) => ({
      status: 200,
      headers: { "content-type": "application/json", connection: "close", "x-upstream": "yes" },
      body: JSON.stringify({
        contentType: incoming.header("content-type") ?? null,
        hex: Buffer.from((await incoming.bytes()) ?? new Uint8Array()).toString("hex"),
        target: `${incoming.url.pathname}${incoming.url.search}`,
      }),
    }),
    { port: 0 },
  );
});
afterAll(async () => {
  await upstream?.stop();
});

const front = () =>
  createPipeline({
    document,
    cors: "local",
    verifyToken: async () => ({}),
    handle: ({ incoming, bodyText }) => forward(upstream.url, incoming, bodyText),
    unexpected: { status: 502, detail: { loc: [], msg: "no answer", type: "bad_gateway" }, log: () => {} },
  });

describe("forward: the upstream reads the body as the pipeline read it", () => {
  it.each<[string, BodyInit, string]>([
    ["UTF-8 declared charset=utf-16", '{"archived":true}', "application/json; charset=utf-16"],
    ["UTF-16LE", new Uint8Array(Buffer.from('{"archived":true}', "utf16le")), "application/json"],
    ["UTF-8 with a BOM", `\uFEFF{"archived":true}`, "application/json;charset=utf-8"],
  ])("%s arrives as UTF-8 application/json", async (_name, body, contentType) => {
    const response = await front().fetch(
      new Request(`http://mock.test/guest-connections/${ORG}?x=1`, {
        method: "PATCH",
        headers: {
          authorization: "Bearer any",
          "requester-organization-id": ORG,
          "target-organization-id": ORG,
          "content-type": contentType,
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-upstream")).toBe("yes");
    expect(response.headers.get("connection")).toBeNull();
    expect(await response.json()).toEqual({
      contentType: "application/json",
      hex: Buffer.from('{"archived":true}').toString("hex"),
      target: `/guest-connections/${ORG}?x=1`,
    });
  });
});
