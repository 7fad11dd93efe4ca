import { describe, expect, it } from "vitest";
import { fillIn, planCommand } from "../src/command-plan.js";
import { extractBlocks, splitAnd, splitCommands } from "../src/extract-blocks.js";

describe("blocks and commands are read as a reader sees them", () => {
  const markdown = [
    "# Title",
    "```sh",
    "pnpm mock   # serves",
    "# a comment line",
    "curl -s 'http://127.0.0.1:4010/x' \\",
    "  -H 'A: b'",
    "```",
    "text",
    "```ts",
    'console.log("hi");',
    "```",
  ].join("\n");

  it("finds each fenced block with its language and line", () => {
    expect(extractBlocks(markdown, "R.md").map(({ line, lang }) => [line, lang])).toEqual([
      [2, "sh"],
      [9, "ts"],
    ]);
  });

  it("joins continuation lines and drops comment lines", () => {
    const [block] = extractBlocks(markdown, "R.md");
    expect(splitCommands(block as never)).toEqual([
      { line: 3, text: "pnpm mock   # serves" },
      { line: 5, text: "curl -s 'http://127.0.0.1:4010/x'  -H 'A: b'" },
    ]);
  });

  it("refuses a block that is never closed", () => {
    expect(() => extractBlocks("```sh\npnpm test\n", "R.md")).toThrow(/never closed/);
  });

  it("judges each part of a && chain on its own", () => {
    expect(splitAnd({ line: 1, text: "npm install -g pnpm@1.2.3 && pnpm start   # note" })).toEqual([
      { line: 1, text: "npm install -g pnpm@1.2.3" },
      { line: 1, text: "pnpm start" },
    ]);
  });
});

describe("what the harness does with each command", () => {
  it.each([
    ["pnpm mock --dynamic --seed 42", "serve"],
    ["MOCK_PORT=4011 MOCK_DYNAMIC=true pnpm mock", "serve"],
    ["pnpm sandbox --identities-out ids.json", "serve"],
    ["pnpm start", "serve"],
    ["pnpm --filter @mca/docs start", "serve"],
    ["pnpm contract --help", "run"],
    // a README that says `pnpm docs` is run, and fails: pnpm's own `docs` command shadows the script
    ["pnpm docs", "run"],
    ["pnpm install", "checked"],
    ["pnpm test", "checked"],
    ["npm install -g pnpm@10.34.9", "checked"],
  ])("%s → %s", (command, kind) => {
    expect(planCommand(command).kind).toBe(kind);
  });

  it("fails the check of a pnpm version that is not the pinned one", () => {
    const plan = planCommand("npm install -g pnpm@9.0.0");
    expect(plan.kind).toBe("checked");
    if (plan.kind === "checked") expect(plan.check).toThrow(/pins pnpm@/);
  });

  it("moves the READMEs' ports to the live servers and fills the placeholders", () => {
    expect(
      fillIn(
        "MOCK_PORT=4011 curl http://127.0.0.1:4010/a http://127.0.0.1:4020/b --base-url https://your-server/v1-beta",
        { mock: 5001, sandbox: 5002 },
        { "https://your-server/v1-beta": "http://127.0.0.1:5002" },
      ),
    ).toBe(
      "MOCK_PORT=5001 curl http://127.0.0.1:5001/a http://127.0.0.1:5002/b --base-url http://127.0.0.1:5002",
    );
  });
});
