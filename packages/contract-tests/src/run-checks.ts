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
import { type RequestSpec, send } from "./http/request.js";

/** One failure, with everything needed to reproduce it. */
export interface Failure {
  check: string;
  operation: string;
  reason: string;
  description?: string;
  exchange?: Exchange;
}

/** The result of one check on one operation. */
export interface Outcome {
  check: string;
  operation: string;
  cases: number;
  durationMs: number;
  failure?: Failure;
  /** Rules the check judged on data that could have failed them, and those it could not judge (with why). */
  judged: string[];
  notJudged: Array<{ rule: string; why: string }>;
}

export interface RunResult {
  outcomes: Outcome[];
  durationMs: number;
}

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (Math.imul(value, 31) + (character.codePointAt(0) ?? 0)) | 0;
  return value;
}

class Tally {
  private readonly outcomes = new Map<string, Outcome>();
  record(check: string, operation: string, durationMs: number, failure?: Failure): void {
    const key = `${check}\u0000${operation}`;
    const outcome = this.outcomes.get(key) ?? {
      check,
      operation,
      cases: 0,
      durationMs: 0,
      judged: [],
      notJudged: [],
    };
    outcome.cases += 1;
    outcome.durationMs += durationMs;
    if (failure && !outcome.failure) outcome.failure = failure;
    this.outcomes.set(key, outcome);
  }
  /** Replaces the failure of (check, operation) with the shrunk one. */
  setFailure(failure: Failure): void {
    const outcome = this.outcomes.get(`${failure.check}\u0000${failure.operation}`);
    if (outcome) outcome.failure = failure;
  }
  /** Adds what a stateful check could and could not judge to its outcome. */
  setCoverage(check: string, operation: string, judged: string[], notJudged: Outcome["notJudged"]): void {
    const outcome = this.outcomes.get(`${check}\u0000${operation}`);
    if (outcome) Object.assign(outcome, { judged, notJudged });
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

/** Runs the checks: input checks generate requests per operation, every response goes through the response checks. */
export async function runChecks(context: CheckContext, checks: Check[]): Promise<RunResult> {
  const started = performance.now();
  const tally = new Tally();
  const responseChecks = checks.filter((check): check is ResponseCheck => check.kind === "response");
  const inputChecks = checks.filter((check): check is InputCheck => check.kind === "input");
  const statefulChecks = checks.filter((check): check is StatefulCheck => check.kind === "stateful");

  async function exchange(operation: Operation, request: RequestSpec): Promise<Exchange> {
    return { operation, request, response: await send(context.baseUrl, request, context.timeoutMs) };
  }

  /** Judges one exchange by the input check (if any) and the response checks; returns the failures. */
  function judge(
    exchanged: Exchange,
    input: InputCheck | undefined,
    description: string,
    durationMs: number,
  ): Failure[] {
    const failures: Failure[] = [];
    const applicable = input?.undocumentedResponses
      ? responseChecks.filter((check) => check.name === "not_a_server_error")
      : responseChecks;
    for (const check of [...(input ? [input] : []), ...applicable]) {
      const reason = check.judge(exchanged, context);
      const failure =
        reason === undefined
          ? undefined
          : {
              check: check.name,
              operation: exchanged.operation.label,
              reason,
              description,
              exchange: exchanged,
            };
      tally.record(check.name, exchanged.operation.label, check === input ? durationMs : 0, failure);
      if (failure) failures.push(failure);
    }
    return failures;
  }

  for (const input of inputChecks) {
    for (const operation of context.operations.filter((candidate) => input.appliesTo(candidate, context))) {
      const property = fc.asyncProperty(input.cases(operation, context), async (generated: GeneratedCase) => {
        const sent = performance.now();
        const exchanged = await exchange(operation, generated.request);
        return judge(exchanged, input, generated.description, performance.now() - sent).length === 0;
      });
      const details = await fc.check(property, {
        numRuns: context.runs,
        seed: context.seed ^ hash(`${input.name} ${operation.label}`),
      });
      if (details.failed && details.counterexample) {
        // report the shrunk case, not the first one found
        const [minimal] = details.counterexample;
        const again = await exchange(operation, minimal.request);
        for (const failure of judge(again, input, minimal.description, 0)) tally.setFailure(failure);
      } else if (details.failed) {
        tally.record(input.name, operation.label, 0, {
          check: input.name,
          operation: operation.label,
          reason: String(details.errorInstance ?? "the property failed"),
        });
      }
    }
  }

  for (const check of statefulChecks) {
    const sent = performance.now();
    const call = async (operationId: string, request: RequestSpec) => {
      const operation = context.operations.find((candidate) => candidate.operationId === operationId);
      if (!operation) throw new Error(`the spec has no operation ${operationId}`);
      const exchanged = await exchange(operation, request);
      judge(exchanged, undefined, `${check.name} flow`, 0);
      return exchanged;
    };
    let reason: string | undefined;
    const judged: string[] = [];
    const notJudged: Outcome["notJudged"] = [];
    const coverage = {
      judged: (rule: string) => void judged.push(rule),
      notJudged: (rule: string, why: string) => void notJudged.push({ rule, why }),
    };
    try {
      reason = await check.run(context, call, coverage);
    } catch (error) {
      reason = `the flow could not run: ${error instanceof Error ? error.message : String(error)}`;
    }
    const operation = check.operations.join(", ");
    tally.record(
      check.name,
      operation,
      performance.now() - sent,
      reason === undefined ? undefined : { check: check.name, operation, reason },
    );
    tally.setCoverage(check.name, operation, judged, notJudged);
  }

  return { outcomes: tally.list(), durationMs: performance.now() - started };
}
