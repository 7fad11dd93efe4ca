import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks } from "../src/run-checks.js";
import { startBreakingProxy } from "../src/testing/breaking-proxy.js";
import { BROKEN_SERVERS, byName } from "./support/broken-servers.js";
import { contextFor } from "./support/context.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
});
afterAll(async () => {
  await mock?.stop();
});

describe.each(BROKEN_SERVERS)("%s", (name, breakage, reason, document, fixed) => {
  const check = byName(name);
  // response checks judge the traffic other checks generate
  const toRun = check.kind === "response" ? [check, byName("positive_data_acceptance")] : [check];

  it("fails against a server broken that way, for that reason", async () => {
    const proxy = await startBreakingProxy(mock.baseUrl, breakage);
    try {
      const { outcomes } = await runChecks(contextFor(proxy.url, document), toRun);
      const failures = outcomes.filter((outcome) => outcome.check === name && outcome.failure);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures[0]?.failure?.reason).toMatch(reason);
    } finally {
      await proxy.stop();
    }
  });

  it("passes against a correct server", async () => {
    const proxy = fixed ? await startBreakingProxy(mock.baseUrl, fixed) : undefined;
    try {
      const { outcomes } = await runChecks(contextFor(proxy?.url ?? mock.baseUrl, document), toRun);
      const mine = outcomes.filter((outcome) => outcome.check === name);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((outcome) => outcome.failure).map((outcome) => outcome.failure?.reason)).toEqual([]);
    } finally {
      await proxy?.stop();
    }
  });
});
