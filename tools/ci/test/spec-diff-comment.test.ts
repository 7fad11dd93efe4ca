// The pull-request job's comment step against a stand-in for GitHub's REST API on a free port: one comment
// created, then found by its marker (on any page) and edited in place; the job fails with spec:diff's status; a
// dry run prints the calls and the body and sends nothing; GitHub's refusals are one line. The workflow's own
// command line is run too, with today's spec:diff.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Finished, runToEnd } from "../src/processes.js";
import { REPO_ROOT } from "../src/repo-root.js";
import { SPEC_DIFF_MARKER } from "../src/spec-diff-comment.js";

const CLI = join(REPO_ROOT, "tools/ci/src/spec-diff-comment-cli.ts");
const REPOSITORY = "mca/connections-api";
const PR = 7;
const TOKEN = "ghs_stand-in-token";

interface Comment {
  id: number;
  body: string;
}

/** GitHub's issue-comment endpoints, for one pull request, and every request they got. */
const github = {
  comments: [] as Comment[],
  requests: [] as Array<{ method: string; url: string; authorization?: string; body?: { body: string } }>,
  refuse: undefined as { method: string; status: number; message: string } | undefined,
  nextId: 1000,
};
let server: Server;
let apiUrl: string;
let work: string;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    const url = new URL(request.url ?? "/", "http://github.test");
    github.requests.push({
      method: request.method ?? "",
      url: `${url.pathname}${url.search}`,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(text ? { body: JSON.parse(text) as { body: string } } : {}),
    });
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (github.refuse && github.refuse.method === request.method)
      return answer(github.refuse.status, { message: github.refuse.message });
    const list = url.pathname === `/repos/${REPOSITORY}/issues/${PR}/comments`;
    const edit = /^\/repos\/mca\/connections-api\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && request.method === "GET") {
      const page = Number(url.searchParams.get("page") ?? 1);
      const size = Number(url.searchParams.get("per_page") ?? 30);
      return answer(200, github.comments.slice((page - 1) * size, page * size));
    }
    if (list && request.method === "POST") {
      const comment = { id: github.nextId++, body: (JSON.parse(text) as Comment).body };
      github.comments.push(comment);
      return answer(201, comment);
    }
    const comment = edit && github.comments.find((candidate) => candidate.id === Number(edit[1]));
    if (comment && request.method === "PATCH") {
      comment.body = (JSON.parse(text) as Comment).body;
      return answer(200, comment);
    }
    answer(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  work = mkdtempSync(join(tmpdir(), "mca-comment-"));
  writeFileSync(
    join(work, "event.json"),
    JSON.stringify({ pull_request: { number: PR, head: { sha: "0123456789abcdef0123" } } }),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  github.comments = [];
  github.requests = [];
  github.refuse = undefined;
  writeFileSync(join(work, "summary.md"), "");
});
afterEach(() => {
  github.refuse = undefined;
});

/** A stand-in for spec:diff: prints `markdown`, `stderr`, exits with `code`. */
const fakeDiff = (markdown: string, code: number, stderr = "") => [
  process.execPath,
  "-e",
  `process.stdout.write(${JSON.stringify(markdown)}); process.stderr.write(${JSON.stringify(stderr)}); process.exit(${code})`,
];

const REPORT = "### API changes (1 breaking, 0 compatible)\n\n#### Breaking for clients\n\n| operation |\n";

function run(
  args: string[],
  { env = {}, shell }: { env?: Record<string, string | undefined>; shell?: string } = {},
): Promise<Finished> {
  const runnerEnv: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_API_URL: apiUrl,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_EVENT_PATH: join(work, "event.json"),
    GITHUB_TOKEN: TOKEN,
    GITHUB_STEP_SUMMARY: join(work, "summary.md"),
    INIT_CWD: REPO_ROOT,
  };
  for (const [name, value] of Object.entries(env))
    if (value === undefined) delete runnerEnv[name];
    else runnerEnv[name] = value;
  return shell
    ? runToEnd("bash", ["-eo", "pipefail", "-c", shell], {
        cwd: REPO_ROOT,
        env: runnerEnv,
        timeoutMs: 120_000,
      })
    : runToEnd(process.execPath, ["--import", "tsx", CLI, ...args], {
        cwd: join(REPO_ROOT, "tools/ci"),
        env: runnerEnv,
        timeoutMs: 60_000,
      });
}

const writes = () => github.requests.filter((request) => request.method !== "GET");

