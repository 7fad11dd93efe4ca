import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, type TestContext, test } from "vitest";
import type { Config, IdentityConfig } from "../config.js";
import { fullName, type PlannedTest, ruleId } from "../plan/test-plan.js";
import type { Verdict } from "../plan/verdicts.js";
import { failureMessage } from "../report/failure-block.js";
import { skipNote } from "../report/junit-report.js";
import { type ContractRun, planContract, runContract } from "../run-contract.js";

/** One test organization: a token, client credentials, or only its id (its token from `getToken`). */
export interface ContractIdentity {
  organizationId: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
}

export interface ContractOptions {
  /** The server to check; with `fetch`, only what the reports' curl commands show. */
  baseUrl?: string;
  /** How requests reach the server: an in-process `(Request) => Promise<Response>` (the sandbox, Hono, Next.js). */
  fetch?: (input: Request) => Promise<Response>;
  /** The OpenAPI document (default: the bundled spec). */
  spec?: string;
  /** Test organizations: `identity` for the stateless checks (default: the first host), hosts and guests. */
  identities?: { identity?: ContractIdentity; hosts?: ContractIdentity[]; guests?: ContractIdentity[] };
  /** A token for an identity given by id alone, for servers whose test auth is not `POST /oauth2/token`. */
  getToken?: (identity: {
    organizationId: string;
    role: "identity" | "host" | "guest";
  }) => string | Promise<string>;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  stateful?: boolean;
  /** Seed of the generated cases (default: random, in every failure message). */
  seed?: number;
  /** Random cases per check and operation, after the coverage phase (default 25). */
  runs?: number;
  timeoutMs?: number;
  /** Only these checks / not these; a `-t` filter narrows the run further. */
  only?: string[];
  exclude?: string[];
  /** A rule not judged fails its test instead of skipping it. */
  requireCoverage?: boolean;
  /** Stateful rules (`list_semantics.archived`) accepted as not judged: skipped as waived even with requireCoverage. */
  acceptNotJudged?: string[];
  /** Puts the tests in a describe block of this name. */
  title?: string;
  /** Called with the engine's run once it is done: its console report, requests per phase, verdicts. */
  onRun?: (run: ContractRun) => void;
  /** How long the one run of the engine may take (default 10 minutes). */
  runTimeoutMs?: number;
}

const PLACEHOLDER_TOKEN = "mca-contract-placeholder-token";

function identityConfig(
  entry: ContractIdentity,
  role: "identity" | "host" | "guest",
  getToken: ContractOptions["getToken"],
): IdentityConfig {
  if (entry.token !== undefined) return { organizationId: entry.organizationId, token: entry.token };
  if (entry.clientId !== undefined && entry.clientSecret !== undefined)
    return {
      organizationId: entry.organizationId,
      clientId: entry.clientId,
      clientSecret: entry.clientSecret,
    };
  if (!getToken)
    throw new Error(
      `describeContract: ${role} ${entry.organizationId} has no token, client credentials or getToken`,
    );
  return {
    organizationId: entry.organizationId,
    getToken: () => getToken({ organizationId: entry.organizationId, role }),
  };
}

/** The engine's configuration for these options: the CLI's, with the same defaults. */
function configOf(options: ContractOptions): Config {
  const identityOf = (role: "host" | "guest") => (entry: ContractIdentity) =>
    identityConfig(entry, role, options.getToken);
  const hosts = (options.identities?.hosts ?? []).map(identityOf("host"));
  const guests = (options.identities?.guests ?? []).map(identityOf("guest"));
  if (options.stateful && (hosts.length === 0 || guests.length === 0))
    throw new Error("describeContract: stateful needs identities.hosts and identities.guests");
  const given = options.identities?.identity;
  return {
    baseUrl: options.baseUrl,
    specPath: options.spec,
    stateful: options.stateful ?? false,
    seed: options.seed ?? randomInt(2 ** 31),
    runs: options.runs ?? 25,
    timeoutMs: options.timeoutMs ?? 10_000,
    junit: undefined,
    only: options.only ?? [],
    exclude: options.exclude ?? [],
    acceptNotJudged: options.acceptNotJudged ?? [],
    headers: options.headers ?? {},
    saveFailures: undefined,
    replay: undefined,
    requireCoverage: options.requireCoverage ?? false,
    identity: given
      ? identityConfig(given, "identity", options.getToken)
      : (hosts[0] ?? { organizationId: randomUUID(), token: PLACEHOLDER_TOKEN }),
    hosts,
    guests,
  };
}

