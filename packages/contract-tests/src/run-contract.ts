import { existsSync, writeFileSync } from "node:fs";
import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  loadBundledSpec,
  SpecLoadError,
} from "@mca/spec";
import type { Caller, Check, CheckContext } from "./checks/check.js";
import { allChecks } from "./checks/index.js";
import { type Config, ConfigError, type IdentityConfig } from "./config.js";
import { GLOBAL_TRANSPORT, type Transport } from "./http/request.js";
import { resolveIdentity } from "./identities.js";
import { type PlannedTest, planTests, workOf } from "./plan/test-plan.js";
import { verdictOf } from "./plan/verdicts.js";
import { applyWaivers, checkWaivers } from "./plan/waivers.js";
import { readSavedCases, saveFailures } from "./replay/failure-files.js";
import { replayCaseOf } from "./replay/saved-case.js";
import { consoleReport } from "./report/console-report.js";
import { junitReport, type TestVerdict } from "./report/junit-report.js";
import type { Secrets } from "./report/redact.js";
import { type RunResult, runChecks } from "./run-checks.js";
import { startLocalMock } from "./start-local-mock.js";

/** What only code can give a run: where requests go, which tests to run, where progress goes. */
export interface RunHooks {
  log?: (line: string) => void;
  /** How requests reach the server (an in-process handler, a Hono or Next.js app); the global fetch by default. */
  fetch?: (input: Request) => Promise<Response>;
  /** Runs only the tests this accepts (a test runner's name filter), on top of `only` and `exclude`. */
  select?: (test: PlannedTest) => boolean;
}

/** The base URL of a run against a `fetch` target without one: what the reports' curl commands show. */
export const FETCH_TARGET_URL = "http://localhost";

/** The spec, the checks and the named tests of a run, known before anything starts. */
export interface ContractPlan {
  document: JsonObject;
  checks: Check[];
  tests: PlannedTest[];
}

/** Loads the spec and names the run's tests; bad options (an unknown check or waiver) are a ConfigError. */
export function planContract(
  config: Pick<Config, "specPath" | "stateful" | "only" | "exclude" | "acceptNotJudged">,
): ContractPlan {
  let document: JsonObject;
  try {
    document = loadBundledSpec(config.specPath);
  } catch (error) {
    throw error instanceof SpecLoadError ? new ConfigError(`--spec ${error.message}`) : error;
  }
  const checks = allChecks(config.stateful);
  for (const [option, names] of [
    ["--only", config.only],
    ["--exclude", config.exclude],
  ] as const) {
    const unknown = names.filter((name) => !checks.some((check) => check.name === name));
    if (unknown.length > 0)
      throw new ConfigError(
        `${option}: unknown check(s) ${unknown.join(", ")}; known: ${checks.map((check) => check.name).join(", ")}`,
      );
  }
  checkWaivers(config.acceptNotJudged, checks, "--accept-not-judged");
  const tests = planTests({ document, operations: listOperations(document) }, checks).filter(
    (test) =>
      (config.only.length === 0 || config.only.includes(test.check)) && !config.exclude.includes(test.check),
  );
  return { document, checks, tests };
}

export interface ContractRun {
  result: RunResult;
  report: string;
  baseUrl: string;
  seed: number;
  /** Rules a check had no data to judge: with --require-coverage, a reason to fail. */
  notJudged: number;
  /** The files --save-failures wrote. */
  saved: string[];
  /** Every test the run was asked for, with its verdict. */
  tests: TestVerdict[];
  /** The secrets of the run, for a front end that writes its own report. */
  secrets: Secrets;
}

/** Tokens and client secrets this run holds, each with the placeholder reports write instead. */
function secretsOf(callers: Array<[Caller, IdentityConfig]>): Secrets {
  const secrets = new Map<string, string>();
  for (const [caller, config] of callers) {
    const placeholder = caller.tokenPlaceholder ?? "$MCA_TOKEN";
    secrets.set(caller.token, placeholder);
    if ("clientSecret" in config)
      secrets.set(config.clientSecret, placeholder.replace("TOKEN", "CLIENT_SECRET"));
  }
  return secrets;
}

