import { describe, expect, it } from "vitest";
import { type CorsOrigins, createPipeline, jsonAnswer } from "../src/index.js";
import { document } from "./support/pipelines.js";

const pipelineFor = (origins: CorsOrigins) =>
  createPipeline({
    document,
    cors: origins,
    verifyToken: async () => ({}),
    handle: async () => jsonAnswer(200, {}),
    unexpected: { status: 500, detail: { loc: [], msg: "x", type: "x" }, log: () => {} },
  });

const preflight = (origins: CorsOrigins, origin: string) =>
  pipelineFor(origins).fetch(
    new Request("http://api.test/host-connections", {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    }),
  );

// the one origin policy of the sandbox, the mock and the in-process sandbox (FastAPI's CORSMiddleware answers)
describe("CORS", () => {
  it.each<[string, CorsOrigins, string, number]>([
    ["a page on another localhost port", "local", "http://localhost:5173", 200],
    ["a page on 127.0.0.1", "local", "http://127.0.0.1:3000", 200],
    ["a page on [::1]", "local", "http://[::1]:8080", 200],
    ["a page elsewhere", "local", "https://evil.example", 400],
    ["a localhost look-alike", "local", "http://localhost.evil.example", 400],
    ["a configured origin", ["https://app.example"], "https://app.example", 200],
    ["localhost once origins are configured", ["https://app.example"], "http://localhost:5173", 400],
    ["any origin with *", ["*"], "https://anywhere.example", 200],
  ])("preflight from %s", async (_name, origins, origin, status) => {
    const answer = await preflight(origins, origin);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("access-control-allow-origin")).toBe(status === 200 ? origin : null);
    if (status === 200) {
      expect(answer.headers.get("access-control-allow-methods")).toBe("GET, POST, PATCH");
      expect(answer.headers.get("access-control-allow-headers")?.toLowerCase().split(", ")).toEqual(
        expect.arrayContaining([
          "authorization",
          "content-type",
          "requester-organization-id",
          "target-organization-id",
        ]),
      );
    } else expect(await answer.text()).toBe("Disallowed CORS origin");
  });

  it("every other answer echoes an allowed origin (errors too), and no other", async () => {
    const pipeline = pipelineFor("local");
    const from = (origin: string) =>
      pipeline.fetch(new Request("http://api.test/nowhere", { headers: { origin } }));
    const allowed = await from("http://localhost:5173");
    expect([
      allowed.status,
      allowed.headers.get("access-control-allow-origin"),
      allowed.headers.get("vary"),
    ]).toEqual([404, "http://localhost:5173", "Origin"]);
    expect((await from("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});
