import { type Config, type ContractRun, parseConfig, runContract } from "@mca/contract-tests";
import { type Sandbox, startSandbox } from "@mca/sandbox";
import { createSandbox, type InProcessSandbox } from "@mca/sandbox-msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identitiesFile } from "./support/identities.js";

const SEED = 2020;
let inProcess: InProcessSandbox;
let overHttp: Sandbox;
const server = setupServer();
beforeAll(async () => {
  [inProcess, overHttp] = await Promise.all([
    createSandbox({ seed: SEED }),
    startSandbox({ port: 0, seed: SEED }),
  ]);
  server.use(...inProcess.handlers);
  // the node:http sandbox's requests pass (they are the comparison); every other one fails the run
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (!request.url.startsWith(overHttp.url)) print.error();
    },
  });
});
afterAll(async () => {
  server.close();
  await Promise.all([inProcess?.close(), overHttp?.stop()]);
});

/** What a run decided: each check's verdict per operation, and the rules it judged and could not judge. */
const verdicts = (run: ContractRun) =>
  run.result.outcomes.map((outcome) => ({
    check: outcome.check,
    operation: outcome.operation,
    verdict: outcome.failure ? `failed: ${outcome.failure.reason}` : "passed",
    judged: outcome.judged,
    notJudged: outcome.notJudged.map(({ rule, why }) => `${rule}: ${why}`),
  }));

describe("the contract suite, --stateful, in process (MSW) and against the node:http sandbox", () => {
  let fromHttpRun: ContractRun | undefined;
  let identities = "";
  const config = (baseUrl: string, ...extra: string[]) =>
    parseConfig(
      [
        "--base-url",
        baseUrl,
        "--stateful",
        "--identities",
        identities,
        "--require-coverage",
        "--seed",
        "20",
        ...extra,
      ],
      {},
    ) as Config;

  it("gives the same verdicts and the same judged / not-judged lists, every rule judged", async () => {
    // the same seed: the same organizations, so one identities file serves both
    expect(overHttp.hosts).toEqual(inProcess.hosts);
    identities = identitiesFile(inProcess);
    const fromProcess = await runContract(config(inProcess.baseUrl));
    const fromHttp = await runContract(config(overHttp.url));
    fromHttpRun = fromHttp;
    expect(fromProcess.notJudged, fromProcess.report).toBe(0);
    expect(fromHttp.notJudged, fromHttp.report).toBe(0);
    expect(verdicts(fromProcess).filter((outcome) => outcome.verdict !== "passed")).toEqual([]);
    expect(verdicts(fromProcess)).toEqual(verdicts(fromHttp));
    expect(fromProcess.result.sent).toEqual(fromHttp.result.sent);
    console.log(
      `contract suite in process: ${(fromProcess.result.durationMs / 1000).toFixed(1)} s, over node:http: ${(fromHttp.result.durationMs / 1000).toFixed(1)} s; sent ${JSON.stringify(fromProcess.result.sent)}`,
    );
  }, 300_000);

  it("the comparison can fail: a list that forgets its rows in process is a different verdict", async () => {
    expect(fromHttpRun).toBeDefined();
    await inProcess.reset();
    inProcess.use("listHostConnections", { status: 200, body: { items: [], total_items: 0 } });
    const broken = await runContract(config(inProcess.baseUrl, "--only", "list_semantics"));
    const listSemantics = (run: ContractRun) =>
      verdicts(run).filter((outcome) => outcome.check === "list_semantics");
    expect(listSemantics(broken)[0]?.verdict).toMatch(/^failed: /);
    expect(listSemantics(broken)).not.toEqual(listSemantics(fromHttpRun as ContractRun));
  }, 120_000);
});
