import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, parseConfig } from "../src/config.js";
import { runContract } from "../src/run-contract.js";
import { startBreakingProxy } from "../src/testing/breaking-proxy.js";
import { BROKEN_SERVERS } from "./support/broken-servers.js";
import { ORG } from "./support/context.js";
import { junitCases, runVitest } from "./support/run-vitest.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ logLevel: "silent" });
});
afterAll(async () => {
  await mock?.stop();
});

const HOST = { organizationId: ORG, token: "host-token-for-the-mock" };
const GUEST = { organizationId: "7b1d1c36-54a4-4b36-9a8e-2a1f3c9f1e10", token: "guest-token-for-the-mock" };

describe("the Vitest front end", () => {
  it("names its tests as the CLI's JUnit does, one per operation × check and one per stateful rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mca-names-"));
    const identities = join(dir, "identities.json");
    writeFileSync(identities, JSON.stringify({ hosts: [HOST], guests: [GUEST] }));
    const junit = join(dir, "cli.xml");
    const argv = ["--base-url", mock.baseUrl, "--stateful", "--identities", identities, "--seed", "4"];
    await runContract({ ...(parseConfig([...argv, "--runs", "2"], {}) as Config), junit });
    const cli = junitCases(readFileSync(junit, "utf8")).map((testcase) => testcase.name);
    const vitest = await runVitest([
      {
        baseUrl: mock.baseUrl,
        stateful: true,
        identities: { hosts: [HOST], guests: [GUEST] },
        seed: 4,
        runs: 2,
      },
    ]);
    // the same names (the CLI groups them in a testsuite per check, Vitest in describe blocks per operation)
    expect(vitest.cases.map((testcase) => testcase.name).sort()).toEqual([...cli].sort());
    expect(cli).toEqual(
      expect.arrayContaining([
        "GET /host-connections > response_schema_conformance",
        "POST /guest-invitations > negative_data_rejection",
        "invitation_flow > flow",
        "list_semantics > order_by",
        "list_semantics > archived",
        "tenant_isolation > cross-guest list",
        "write_effects > other rows unchanged",
      ]),
    );
    expect(new Set(cli).size).toBe(cli.length);
  }, 240_000);

  it("runs the engine once against a fetch target, each test with its own verdict", async () => {
    const { code, cases, runs, output } = await runVitest([{ fetchTo: mock.baseUrl, seed: 5, runs: 3 }]);
    expect(code, output).toBe(0);
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.filter((testcase) => testcase.state !== "passed")).toEqual([]);
    // requests went through the fetch function: the global fetch could not reach this base URL
    expect(runs[""]?.baseUrl).toBe("http://localhost");
  }, 240_000);

  it("runs only what -t selects: one test runs, the engine sends only its traffic", async () => {
    const all = await runVitest([{ baseUrl: mock.baseUrl, seed: 6, runs: 3 }]);
    const one = await runVitest(
      [{ baseUrl: mock.baseUrl, seed: 6, runs: 3 }],
      // Vitest matches -t against the names joined by spaces
      ["-t", "GET /host-connections response_schema_conformance$"],
    );
    expect(one.code, one.output).toBe(0);
    expect(
      one.cases.filter((testcase) => testcase.state === "passed").map((testcase) => testcase.name),
    ).toEqual(["GET /host-connections > response_schema_conformance"]);
    const sent = (run: typeof all) =>
      Object.values(run.runs[""]?.sent ?? {}).reduce((sum, count) => sum + count, 0);
    expect(sent(one)).toBeGreaterThan(0);
    expect(sent(one)).toBeLessThan(sent(all) / 3);
  }, 240_000);

  it("fails, against each broken server, a test named after its check, with the CLI's failure message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mca-broken-"));
    const proxies = await Promise.all(
      BROKEN_SERVERS.map(([, breakage, , document]) =>
        startBreakingProxy(mock.baseUrl, breakage).then((proxy) => ({ proxy, document })),
      ),
    );
    try {
      const suites = BROKEN_SERVERS.map(([name], index) => {
        const { proxy, document } = proxies[index] as (typeof proxies)[number];
        const spec = document ? join(dir, `${name}.json`) : undefined;
        if (spec) writeFileSync(spec, JSON.stringify(document));
        const traffic = name === "positive_data_acceptance" ? [] : ["positive_data_acceptance"];
        return {
          title: `broken for ${name}`,
          baseUrl: proxy.url,
          seed: 7,
          runs: 5,
          only: [name, ...traffic],
          ...(spec ? { spec } : {}),
        };
      });
      const { code, cases } = await runVitest(suites);
      expect(code).toBe(1);
      for (const [name, , reason] of BROKEN_SERVERS) {
        const failed = cases.filter(
          (testcase) =>
            testcase.state === "failed" &&
            testcase.name.startsWith(`broken for ${name} > `) &&
            testcase.name.endsWith(` > ${name}`),
        );
        expect(failed.length, name).toBeGreaterThan(0);
        const text = failed.map((testcase) => testcase.text).join("\n");
        expect(text).toMatch(reason);
        expect(text).toMatch(/seed: +7 /);
        if (name !== "response_headers_conformance") expect(text).toMatch(/curl -X [A-Z]+ '/);
      }
    } finally {
      await Promise.all(proxies.map(({ proxy }) => proxy.stop()));
    }
  }, 300_000);

  it("gets tokens from getToken and sends the extra headers, for a server with its own test auth", async () => {
    const proxy = await startBreakingProxy(mock.baseUrl, {
      answer: (request) =>
        request.headers["x-test-auth"] !== "on" ||
        (request.headers.authorization !== undefined && request.headers.authorization !== `Bearer pfx-${ORG}`)
          ? { status: 418, headers: { "content-type": "application/json" }, body: '{"detail":"no"}' }
          : undefined,
    });
    try {
      const suite = {
        baseUrl: proxy.url,
        seed: 8,
        runs: 2,
        identities: { identity: { organizationId: ORG } },
      };
      const { code, cases, output } = await runVitest([
        { ...suite, title: "with", tokenPrefix: "pfx-", headers: { "x-test-auth": "on" } },
      ]);
      expect(code, output).toBe(0);
      expect(cases.length).toBeGreaterThan(40);
      const without = await runVitest([{ ...suite, title: "without" }]);
      expect(without.code).toBe(1);
      expect(without.output).toMatch(
        /identity 054b4106-174b-46b0-97f8-86d8d7b6f0af has no token, client credentials or getToken/,
      );
    } finally {
      await proxy.stop();
    }
  }, 240_000);
});
