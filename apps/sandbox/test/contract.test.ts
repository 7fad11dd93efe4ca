import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, parseConfig, runContract } from "@mca/contract-tests";
import { startBreakingProxy } from "@mca/contract-tests/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganizationCredentials } from "../src/index.js";
import { type Sandbox, startSandbox } from "../src/index.js";
import { tokenFor } from "./support/api.js";

let sandbox: Sandbox;
let identities: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const entry = (organization: OrganizationCredentials) => ({
    organizationId: organization.organizationId,
    clientId: organization.clientId,
    clientSecret: organization.clientSecret,
  });
  identities = join(mkdtempSync(join(tmpdir(), "mca-sandbox-ids-")), "ids.json");
  writeFileSync(
    identities,
    JSON.stringify({ hosts: sandbox.hosts.map(entry), guests: sandbox.guests.map(entry) }),
  );
});
afterAll(async () => {
  await sandbox?.stop();
});

const configFor = (baseUrl: string, ...extra: string[]) =>
  parseConfig(
    [
      "--base-url",
      baseUrl,
      "--stateful",
      "--identities",
      identities,
      "--require-coverage",
      "--seed",
      "3",
      ...extra,
    ],
    {},
  ) as Config;

describe("the contract suite against the sandbox", () => {
  it("passes every check with every rule judged, from the data it creates itself", async () => {
    const started = performance.now();
    const run = await runContract(configFor(sandbox.url));
    const failures = run.result.outcomes
      .filter((outcome) => outcome.failure)
      .map((outcome) => `${outcome.check} ${outcome.operation}: ${outcome.failure?.reason}`);
    expect(failures).toEqual([]);
    expect(run.notJudged, run.report).toBe(0);
    expect(run.result.outcomes.map((outcome) => outcome.check)).toEqual(
      expect.arrayContaining([
        "invitation_flow",
        "archive_roundtrip",
        "list_semantics",
        "tenant_isolation",
        "write_effects",
      ]),
    );
    const judged = run.result.outcomes.flatMap((outcome) =>
      outcome.judged.map((rule) => `${outcome.check} ${rule}`),
    );
    expect(judged).toEqual(
      expect.arrayContaining([
        "list_semantics limit",
        "list_semantics offset",
        "list_semantics order_by",
        "list_semantics order_dir",
        "list_semantics search_field=owner_email",
        "tenant_isolation cross-guest list",
        "tenant_isolation case-insensitive ids",
        "write_effects other rows unchanged",
        "write_effects frozen fields unchanged",
        "write_effects target as predicted",
      ]),
    );
    // the coverage phase runs whatever the seed, before the random one; the summary counts each phase
    expect(run.result.sent.coverage).toBeGreaterThan(200);
    expect(run.report).toMatch(/cases sent per phase: replay 0, coverage \d+, random \d+, stateful \d+/);
    console.log(
      `default stateful run against the sandbox: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);

  it("says what it could not judge when it has one guest, and --require-coverage makes that a failure", async () => {
    const few = join(mkdtempSync(join(tmpdir(), "mca-sandbox-ids-")), "ids.json");
    const only = (organization: OrganizationCredentials) => ({
      organizationId: organization.organizationId,
      clientId: organization.clientId,
      clientSecret: organization.clientSecret,
    });
    writeFileSync(few, JSON.stringify({ host: only(sandbox.host), guest: only(sandbox.guest) }));
    const config = parseConfig(
      [
        "--base-url",
        sandbox.url,
        "--stateful",
        "--identities",
        few,
        "--only",
        "tenant_isolation,list_semantics",
      ],
      {},
    ) as Config;
    const run = await runContract(config);
    expect(run.notJudged).toBeGreaterThan(0);
    expect(run.report).toMatch(
      /tenant_isolation cross-guest list: not judged, needs 2 guests and 2 hosts, has 1 and 1/,
    );
    expect(run.report).toMatch(/list_semantics order_by: not judged/);
  }, 60_000);

  it("never prints a token or a client secret: curl, console report and JUnit use placeholders", async () => {
    // a server that answers PATCH with an undocumented status, so that failures print their full requests
    const proxy = await startBreakingProxy(sandbox.url, {
      response: (response, request) => (request.method === "PATCH" ? { ...response, status: 201 } : response),
    });
    const junit = join(mkdtempSync(join(tmpdir(), "mca-junit-")), "contract.xml");
    try {
      const run = await runContract({
        ...configFor(proxy.url, "--junit", junit),
        only: ["archive_roundtrip", "status_code_conformance"],
      });
      expect(run.result.outcomes.some((outcome) => outcome.failure)).toBe(true);
      const tokens = await Promise.all(
        [...sandbox.hosts, ...sandbox.guests].map((organization) => tokenFor(sandbox, organization)),
      );
      const secrets = [...sandbox.hosts, ...sandbox.guests].map((organization) => organization.clientSecret);
      const output = `${run.report}\n${readFileSync(junit, "utf8")}`;
      // tokens are signed per issue, so the run's own tokens differ from these: judge by their shared header part
      const header = (tokens[0] as string).split(".")[0] as string;
      expect(output).not.toContain(`${header}.`);
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(run.report).toMatch(/-H "Authorization: Bearer \$MCA_HOST_TOKEN_1"/);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  it("--save-failures writes the failing case without its token; --replay sends it first: it fails again against the broken server and passes against the sandbox", async () => {
    // a server that accepts a limit above its maximum (it serves 100 instead)
    const proxy = await startBreakingProxy(sandbox.url, {
      request: (request) => ({ ...request, url: request.url.replace(/([?&])limit=101\b/, "$1limit=100") }),
    });
    const dir = join(mkdtempSync(join(tmpdir(), "mca-saved-")), "failures");
    const only = ["--only", "negative_data_rejection"];
    try {
      const first = await runContract(configFor(proxy.url, ...only, "--save-failures", dir));
      expect(first.result.outcomes.find((outcome) => outcome.failure)?.failure?.description).toMatch(
        /limit: above maximum 100/,
      );
      const files = readdirSync(dir);
      expect(files).toEqual([
        expect.stringMatching(/^negative_data_rejection\.listHostConnections\.\w+\.json$/),
      ]);
      const saved = readFileSync(join(dir, files[0] as string), "utf8");
      expect(saved).toContain('"Authorization": "Bearer $MCA_HOST_TOKEN_1"');
      expect(saved).not.toMatch(/Bearer ey/);

      // the token is put back: without it the server would answer 401, a documented 4xx, and the case would pass
      const again = await runContract(configFor(proxy.url, ...only, "--replay", dir, "--runs", "1"));
      const failure = again.result.outcomes.find((outcome) => outcome.failure)?.failure;
      expect(failure?.phase).toBe("replay");
      expect(failure?.description).toMatch(/^replayed .*negative_data_rejection\.listHostConnections/);
      expect(again.result.sent.replay).toBe(1);

      const fixed = await runContract(configFor(sandbox.url, ...only, "--replay", dir, "--runs", "1"));
      expect(fixed.result.outcomes.filter((outcome) => outcome.failure)).toEqual([]);
      expect(fixed.result.sent.replay).toBe(1);
      expect(fixed.report).toMatch(/cases sent per phase: replay 1, coverage/);
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});
