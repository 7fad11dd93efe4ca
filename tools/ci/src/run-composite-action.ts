import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { runToEnd } from "./processes.js";

interface ActionInput {
  required?: boolean;
  default?: string;
}

interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}

/** The keys of a step this runner reproduces; `uses`, `if`, `working-directory` … would run differently. */
const STEP_KEYS = new Set(["id", "name", "shell", "run", "env"]);

interface CompositeAction {
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  name: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CompositeRun {
  /** The composite's exit: the first failed step's code, else 0. */
  exitCode: number | null;
  steps: StepRun[];
  /** The action's outputs, resolved from its steps' GITHUB_OUTPUT files. */
  outputs: Record<string, string>;
}

/** `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, as the runner reads a step's GITHUB_OUTPUT. */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = "", delimiter] = heredoc;
      const value: string[] = [];
      while (index + 1 < lines.length && lines[index + 1] !== delimiter) value.push(lines[++index] ?? "");
      index += 1;
      outputs[name] = value.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/**
 * `${{ … }}` in a step: the few contexts a composite action of ours may use. Anything else throws, so that a
 * step this runner cannot reproduce fails the test instead of running differently from GitHub.
 */
function evaluate(
  text: string,
  contexts: {
    inputs: Record<string, string>;
    steps: Record<string, Record<string, string>>;
    actionPath: string;
  },
): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return contexts.inputs[input[1] ?? ""] ?? "";
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return contexts.steps[output[1] ?? ""]?.[output[2] ?? ""] ?? "";
    if (expression === "github.action_path") return contexts.actionPath;
    throw new Error(`run-composite-action: unsupported expression \${{ ${expression} }}`);
  });
}

/**
 * Runs the `shell: bash` steps of a composite action the way the runner does: inputs with their defaults, each
 * step's `env` and `run` with `${{ }}` filled in, a GITHUB_OUTPUT file per step read into `steps.<id>.outputs`,
 * GITHUB_ACTION_PATH set, stopping at the first failed step. `env` carries the rest of the runner's variables
 * (GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_STEP_SUMMARY, GITHUB_BASE_REF …); steps run in GITHUB_WORKSPACE. The
 * action's outputs are resolved after a failed step too, as the runner does.
 */
export async function runCompositeAction(
  actionDir: string,
  given: Record<string, string>,
  env: NodeJS.ProcessEnv & { GITHUB_WORKSPACE: string },
  stepTimeoutMs = 300_000,
): Promise<CompositeRun> {
  const action = parse(readFileSync(join(actionDir, "action.yml"), "utf8")) as CompositeAction;
  if (action.runs.using !== "composite")
    throw new Error(`run-composite-action: ${actionDir} is not composite`);
  const declared = action.inputs ?? {};
  for (const name of Object.keys(given))
    if (!(name in declared)) throw new Error(`run-composite-action: no input "${name}"`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(declared)) {
    const value = given[name] ?? input.default;
    if (value === undefined && input.required)
      throw new Error(`run-composite-action: input "${name}" required`);
    inputs[name] = value ?? "";
  }
  const steps: Record<string, Record<string, string>> = {};
  const runs: StepRun[] = [];
  let exitCode: number | null = 0;
  const scratch = mkdtempSync(join(tmpdir(), "mca-composite-"));
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      const name = step.name ?? step.id ?? `step ${index + 1}`;
      const unsupported = Object.keys(step).filter((key) => !STEP_KEYS.has(key));
      if (unsupported.length || step.shell !== "bash" || step.run === undefined)
        throw new Error(
          `run-composite-action: "${name}" is not a plain shell: bash step${unsupported.length ? ` (${unsupported.join(", ")})` : ""}`,
        );
      const contexts = { inputs, steps, actionPath: actionDir };
      const script = join(scratch, `step-${index}.sh`);
      const outputFile = join(scratch, `output-${index}`);
      writeFileSync(script, evaluate(step.run, contexts));
      writeFileSync(outputFile, "");
      const stepEnv = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(String(value), contexts)]),
      );
      // what GitHub runs for `shell: bash`
      const run = await runToEnd("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
        cwd: env.GITHUB_WORKSPACE,
        env: { ...env, ...stepEnv, GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: actionDir },
        timeoutMs: stepTimeoutMs,
      });
      runs.push({ name, exitCode: run.code, stdout: run.stdout, stderr: run.stderr });
      if (step.id) steps[step.id] = parseGithubOutput(readFileSync(outputFile, "utf8"));
      if (run.code !== 0) {
        exitCode = run.code;
        break;
      }
    }
    const outputs = Object.fromEntries(
      Object.entries(action.outputs ?? {}).map(([name, output]) => [
        name,
        evaluate(output.value, { inputs, steps, actionPath: actionDir }),
      ]),
    );
    return { exitCode, steps: runs, outputs };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