describe("spec-diff-comment", () => {
  it("creates one marked comment, and fails with spec:diff's status on an unacknowledged breaking change", async () => {
    const result = await run(["--", ...fakeDiff(REPORT, 1)]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`spec-diff-comment: commented on ${REPOSITORY}#${PR}`);
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]?.body ?? "";
    expect(body.startsWith(`${SPEC_DIFF_MARKER}\n${REPORT.trim()}\n\n❌ **spec:diff failed**`)).toBe(true);
    expect(body).toContain("<sub>For 0123456789ab; updated on every push.</sub>");
    expect(github.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET /repos/${REPOSITORY}/issues/${PR}/comments?per_page=100&page=1`,
      `POST /repos/${REPOSITORY}/issues/${PR}/comments`,
    ]);
    expect(github.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    // the job summary has the report too, without the marker
    expect(readFileSync(join(work, "summary.md"), "utf8")).toBe(body.replace(`${SPEC_DIFF_MARKER}\n`, ""));
  });

  it("edits the marked comment in place on the next push, even past the first page, and posts no second one", async () => {
    github.comments = Array.from({ length: 130 }, (_, index) => ({
      id: index + 1,
      body: `review comment ${index}`,
    }));
    github.comments[5] = { id: 6, body: `a reviewer quoting ${SPEC_DIFF_MARKER}` };
    github.comments[120] = { id: 121, body: `${SPEC_DIFF_MARKER}\nthe report of the push before` };
    const result = await run(["--", ...fakeDiff("### API changes (0 breaking, 1 compatible)\n", 0)]);
    expect(result.code, result.stderr).toBe(0);
    expect(writes().map((request) => `${request.method} ${request.url}`)).toEqual([
      `PATCH /repos/${REPOSITORY}/issues/comments/121`,
    ]);
    expect(github.comments).toHaveLength(130);
    expect(github.comments[120]?.body).toContain(
      "✅ **spec:diff passed**: no unacknowledged breaking change.",
    );
    // a comment that only quotes the marker is not ours
    expect(github.comments[5]?.body).toBe(`a reviewer quoting ${SPEC_DIFF_MARKER}`);
  });

  it("says spec:diff could not judge, with its reason, and exits 2", async () => {
    const result = await run(["--", ...fakeDiff("", 2, "mca-spec-diff: --base nope: no such commit here\n")]);
    expect(result.code).toBe(2);
    expect(github.comments[0]?.body).toContain(
      "⚠️ **spec:diff could not judge** (exit 2): `mca-spec-diff: --base nope: no such commit here`",
    );
  });

  it("in a dry run, prints the calls and the body and sends nothing", async () => {
    const result = await run(["--dry-run", "--", ...fakeDiff(REPORT, 1)], {
      env: { GITHUB_TOKEN: undefined },
    });
    expect(result.code).toBe(1);
    expect(github.requests).toEqual([]);
    expect(result.stdout).toContain("spec-diff-comment: dry run, nothing is sent\n");
    expect(result.stdout).toContain(
      `would send: POST ${apiUrl}/repos/${REPOSITORY}/issues/${PR}/comments  (or PATCH ${apiUrl}/repos/${REPOSITORY}/issues/comments/<id> if one does)`,
    );
    expect(result.stdout).toContain(`${SPEC_DIFF_MARKER}\n${REPORT.trim()}\n\n❌ **spec:diff failed**`);
  });

  it("in a dry run with a token, reads the comments only and names the one it would edit", async () => {
    github.comments = [{ id: 42, body: `${SPEC_DIFF_MARKER}\nbefore` }];
    const result = await run(["--dry-run", "--", ...fakeDiff(REPORT, 0)]);
    expect(result.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(result.stdout).toContain(`would send: PATCH ${apiUrl}/repos/${REPOSITORY}/issues/comments/42\n`);
    expect(github.comments[0]?.body).toBe(`${SPEC_DIFF_MARKER}\nbefore`);
  });

  it("fails in one line when GitHub refuses to list the comments", async () => {
    github.refuse = { method: "GET", status: 401, message: "Bad credentials" };
    const result = await run(["--", ...fakeDiff(REPORT, 0)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `spec-diff-comment: GET ${apiUrl}/repos/${REPOSITORY}/issues/${PR}/comments?per_page=100&page=1: GitHub answered 401 (Bad credentials)\n`,
    );
  });

  it("keeps spec:diff's verdict when a fork's read-only token may not comment (the report is in the summary)", async () => {
    github.refuse = { method: "POST", status: 403, message: "Resource not accessible by integration" };
    const result = await run(["--", ...fakeDiff(REPORT, 1)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::warning::spec-diff-comment: POST ");
    expect(readFileSync(join(work, "summary.md"), "utf8")).toContain("❌ **spec:diff failed**");
  });

  it("refuses to run without the pull request or the token, in one line and the usage", async () => {
    const result = await run(["--", ...fakeDiff(REPORT, 0)], { env: { GITHUB_EVENT_PATH: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "spec-diff-comment: no pull request: GITHUB_EVENT_PATH has none, and no --pr was given",
    );
    expect(github.requests).toEqual([]);
  });
});

describe("the pull-request workflow's comment step", () => {
  it("runs today's spec:diff CLI with --format markdown and posts its report", async () => {
    const workflow = parse(readFileSync(join(REPO_ROOT, ".github/workflows/pull-request.yml"), "utf8")) as {
      jobs: Record<string, { steps: Array<{ run?: string }> }>;
    };
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((candidate) => candidate.run?.includes("spec-diff-comment"));
    // no --base: spec:diff finds the merge base with GITHUB_BASE_REF's branch itself and names it in the report
    expect(step?.run).toContain("pnpm -s spec:diff --format markdown");
    // the step as written, with the root spec:diff script's CLI without its turbo build (a nested turbo would restore build outputs that the other
    // packages' tests are reading; the build is done: this test runs after it)
    const root = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const cli = "node packages/spec-diff/dist/cli.js";
    expect(root.scripts["spec:diff"]).toMatch(
      /^turbo run build [^&]*>&2 && node packages\/spec-diff\/dist\/cli\.js$/,
    );
    const script = (step?.run ?? "").replace("pnpm -s spec:diff", cli);
    expect(script).toContain(`-- ${cli} --format markdown`);
    const result = await run([], { shell: script, env: { GITHUB_BASE_REF: "main" } });
    const body = github.comments[0]?.body ?? "";
    expect(body.startsWith(`${SPEC_DIFF_MARKER}\n### API changes (`), `${result.stderr}\n${body}`).toBe(true);
    // a report of the working tree against HEAD: whatever it finds, the job's status is spec:diff's
    expect(result.code).toBe(body.includes("✅ **spec:diff passed**") ? 0 : 1);
  });
});
