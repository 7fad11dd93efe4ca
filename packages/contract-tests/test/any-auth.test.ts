import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, parseConfig } from "../src/config.js";
import { runContract } from "../src/run-contract.js";
import { startBreakingProxy } from "../src/testing/breaking-proxy.js";
import { ORG } from "./support/context.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
});
afterAll(async () => {
  await mock?.stop();
});

const TOKEN = "token-from-the-servers-own-test-auth";

describe("a server whose test auth is not POST /oauth2/token", () => {
  it("gets its token from getToken and its extra header on every request, and never prints the token", async () => {
    // refuses any request without the header, and any secured one without the token getToken gives
    const proxy = await startBreakingProxy(mock.baseUrl, {
      answer: (request) =>
        request.headers["x-test-auth"] !== "sandbox" ||
        (request.headers.authorization !== undefined && request.headers.authorization !== `Bearer ${TOKEN}`)
          ? { status: 418, headers: { "content-type": "application/json" }, body: '{"detail":"no"}' }
          : undefined,
    });
    const asked: string[] = [];
    try {
      const config = parseConfig(
        ["--base-url", proxy.url, "--seed", "2", "--runs", "2", "--header", "X-Test-Auth: sandbox"],
        {},
      ) as Config;
      const run = await runContract({
        ...config,
        identity: {
          organizationId: ORG,
          getToken: () => {
            asked.push(ORG);
            return TOKEN;
          },
        },
      });
      expect(
        run.result.outcomes.filter((outcome) => outcome.failure).map((outcome) => outcome.failure?.reason),
      ).toEqual([]);
      expect(asked).toEqual([ORG]);
      expect(run.report).not.toContain(TOKEN);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  it("fails at once with one line when getToken gives no token", async () => {
    const config = parseConfig(["--base-url", mock.baseUrl], {}) as Config;
    await expect(
      runContract({ ...config, identity: { organizationId: ORG, getToken: () => "" } }),
    ).rejects.toThrow(`getToken for organization ${ORG} gave no token`);
  });
});
