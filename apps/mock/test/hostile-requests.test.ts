import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";

const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";
const HEADERS = {
  authorization: "Bearer any-token",
  "requester-organization-id": ORG,
  "target-organization-id": ORG,
};
const PATHS = [
  ["GET", "/host-connections/{id}"],
  ["PATCH", "/guest-connections/{id}"],
] as const;
const ESCAPES = ["%", "%FF", "%C0%AF", "%zz", "%E2%82", `${"%41".repeat(5_000)}`];
// a body is read as FastAPI reads JSON bytes (their encoding, not the declared charset) and reaches Prism as UTF-8:
// UTF-16 is a valid body there (it got a 422 while the front read every body as UTF-8), and a UTF-8 body declared
// UTF-16 is no longer forwarded for Prism to read as UTF-16 and stall on (a 502 after 10 s)
const BODIES: Array<[string, string | Buffer, string, number]> = [
  ["only whitespace", "   \n\t ", "application/json", 422],
  ["a byte-order mark", "\uFEFF{}", "application/json", 422],
  ["UTF-16", Buffer.from('{"archived": true}', "utf16le"), "application/json; charset=utf-16", 200],
  ["UTF-8 declared UTF-16", '{"archived": true}', "application/json; charset=utf-16", 200],
  ["not UTF-8, UTF-16 or UTF-32", Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x20]), "application/json", 400],
  ["half a document", '{"archived": ', "application/json", 422],
  ["null", "null", "application/json", 422],
  ["deep nesting", `${"[".repeat(20_000)}${"]".repeat(20_000)}`, "application/json", 422],
  ["text/plain", "archived=true", "text/plain", 422],
];

/** One raw request (no client-side normalisation of the target), answered within 2 s or failed. */
function raw(mock: MockServer, method: string, path: string, body?: string | Buffer, contentType?: string) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(
      {
        host: mock.host,
        port: mock.port,
        method,
        path,
        headers: { ...HEADERS, ...(contentType ? { "content-type": contentType } : {}) },
        timeout: 2_000,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    request.on("timeout", () =>
      request.destroy(new Error(`no answer to ${method} ${path.slice(0, 60)} within 2 s`)),
    );
    request.on("error", reject);
    request.end(body);
  });
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent", log: () => {} });
});
afterAll(async () => {
  await mock?.stop();
});

describe("hostile requests get an answer (a 4xx, or Prism's for a body FastAPI reads) within 2 s, and the mock lives on", () => {
  const seed = 20261122;
  it.each(
    PATHS.flatMap(([method, path]) =>
      ESCAPES.map((malformed) => [method, path.replace("{id}", malformed)] as const),
    ),
  )("%s %s", async (method, path) => {
    const { status } = await raw(
      mock,
      method,
      path,
      method === "PATCH" ? '{"archived":true}' : undefined,
      "application/json",
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it.each(BODIES)("PATCH with a body of %s", async (_name, body, contentType, expected) => {
    const { status } = await raw(mock, "PATCH", `/guest-connections/${ORG}`, body, contentType);
    expect(status).toBe(expected);
  });

  it.each(["//[", "/host-connections?limit=%&statuses=%FF", "/%", "/host-connections/%%%%"])(
    "target %s",
    async (target) => {
      const { status } = await raw(mock, "GET", target);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    },
  );

  it(`is alive at the end and answers a valid request (seed ${seed}, ${PATHS.length * ESCAPES.length + BODIES.length + 4} hostile requests)`, async () => {
    const answer = await fetch(`${mock.baseUrl}/host-connections/${ORG}`, { headers: HEADERS });
    expect(answer.status).toBe(200);
    expect(mock.restarts()).toBe(0);
  });
});

describe("when Prism dies anyway", () => {
  it("the mock restarts it, says so, and answers again", async () => {
    const lines: string[] = [];
    const own = await startMock({ logLevel: "silent", log: (line) => lines.push(line) });
    try {
      process.kill((await own.prismPid()) as number, "SIGKILL");
      let status = 0;
      for (let attempt = 0; attempt < 300 && status !== 200; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await fetch(`${own.baseUrl}/host-connections/${ORG}`, { headers: HEADERS })).status;
      }
      expect(status).toBe(200);
      expect(own.restarts()).toBe(1);
      expect(lines.join("\n")).toMatch(/Prism exited \(SIGKILL\); restarting it/);
    } finally {
      await own.stop();
    }
  }, 90_000);
});
