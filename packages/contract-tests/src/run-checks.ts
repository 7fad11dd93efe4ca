import type { Operation } from "@mca/spec";
import fc from "fast-check";
import type {
  Check,
  CheckContext,
  Exchange,
  GeneratedCase,
  InputCheck,
  ResponseCheck,
  StatefulCheck,
} from "./checks/check.js";
import type { Call, FlowVerdict } from "./checks/stateful/flow-requests.js";
import { type RequestSpec, send } from "./http/request.js";
import { trackWrites } from "./model/connection-model.js";

/**
 * Where a case comes from: saved failures replayed first (`--replay`), then the coverage phase (the same cases in
 * every run: every breaking and every boundary value), then the random phase (`--runs` cases per check and
 * operation, drawn with the seed and shrunk), then the stateful flows.
 */
export type Phase = "replay" | "coverage" | "random" | "stateful";
export const PHASES: readonly Phase[] = ["replay", "coverage", "random", "stateful"];

/** One failure, with everything needed to reproduce it. */
export interface Failure {
  check: string;
  operation: string;
  reason: string;
  /** The rule of a stateful check that failed, where the check names its rules. */
  rule?: string;
  phase: Phase;
  description?: string;
  exchange?: Exchange;
}

/** The result of one check on one operation. */
export interface Outcome {
  check: string;
  operation: string;
  /** Cases judged, in all and per phase. */
  cases: number;
  phases: Record<Phase, number>;
  durationMs: number;
  failure?: Failure;
  /** Rules the check judged on data that could have failed them, and those it could not judge (with why). */
  judged: string[];
  notJudged: Array<{ rule: string; why: string }>;
  /** Rules not judged that the run was told to accept (`--accept-not-judged`), with why they were not judged. */
  waived: Array<{ rule: string; why: string }>;
}

export interface RunResult {
  outcomes: Outcome[];
  durationMs: number;
  /** Requests sent in each phase. */
  sent: Record<Phase, number>;
  /** Saved cases the replay phase could not run, and why. */
  replaySkipped: Array<{ source: string; why: string }>;
}

/** A failing case saved by an earlier run (`--save-failures`), to be sent again first (`--replay`). */
export interface ReplayCase {
  /** Where it was read from, for the report. */
  source: string;
  check: string;
  operationId: string;
  description: string;
  request: RequestSpec;
}

export interface RunOptions {
  replay?: ReplayCase[];
  /**
   * Whether to run a check on an operation (a stateful check: on its operations joined), for a run of some of
   * the tests (`--only`, `-t`); everything when left out. Response checks judge whatever is sent.
   */
  work?: (check: string, operation: string) => boolean;
}

const perPhase = (): Record<Phase, number> => ({ replay: 0, coverage: 0, random: 0, stateful: 0 });

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (Math.imul(value, 31) + (character.codePointAt(0) ?? 0)) | 0;
  return value;
}