/** Runs the suite as configured: starts and stops the mock when neither a base URL nor a fetch is given. */
export async function runContract(config: Config, hooks: RunHooks = {}): Promise<ContractRun> {
  const log = hooks.log ?? (() => {});
  const { document, checks, tests: planned } = planContract(config);
  const tests = hooks.select ? planned.filter(hooks.select) : planned;
  const work = workOf(tests);

  // read before anything starts, so that a file that is no saved case stops the run at once; the directory a run
  // saves to may not exist before its first failure: nothing to replay yet
  const replayFrom =
    config.replay !== undefined && (existsSync(config.replay) || config.replay !== config.saveFailures)
      ? readSavedCases(config.replay)
      : [];

  const mock =
    config.baseUrl === undefined && hooks.fetch === undefined
      ? await startLocalMock(config.specPath)
      : undefined;
  if (mock) log(`started the Prism mock at ${mock.baseUrl}`);
  const baseUrl = config.baseUrl ?? mock?.baseUrl ?? FETCH_TARGET_URL;
  const transport: Transport = {
    fetch: hooks.fetch ?? GLOBAL_TRANSPORT.fetch,
    headers: config.headers,
  };
  try {
    const resolve = async (
      entry: IdentityConfig,
      tokenPlaceholder: string,
    ): Promise<[Caller, IdentityConfig]> => [
      { ...(await resolveIdentity(baseUrl, entry, transport)), tokenPlaceholder },
      entry,
    ];
    const [hosts, guests] = await Promise.all([
      Promise.all(config.hosts.map((entry, index) => resolve(entry, `$MCA_HOST_TOKEN_${index + 1}`))),
      Promise.all(config.guests.map((entry, index) => resolve(entry, `$MCA_GUEST_TOKEN_${index + 1}`))),
    ]);
    // the stateless identity is usually the first host: one token for both, named after the host
    const identity =
      config.identity === config.hosts[0] && hosts[0]
        ? hosts[0]
        : await resolve(config.identity, "$MCA_TOKEN");
    const secrets = secretsOf([identity, ...hosts, ...guests]);
    const host = hosts[0]?.[0] ?? identity[0];
    const context: CheckContext = {
      baseUrl,
      document,
      validator: createSpecValidator(document),
      operations: listOperations(document),
      identity: identity[0],
      host,
      guest: guests[0]?.[0] ?? identity[0],
      hosts: hosts.map(([caller]) => caller),
      guests: guests.map(([caller]) => caller),
      runs: config.runs,
      seed: config.seed,
      timeoutMs: config.timeoutMs,
      transport,
    };
    if (config.replay !== undefined)
      log(`replaying ${replayFrom.length} saved case(s) from ${config.replay} first`);
    log(
      `checking ${context.operations.length} operations: the coverage phase, then ${config.runs} random cases each, seed ${config.seed}`,
    );
    const raw = await runChecks(context, checks, {
      replay: replayFrom.map(({ source, saved }) => replayCaseOf(saved, source, secrets, identity[0])),
      work,
    });
    const asked = new Set(tests.map((test) => `${test.check}\u0000${test.operation}`));
    const result = applyWaivers(
      {
        ...raw,
        outcomes: raw.outcomes.filter((outcome) => asked.has(`${outcome.check}\u0000${outcome.operation}`)),
      },
      config.acceptNotJudged,
    );
    const verdicts = tests.map((test) => ({ test, verdict: verdictOf(test, result) }));
    if (config.junit)
      writeFileSync(config.junit, junitReport(result, verdicts, { baseUrl, seed: config.seed }, secrets));
    const saved = config.saveFailures ? saveFailures(config.saveFailures, result, config.seed, secrets) : [];
    if (saved.length > 0)
      log(
        `saved ${saved.length} failing case(s) in ${config.saveFailures} (send them first on later runs: --replay ${config.saveFailures})`,
      );
    return {
      result,
      report: consoleReport(result, baseUrl, secrets),
      baseUrl,
      seed: config.seed,
      notJudged: result.outcomes.reduce((sum, outcome) => sum + outcome.notJudged.length, 0),
      saved,
      tests: verdicts,
      secrets,
    };
  } finally {
    await mock?.stop();
  }
}
