import type { Check, SpecContext } from "../checks/check.js";

/** The test a check without named rules is, under its check's name: `invitation_flow > flow`. */
export const FLOW_TEST = "flow";

/**
 * One test of the suite, named before anything runs: `<operation> > <check>` for the input and response checks,
 * `<check> > <rule>` for each rule of a stateful check. The CLI's JUnit and the Vitest front end both use it.
 */
export interface PlannedTest {
  /** The describe block: the operation's label, or the stateful check's name. */
  group: string;
  /** The test: the check's name, or the stateful rule (`FLOW_TEST` for a check that is one rule). */
  name: string;
  check: string;
  kind: Check["kind"];
  /** The outcome it reads: the operation's label, or the stateful check's operations joined. */
  operation: string;
  rule?: string;
}

/** `GET /host-connections > response_schema_conformance`: what Vitest and the CLI's JUnit call the test. */
export const fullName = (test: PlannedTest) => `${test.group} > ${test.name}`;

/** The id `--accept-not-judged` and `acceptNotJudged` name a stateful rule by: `list_semantics.archived`. */
export const ruleId = (check: string, rule: string) => `${check}.${rule}`;

/** Every test of a run of `checks` on this spec, in report order: operation by operation, then the flows. */
export function planTests(spec: SpecContext, checks: Check[]): PlannedTest[] {
  const perOperation = spec.operations.flatMap((operation) =>
    checks.flatMap((check) =>
      check.kind === "stateful" || (check.kind === "input" && !check.appliesTo(operation, spec))
        ? []
        : [
            {
              group: operation.label,
              name: check.name,
              check: check.name,
              kind: check.kind,
              operation: operation.label,
            },
          ],
    ),
  );
  const flows = checks.flatMap((check) => {
    if (check.kind !== "stateful") return [];
    const operation = check.operations.join(", ");
    return check.rules.length === 0
      ? [{ group: check.name, name: FLOW_TEST, check: check.name, kind: check.kind, operation }]
      : check.rules.map((rule) => ({
          group: check.name,
          name: rule,
          check: check.name,
          kind: check.kind,
          operation,
          rule,
        }));
  });
  return [...perOperation, ...flows];
}

/** Checks that only judge responses need requests to judge: these generate them where nothing else does. */
const TRAFFIC = ["positive_data_acceptance", "negative_data_rejection"];

/**
 * What the engine must run for these tests: a (check, operation) pair is run when one of its tests is selected,
 * and where only response checks are selected on an operation, the checks that generate traffic run there too
 * (their own verdicts left out).
 */
export function workOf(selected: PlannedTest[]): (check: string, operation: string) => boolean {
  const pairs = new Set(selected.map((test) => `${test.check}\u0000${test.operation}`));
  const on = (kind: Check["kind"]) =>
    new Set(selected.filter((test) => test.kind === kind).map((test) => test.operation));
  const generated = on("input");
  const judgedOnly = new Set([...on("response")].filter((operation) => !generated.has(operation)));
  return (check, operation) =>
    pairs.has(`${check}\u0000${operation}`) || (TRAFFIC.includes(check) && judgedOnly.has(operation));
}