class Tally {
  private readonly outcomes = new Map<string, Outcome>();
  private outcome(check: string, operation: string): Outcome {
    const key = `${check}\u0000${operation}`;
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = {
        check,
        operation,
        cases: 0,
        phases: perPhase(),
        durationMs: 0,
        judged: [],
        notJudged: [],
        waived: [],
      };
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
  record(check: string, operation: string, phase: Phase, durationMs: number, failure?: Failure): void {
    const outcome = this.outcome(check, operation);
    outcome.cases += 1;
    outcome.phases[phase] += 1;
    outcome.durationMs += durationMs;
    if (failure && !outcome.failure) outcome.failure = failure;
  }
  failed(check: string, operation: string): boolean {
    return this.outcomes.get(`${check}\u0000${operation}`)?.failure !== undefined;
  }
  /** Replaces the failure of (check, operation) with the shrunk one. */
  setFailure(failure: Failure): void {
    this.outcome(failure.check, failure.operation).failure = failure;
  }
  /** Adds what a stateful check could and could not judge to its outcome. */
  setCoverage(check: string, operation: string, judged: string[], notJudged: Outcome["notJudged"]): void {
    Object.assign(this.outcome(check, operation), { judged, notJudged });
  }
  /** Every outcome; a check × operation that saw no case at all says so. */
  list(): Outcome[] {
    return [...this.outcomes.values()].map((outcome) =>
      outcome.cases === 0
        ? { ...outcome, notJudged: [...outcome.notJudged, { rule: "cases", why: "no case was run" }] }
        : outcome,
    );
  }
}

/**
 * Runs the checks: saved cases first, then per input check and operation the coverage phase and the random
 * phase, then the stateful flows (their writes checked against the model of the data); every response goes
 * through the response checks.
 */
export async function runChecks(
  context: CheckContext,
  checks: Check[],
  options: RunOptions = {},
): Promise<RunResult> {
  const started = performance.now();
  const tally = new Tally();
  const sent = perPhase();
  const replaySkipped: RunResult["replaySkipped"] = [];
  const responseChecks = checks.filter((check): check is ResponseCheck => check.kind === "response");
  const inputChecks = checks.filter((check): check is InputCheck => check.kind === "input");
  const statefulChecks = checks.filter(
    (check): check is StatefulCheck =>
      check.kind === "stateful" && (options.work?.(check.name, check.operations.join(", ")) ?? true),
  );
  const runsOn = (input: InputCheck) => (operation: Operation) =>
    input.appliesTo(operation, context) && (options.work?.(input.name, operation.label) ?? true);

  async function exchange(operation: Operation, request: RequestSpec, phase: Phase): Promise<Exchange> {
    sent[phase] += 1;
    return {
      operation,
      request,
      response: await send(context.baseUrl, request, context.timeoutMs, context.transport),
    };
  }

  /** Judges one exchange by the input check (if any) and the response checks; returns the failures. */
  function judge(
    exchanged: Exchange,
    input: InputCheck | undefined,
    description: string,
    durationMs: number,
    phase: Phase,
  ): Failure[] {
    const failures: Failure[] = [];
    const applicable = input?.undocumentedResponses
      ? responseChecks.filter((check) => check.name === "not_a_server_error")
      : responseChecks;
    for (const check of [...(input ? [input] : []), ...applicable]) {
      const reason = check.judge(exchanged, context);
      const failure: Failure | undefined =
        reason === undefined
          ? undefined
          : {
              check: check.name,
              operation: exchanged.operation.label,
              reason,
              phase,
              description,
              exchange: exchanged,
            };
      tally.record(check.name, exchanged.operation.label, phase, check === input ? durationMs : 0, failure);
      if (failure) failures.push(failure);
    }
    return failures;
  }

  async function sendCase(
    input: InputCheck | undefined,
    operation: Operation,
    generated: GeneratedCase,
    phase: Phase,
  ): Promise<Failure[]> {
    const sentAt = performance.now();
    const exchanged = await exchange(operation, generated.request, phase);
    return judge(exchanged, input, generated.description, performance.now() - sentAt, phase);
  }

  /** The check and operation a saved case is for, or why this run cannot replay it. */
  function replayTarget(saved: ReplayCase) {
    const check = checks.find((candidate) => candidate.name === saved.check);
    const operation = context.operations.find((candidate) => candidate.operationId === saved.operationId);
    if (!check) return `check ${saved.check} is not in this run`;
    if (check.kind === "stateful") return `${saved.check} is a stateful check: its failures are flows`;
    if (!operation) return `the spec has no operation ${saved.operationId}`;
    if (check.kind === "input" && !runsOn(check)(operation)) return `${saved.check} does not run on it here`;
    return { input: check.kind === "input" ? check : undefined, operation };
  }

  for (const saved of options.replay ?? []) {
    const target = replayTarget(saved);
    if (typeof target === "string") replaySkipped.push({ source: saved.source, why: target });
    else
      await sendCase(
        target.input,
        target.operation,
        { request: saved.request, description: `replayed ${saved.source}: ${saved.description}` },
        "replay",
      );
  }

  for (const input of inputChecks) {
    for (const operation of context.operations.filter(runsOn(input))) {
      for (const covered of input.coverage(operation, context))
        await sendCase(input, operation, covered, "coverage");
      // a failure found by a saved or a coverage case is the same in every run: the random phase adds nothing
      if (tally.failed(input.name, operation.label)) continue;
      const property = fc.asyncProperty(
        input.cases(operation, context),
        async (generated: GeneratedCase) =>
          (await sendCase(input, operation, generated, "random")).length === 0,
      );
      const details = await fc.check(property, {
        numRuns: context.runs,
        seed: context.seed ^ hash(`${input.name} ${operation.label}`),
      });
      if (details.failed && details.counterexample) {
        // report the shrunk case, not the first one found
        const [minimal] = details.counterexample;
        const again = await exchange(operation, minimal.request, "random");
        for (const failure of judge(again, input, minimal.description, 0, "random"))
          tally.setFailure(failure);
      } else if (details.failed) {
        tally.record(input.name, operation.label, "random", 0, {
          check: input.name,
          operation: operation.label,
          reason: String(details.errorInstance ?? "the property failed"),
          phase: "random",
        });
      }
    }
  }

  for (const check of statefulChecks) {
    const startedFlow = performance.now();
    const flowCall: Call = async (request) => {
      const operation = context.operations.find((candidate) => candidate.operationId === request.operationId);
      if (!operation) throw new Error(`the spec has no operation ${request.operationId}`);
      const exchanged = await exchange(operation, request, "stateful");
      judge(exchanged, undefined, `${check.name} flow`, 0, "stateful");
      return exchanged;
    };
    let verdict: FlowVerdict;
    const judged: string[] = [];
    const notJudged: Outcome["notJudged"] = [];
    const coverage = {
      judged: (rule: string) => void judged.push(rule),
      notJudged: (rule: string, why: string) => void notJudged.push({ rule, why }),
    };
    try {
      verdict = await check.run(context, trackWrites(context, flowCall), coverage);
    } catch (error) {
      verdict = {
        reason: `the flow could not run: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (verdict === undefined)
      for (const rule of check.rules)
        if (!judged.includes(rule) && !notJudged.some((entry) => entry.rule === rule))
          coverage.notJudged(rule, "the check said nothing about it");
    const operation = check.operations.join(", ");
    tally.record(
      check.name,
      operation,
      "stateful",
      performance.now() - startedFlow,
      verdict === undefined ? undefined : { check: check.name, operation, phase: "stateful", ...verdict },
    );
    tally.setCoverage(check.name, operation, judged, notJudged);
  }

  return { outcomes: tally.list(), durationMs: performance.now() - started, sent, replaySkipped };
}
