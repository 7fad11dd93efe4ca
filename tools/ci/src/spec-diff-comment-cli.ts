#!/usr/bin/env node
// The pull-request job's step: runs spec:diff (the command after `--`), posts its Markdown report on the pull
// request as one comment updated in place, adds it to the job summary, and exits with spec:diff's status, so the
// check fails on an unacknowledged breaking change. --dry-run sends nothing: it prints the API calls and the body.
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SPEC_DIFF_MARKER, specDiffCommentBody } from "./spec-diff-comment.js";
import {
  type ApiCall,
  createCall,
  findMarkedComment,
  GitHubApiError,
  listCall,
  type PullRequest,
  updateCall,
  upsertComment,
} from "./sticky-comment.js";

const USAGE = `Usage: spec-diff-comment [--dry-run] [--pr <number>] -- <spec:diff command…>
  e.g. pnpm -s --filter @mca/ci spec-diff-comment -- pnpm -s spec:diff --format markdown
  env: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_EVENT_PATH (the pull request's number and head),
  GITHUB_API_URL (default https://api.github.com), GITHUB_STEP_SUMMARY (the report is added to it)
  --dry-run  prints the calls it would make and the body; sends nothing (with GITHUB_TOKEN it reads the
             comments to say which one it would edit)
  Exit: spec:diff's status (0, 1 breaking and not acknowledged, 2 could not judge); 2 when the comment failed.`;

const line = (text: string) => process.stderr.write(`spec-diff-comment: ${text}\n`);
const env = process.env;

class UsageError extends Error {}

function pullRequestEvent(): { number?: number; headSha?: string } {
  if (!env.GITHUB_EVENT_PATH) return {};
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as {
    pull_request?: { number?: number; head?: { sha?: string } };
  };
  return {
    ...(event.pull_request?.number ? { number: event.pull_request.number } : {}),
    ...(event.pull_request?.head?.sha ? { headSha: event.pull_request.head.sha } : {}),
  };
}

const show = (call: ApiCall) => `${call.method} ${call.url}`;

async function dryRun(pr: PullRequest, body: string): Promise<void> {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out("spec-diff-comment: dry run, nothing is sent");
  if (pr.token) {
    const existing = await findMarkedComment(pr, SPEC_DIFF_MARKER);
    out(`${show(listCall(pr, 1))}  (sent: read only; ${existing ?? "no"} comment carries the marker)`);
    out(`would send: ${show(existing === undefined ? createCall(pr) : updateCall(pr, existing))}`);
  } else {
    out(
      `${show(listCall(pr, 1))}  (not sent: no GITHUB_TOKEN; finds the comment that starts with the marker)`,
    );
    out(`would send: ${show(createCall(pr))}  (or ${show(updateCall(pr, "<id>"))} if one does)`);
  }
  out(`with the JSON body {"body": …} where … is:\n${body}`);
}

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--", 2);
  const own = process.argv.slice(2, separator === -1 ? undefined : separator);
  const command = separator === -1 ? [] : process.argv.slice(separator + 1);
  const { values } = parseArgs({
    args: own,
    options: {
      "dry-run": { type: "boolean", default: false },
      pr: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [program, ...args] = command;
  if (!program) throw new UsageError("name the spec:diff command after --");
  const event = pullRequestEvent();
  const number = values.pr === undefined ? event.number : Number(values.pr);
  if (number !== undefined && !(Number.isInteger(number) && number > 0))
    throw new UsageError(`--pr must be a pull request number, got "${values.pr}"`);
  const dry = values["dry-run"];
  if (!dry && !env.GITHUB_REPOSITORY) throw new UsageError("GITHUB_REPOSITORY is not set (owner/name)");
  if (!dry && number === undefined)
    throw new UsageError("no pull request: GITHUB_EVENT_PATH has none, and no --pr was given");
  if (!dry && !env.GITHUB_TOKEN) throw new UsageError("GITHUB_TOKEN is not set");

  // where `pnpm … spec-diff-comment` was typed: pnpm runs the script in this package's folder
  const diff = spawnSync(program, args, {
    cwd: env.INIT_CWD ?? process.cwd(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (diff.error) throw new UsageError(`could not run ${program}: ${diff.error.message}`);
  process.stderr.write(diff.stderr);
  const body = specDiffCommentBody({
    markdown: diff.stdout,
    exitCode: diff.status,
    stderr: diff.stderr,
    headSha: event.headSha,
  });
  if (env.GITHUB_STEP_SUMMARY)
    appendFileSync(env.GITHUB_STEP_SUMMARY, body.replace(`${SPEC_DIFF_MARKER}\n`, ""));
  const pr: PullRequest = {
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    repository: env.GITHUB_REPOSITORY ?? "<owner>/<name>",
    number: number ?? "<number>",
    token: env.GITHUB_TOKEN || undefined,
  };
  if (dry) {
    await dryRun(pr, body);
  } else {
    try {
      const call = await upsertComment(pr, SPEC_DIFF_MARKER, body);
      line(
        `${call.method === "POST" ? "commented on" : "updated the comment on"} ${pr.repository}#${pr.number}`,
      );
    } catch (error) {
      // a pull request from a fork gets a read-only token: the report is in the job summary, the verdict stands
      if (!(error instanceof GitHubApiError && error.status === 403 && error.call.method !== "GET"))
        throw error;
      process.stdout.write(
        `::warning::spec-diff-comment: ${error.message}; the report is in the job summary\n`,
      );
    }
  }
  return diff.status ?? 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    line(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  },
);
