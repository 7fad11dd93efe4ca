import { existsSync, writeFileSync } from "node:fs";
import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  loadBundledSpec,
  SpecLoadError,
} from "@mca/spec";
import type { Caller, CheckContext } from "./checks/check.js";
import { allChecks } from "./checks/index.js";
import { type Config, ConfigError, type IdentityConfig } from "./config.js";
import { resolveIdentity } from "./identities.js";
import { readSavedCases, saveFailures } from "./replay/failure-files.js";
import { replayCaseOf } from "./replay/saved-case.js";
import { consoleReport } from "./report/console-report.js";
import { junitReport } from "./report/junit-report.js";
import type { Secrets } from "./report/redact.js";
import { type RunResult, runChecks } from "./run-checks.js";
import { startLocalMock } from "./start-local-mock.js";

/** Checks that only judge responses need requests to judge: these generate them when `--only` names none. */
const TRAFFIC = ["positive_data_acceptance", "negative_data_rejection"];

export interface ContractRun {
  result: RunResult;
  report: string;
  baseUrl: string;
  seed: number;
  /** Rules a check had no data to judge: with --require-coverage, a reason to fail. */
  notJudged: number;
  /** The files --save-failures wrote. */
  saved: string[];
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

/** Runs the suite as configured: starts and stops the mock when no base URL is given. */
export async function runContract(
  config: Config,
  log: (line: string) => void = () => {},
): Promise<ContractRun> {
  let document: JsonObject;
  try {
    document = loadBundledSpec(config.specPath);
  } catch (error) {
    throw error instanceof SpecLoadError ? new ConfigError(`--spec ${error.message}`) : error;
  }
  const checks = allChecks(config.stateful);
  const unknown = config.only.filter((name) => !checks.some((check) => check.name === name));
  if (unknown.length > 0)
    throw new ConfigError(
      `--only: unknown check(s) ${unknown.join(", ")}; known: ${checks.map((check) => check.name).join(", ")}`,
    );

  // read before anything starts, so that a file that is no saved case stops the run at once; the directory a run
  // saves to may not exist before its first failure: nothing to replay yet
  const replayFrom =
    config.replay !== undefined && (existsSync(config.replay) || config.replay !== config.saveFailures)
      ? readSavedCases(config.replay)
      : [];

  const mock = config.baseUrl === undefined ? await startLocalMock(config.specPath) : undefined;
  if (mock) log(`started the Prism mock at ${mock.baseUrl}`);
  const baseUrl = config.baseUrl ?? (mock as { baseUrl: string }).baseUrl;
  try {
    const resolve = async (
      entry: IdentityConfig,
      tokenPlaceholder: string,
    ): Promise<[Caller, IdentityConfig]> => [
      { ...(await resolveIdentity(baseUrl, entry)), tokenPlaceholder },
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
    };
    const selected = config.only.length > 0 ? new Set(config.only) : undefined;
    const needsTraffic =
      selected !== undefined &&
      !checks.some((check) => selected.has(check.name) && check.kind !== "response");
    const toRun = selected
      ? checks.filter(
          (check) =>
            selected.has(check.name) ||
            check.kind === "response" ||
            (needsTraffic && TRAFFIC.includes(check.name)),
        )
      : checks;
    if (config.replay !== undefined)
      log(`replaying ${replayFrom.length} saved case(s) from ${config.replay} first`);
    log(
      `checking ${context.operations.length} operations: the coverage phase, then ${config.runs} random cases each, seed ${config.seed}`,
    );
    const raw = await runChecks(context, toRun, {
      replay: replayFrom.map(({ source, saved }) => replayCaseOf(saved, source, secrets, identity[0])),
    });
    const result = selected
      ? { ...raw, outcomes: raw.outcomes.filter((outcome) => selected.has(outcome.check)) }
      : raw;
    if (config.junit) writeFileSync(config.junit, junitReport(result, secrets));
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
    };
  } finally {
    await mock?.stop();
  }
}