/** The names of the tests of this suite Vitest will run (a `-t` filter or `.only` elsewhere skips the others). */
function runnable(suite: {
  tasks: ReadonlyArray<{ type: string; name: string; mode: string; tasks?: unknown }>;
}) {
  const names = new Set<string>();
  for (const group of suite.tasks)
    if (group.type === "suite")
      for (const task of (group.tasks ?? []) as Array<{ name: string; mode: string }>)
        if (task.mode === "run" || task.mode === "only") names.add(`${group.name} > ${task.name}`);
  return names;
}

async function report(
  context: TestContext,
  verdict: Verdict,
  run: ContractRun,
  requireCoverage: boolean,
): Promise<void> {
  if (verdict.state === "passed") return;
  if (verdict.state === "failed") {
    const error = new Error(failureMessage(verdict.outcome, run.baseUrl, run.seed, run.secrets));
    error.name = `${verdict.outcome.check} failed`;
    error.stack = "";
    throw error;
  }
  const note = skipNote(verdict) as string;
  if (verdict.state === "not judged" && requireCoverage)
    throw new Error(`${note} (requireCoverage: a rule not judged fails)`);
  await context.annotate(note, verdict.state);
  context.skip(note);
}

/**
 * The contract suite as Vitest tests, one per check and operation (`GET /host-connections >
 * response_schema_conformance`) and per stateful rule (`list_semantics > order_by`), named from the spec at
 * collection. The engine runs once, before the first test, on the tests Vitest will run; each test reports its
 * own verdict, with the CLI's failure message. A rule not judged is a skipped test saying why.
 */
export function describeContract(options: ContractOptions = {}): void {
  const config = configOf(options);
  const { tests } = planContract(config);
  const body = () => {
    let run: ContractRun | undefined;
    let verdicts: Map<string, Verdict> | undefined;
    // Vitest reads the first argument's destructuring pattern for fixtures: it must be one, even empty
    // biome-ignore lint/correctness/noEmptyPattern: see above; the suite comes second
    beforeAll(async ({}, suite) => {
      const selected = runnable(suite as Parameters<typeof runnable>[0]);
      run = await runContract(config, {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        select: (planned: PlannedTest) => selected.has(fullName(planned)),
      });
      options.onRun?.(run);
      // the waivers in the run's own output too, not only on skipped tests a reporter may fold away
      const waived = run.tests.filter(({ verdict }) => verdict.state === "waived");
      if (waived.length > 0)
        console.log(
          `contract: ${waived.length} rule(s) waived, accepted as not judged:\n${waived
            .map(
              ({ test: planned, verdict }) =>
                `  ${ruleId(planned.check, planned.name)}: ${skipNote(verdict)}`,
            )
            .join("\n")}`,
        );
      verdicts = new Map(run.tests.map(({ test: planned, verdict }) => [fullName(planned), verdict]));
    }, options.runTimeoutMs ?? 600_000);
    for (const group of new Set(tests.map((planned) => planned.group)))
      describe(group, () => {
        for (const planned of tests.filter((candidate) => candidate.group === group))
          test(planned.name, async (context) => {
            const name = fullName(planned);
            const verdict = verdicts?.get(name);
            if (!run || !verdict) throw new Error(`${name}: the engine gave no verdict`);
            await report(context, verdict, run, config.requireCoverage);
          });
      });
  };
  if (options.title) describe(options.title, body);
  else body();
}
