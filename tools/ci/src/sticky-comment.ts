/**
 * One comment of ours on a pull request, updated in place: the comment whose body starts with a hidden marker is
 * edited, and only when there is none is one created. GitHub's REST API (issue comments: a pull request is an
 * issue), with the token of the workflow.
 */
export interface PullRequest {
  /** https://api.github.com, or GitHub Enterprise's …/api/v3 */
  apiUrl: string;
  /** owner/name */
  repository: string;
  /** The pull request's number; a placeholder only in what a dry run prints. */
  number: number | "<number>";
  token: string | undefined;
}

/** A call to GitHub's API, as made or as a dry run prints it. */
export interface ApiCall {
  method: "GET" | "POST" | "PATCH";
  url: string;
}

export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  constructor(
    readonly call: ApiCall,
    readonly status: number,
    detail: string,
  ) {
    super(`${call.method} ${call.url}: GitHub answered ${status}${detail ? ` (${detail})` : ""}`);
  }
}

const PAGE_SIZE = 100;

export const listCall = (pr: PullRequest, page: number): ApiCall => ({
  method: "GET",
  url: `${pr.apiUrl}/repos/${pr.repository}/issues/${pr.number}/comments?per_page=${PAGE_SIZE}&page=${page}`,
});
export const createCall = (pr: PullRequest): ApiCall => ({
  method: "POST",
  url: `${pr.apiUrl}/repos/${pr.repository}/issues/${pr.number}/comments`,
});
export const updateCall = (pr: PullRequest, commentId: number | "<id>"): ApiCall => ({
  method: "PATCH",
  url: `${pr.apiUrl}/repos/${pr.repository}/issues/comments/${commentId}`,
});

async function send(pr: PullRequest, call: ApiCall, body?: unknown): Promise<unknown> {
  const response = await fetch(call.url, {
    method: call.method,
    headers: {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "mca-spec-diff-comment",
      ...(pr.token ? { authorization: `Bearer ${pr.token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    let detail = text.slice(0, 200);
    try {
      detail = String((JSON.parse(text) as { message?: unknown }).message ?? detail);
    } catch {
      // not JSON: the start of the text says enough
    }
    throw new GitHubApiError(call, response.status, detail);
  }
  return text ? JSON.parse(text) : undefined;
}

/** The id of the first comment whose body starts with `marker`, reading every page; undefined when none does. */
export async function findMarkedComment(pr: PullRequest, marker: string): Promise<number | undefined> {
  for (let page = 1; ; page += 1) {
    const comments = (await send(pr, listCall(pr, page))) as Array<{ id: number; body?: string }>;
    const marked = comments.find((comment) => comment.body?.startsWith(marker));
    if (marked) return marked.id;
    if (comments.length < PAGE_SIZE) return undefined;
  }
}

/** Edits the marked comment, or creates it; says which call it made. */
export async function upsertComment(pr: PullRequest, marker: string, body: string): Promise<ApiCall> {
  const existing = await findMarkedComment(pr, marker);
  const call = existing === undefined ? createCall(pr) : updateCall(pr, existing);
  await send(pr, call, { body });
  return call;
}
