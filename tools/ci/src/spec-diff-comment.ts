/** The hidden first line that finds the comment again on the next push. */
export const SPEC_DIFF_MARKER = "<!-- mca-spec-diff -->";

export interface SpecDiffRun {
  /** What `spec:diff --format markdown` printed. */
  markdown: string;
  /** Its exit status: 0 nothing unacknowledged, 1 an unacknowledged breaking change, 2 it could not judge. */
  exitCode: number | null;
  /** Its stderr: the one line that says why, when it could not judge. */
  stderr: string;
  /** The pull request's head commit, when known. */
  headSha?: string | undefined;
}

/** The verdict under the report, from spec:diff's exit status (the report's tables do not say it). */
function verdict({ exitCode, stderr }: SpecDiffRun): string {
  if (exitCode === 0) return "✅ **spec:diff passed**: no unacknowledged breaking change.";
  if (exitCode === 1)
    return (
      "❌ **spec:diff failed**: a breaking change is not acknowledged. Bump the major of `info.version` in " +
      "`openapi/openapi.yaml`, or add a major changeset for `@mca/types` (`pnpm spec:changeset` writes one)."
    );
  const why = stderr.trim().split("\n").at(-1)?.trim();
  return `⚠️ **spec:diff could not judge** (exit ${exitCode ?? "by a signal"})${why ? `: \`${why.replaceAll("`", "'")}\`` : ""}`;
}

/** The comment: the marker, spec:diff's report as it printed it, the verdict and the commit it is about. */
export function specDiffCommentBody(run: SpecDiffRun): string {
  const parts = [SPEC_DIFF_MARKER];
  if (run.markdown.trim()) parts.push(run.markdown.trim(), "");
  parts.push(verdict(run));
  if (run.headSha) parts.push("", `<sub>For ${run.headSha.slice(0, 12)}; updated on every push.</sub>`);
  return `${parts.join("\n")}\n`;
}
