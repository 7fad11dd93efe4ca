import { DiffConfigError } from "./diff-config-error.js";
import { commitOf, git, gitAnswers, isShallow } from "./git.js";

/** The commit the working tree's spec is compared with, and why that one: every report names it. */
export interface Base {
  /** The full commit id. */
  commit: string;
  /** Its subject line, for a reader who does not know commit ids by heart. */
  subject: string;
  /** How it was chosen: `--base v1.2.0`, `merge base of HEAD and origin/main (GITHUB_BASE_REF=main)`, … */
  reason: string;
}

/** The CI variables that name a pull (merge) request's target branch: GitHub Actions', then GitLab CI's. */
export const TARGET_BRANCH_VARIABLES = ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] as const;

/** The branch the work will land on: a full ref to find it by, the short name to print, what named it. */
interface Target {
  ref: string;
  name: string;
  namedBy?: string;
}

const REMEDY = "pass --base <ref>, or fetch the target branch (git fetch origin main)";

const exists = (root: string, ref: string) =>
  gitAnswers(["show-ref", "--verify", "--quiet", ref], root) && commitOf(root, ref) !== undefined;

/**
 * The target, in this order: the branch CI names as the pull request's target (it must be here: a named target
 * that is missing is an error, never a fallback), the remote's default branch (`origin/HEAD`), a local `main`.
 */
function findTarget(root: string, env: NodeJS.ProcessEnv): Target | undefined {
  for (const variable of TARGET_BRANCH_VARIABLES) {
    const branch = env[variable]?.trim();
    if (!branch) continue;
    const namedBy = `${variable}=${branch}`;
    for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`])
      if (exists(root, ref)) return { ref, name: ref.replace(/^refs\/(remotes|heads)\//, ""), namedBy };
    throw new DiffConfigError(
      `${namedBy} names the target branch, but this clone has neither origin/${branch} nor ${branch}: fetch it (git fetch origin ${branch}) or pass --base <ref>`,
    );
  }
  if (exists(root, "refs/remotes/origin/HEAD"))
    return { ref: "refs/remotes/origin/HEAD", name: git(["rev-parse", "--abbrev-ref", "origin/HEAD"], root) };
  if (exists(root, "refs/heads/main")) return { ref: "refs/heads/main", name: "main" };
  return undefined;
}

const described = (root: string, commit: string, reason: string): Base => ({
  commit,
  subject: git(["log", "-1", "--format=%s", commit], root),
  reason,
});

function shallowError(): DiffConfigError {
  return new DiffConfigError(
    "shallow clone: the base commit is not here; fetch the history (git fetch --unshallow, or a checkout with fetch-depth: 0) or pass --base <ref>",
  );
}

/**
 * The base: `explicit` when given; else where this branch left its target (see findTarget), or the previous
 * commit when HEAD is on the target itself (main after a merge). Undefined only for a repository's first commit.
 * Anything else it cannot find (no target, a shallow clone without the base) is a DiffConfigError, never a guess.
 */
export function resolveBase(
  root: string,
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
): Base | undefined {
  if (explicit !== undefined) {
    const commit = commitOf(root, explicit);
    if (!commit)
      throw new DiffConfigError(`--base ${explicit}: no such commit here (a shallow clone? fetch it first)`);
    return described(root, commit, `--base ${explicit}`);
  }
  const head = commitOf(root, "HEAD");
  if (!head) return undefined;
  const previous = () => commitOf(root, "HEAD~1");
  const target = findTarget(root, env);
  if (!target) {
    if (!previous() && !isShallow(root)) return undefined;
    throw new DiffConfigError(
      `no base to compare with (no target branch in ${TARGET_BRANCH_VARIABLES.join(" or ")}, no origin/HEAD, no main): ${REMEDY}`,
    );
  }
  const namedBy = target.namedBy ? `, ${target.namedBy}` : "";
  if (!gitAnswers(["merge-base", "HEAD", target.ref], root)) {
    if (isShallow(root)) throw shallowError();
    throw new DiffConfigError(`HEAD and ${target.name} share no commit${namedBy}: pass --base <ref>`);
  }
  const mergeBase = git(["merge-base", "HEAD", target.ref], root);
  if (mergeBase !== head)
    return described(root, mergeBase, `merge base of HEAD and ${target.name}${namedBy}`);
  const before = previous();
  if (before) return described(root, before, `the previous commit: HEAD is on ${target.name}${namedBy}`);
  if (isShallow(root)) throw shallowError();
  return undefined;
}
