// The local runner of composite actions: GITHUB_OUTPUT as the runner reads it, and a refusal, never a different
// run, for what it does not reproduce.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGithubOutput, runCompositeAction } from "../src/run-composite-action.js";

describe("parseGithubOutput", () => {
  it.each([
    { text: "", outputs: {} },
    { text: "junit=/tmp/a.xml\nexit-code=0\n", outputs: { junit: "/tmp/a.xml", "exit-code": "0" } },
    { text: "equation=a=b\n", outputs: { equation: "a=b" } },
    { text: "body<<EOF\nline 1\nline=2\nEOF\nnext=1\n", outputs: { body: "line 1\nline=2", next: "1" } },
    { text: "first=1\nfirst=2\n", outputs: { first: "2" } },
  ])("reads $text", ({ text, outputs }) => {
    expect(parseGithubOutput(text)).toEqual(outputs);
  });
});

describe("runCompositeAction", () => {
  const workspace = () => mkdtempSync(join(tmpdir(), "mca-composite-test-"));
  it.each([
    {
      fixture: "unsupported-expression",
      error: `unsupported expression ${"$"}{{ github.event.pull_request.number }}`,
    },
    { fixture: "unsupported-step", error: '"step 1" is not a plain shell: bash step (working-directory)' },
  ])("refuses $fixture", async ({ fixture, error }) => {
    const folder = workspace();
    try {
      await expect(
        runCompositeAction(join(import.meta.dirname, "fixtures", fixture), {}, { GITHUB_WORKSPACE: folder }),
      ).rejects.toThrow(error);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("refuses an input the action does not declare, and a missing required one", async () => {
    const action = join(import.meta.dirname, "../../../.github/actions/contract-tests");
    await expect(runCompositeAction(action, { bogus: "1" }, { GITHUB_WORKSPACE: "/" })).rejects.toThrow(
      'no input "bogus"',
    );
    await expect(runCompositeAction(action, {}, { GITHUB_WORKSPACE: "/" })).rejects.toThrow(
      'input "base-url" required',
    );
  });
});
