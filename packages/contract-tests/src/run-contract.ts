import { writeFileSync } from "node:fs";
import { type MockServer, startMock } from "@mca/mock";
import {
  createSpecValidator,
  type JsonObject,
  listOperations,
  loadBundledSpec,
  SpecLoadError,
} from "@mca/spec";
import type { CheckContext } from "./checks/check.js";
import { allChecks } from "./checks/index.js";
import { type Config, ConfigError } from "./config.js";
import { resolveIdentity } from "./identities.js";
import { consoleReport } from "./report/console-report.js";
import { junitReport } from "./report/junit-report.js";
import { type RunResult, runChecks } from "./run-checks.js";

/** Checks that only judge responses need requests to judge: these generate them when `--only` names none. */
const TRAFFIC = ["positive_data_acceptance", "negative_data_rejection"];

export interface ContractRun {
  result: RunResult;
  report: string;
  baseUrl: string;
  seed: number;
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

  let mock: MockServer | undefined;
  if (config.baseUrl === undefined) {
    mock = await startMock({ logLevel: "silent", ...(config.specPath ? { specPath: config.specPath } : {}) });
    log(`started the Prism mock at ${mock.baseUrl}`);
  }
  const baseUrl = config.baseUrl ?? (mock as MockServer).baseUrl;
  try {
    const [identity, host, guest] = await Promise.all([
      resolveIdentity(baseUrl, config.identity),
      config.host ? resolveIdentity(baseUrl, config.host) : undefined,
      config.guest ? resolveIdentity(baseUrl, config.guest) : undefined,
    ]);
    const context: CheckContext = {
      baseUrl,
      document,
      validator: createSpecValidator(document),
      operations: listOperations(document),
      identity,
      host: host ?? identity,
      guest: guest ?? identity,
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
    log(`checking ${context.operations.length} operations, ${config.runs} cases each, seed ${config.seed}`);
    const raw = await runChecks(context, toRun);
    const result = selected
      ? { ...raw, outcomes: raw.outcomes.filter((outcome) => selected.has(outcome.check)) }
      : raw;
    if (config.junit) writeFileSync(config.junit, junitReport(result));
    return { result, report: consoleReport(result, baseUrl), baseUrl, seed: config.seed };
  } finally {
    await mock?.stop();
  }
}
