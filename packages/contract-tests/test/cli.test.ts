import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

async function runCli(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
      env: { ...process.env, MCA_BASE_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A directory holding one file, for --replay. */
function savedDir(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "mca-replay-"));
  writeFileSync(join(dir, name), content);
  return dir;
}

describe("mca-contract", () => {
  it("documents every option in --help", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const option of [
      "--base-url",
      "--token",
      "--organization-id",
      "--host-token",
      "--host-org",
      "--guest-token",
      "--guest-org",
      "--identities",
      "--stateful",
      "--seed",
      "--runs",
      "--junit",
      "--only",
      "--save-failures",
      "--replay",
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it("exits 2 with one line on bad configuration", async () => {
    const { code, stderr } = await runCli(["--runs", "many"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      'mca-contract: --runs must be a positive integer, got "many"',
    ]);
  });

  it("exits 2 on an unknown check", async () => {
    const { code, stderr } = await runCli(["--only", "no_such_check", "--base-url", "http://127.0.0.1:9"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown check(s) no_such_check");
  });

  it.each([
    [["--replay", "/nonexistent-dir"], /^mca-contract: --replay \/nonexistent-dir: ENOENT/],
    [
      ["--replay", savedDir("not-a-case.json", "{}")],
      /--replay .*not-a-case\.json: not a saved case: "format" is not/,
    ],
    [["--replay", savedDir("broken.json", "{")], /--replay .*broken\.json: /],
  ])("exits 2 with one line on a replay directory it cannot read: %j", async (args, message) => {
    const { code, stderr } = await runCli([...args, "--base-url", "http://127.0.0.1:9", "--token", "t"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
  });

  it("passes against the mock it starts itself, and writes JUnit", async () => {
    const junit = join(mkdtempSync(join(tmpdir(), "mca-junit-")), "report.xml");
    const { code, stdout } = await runCli(["--runs", "5", "--seed", "11", "--junit", junit]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ passed, 0 failed/);
    expect(stdout).toMatch(/cases\/s/);
    expect(stdout).toMatch(/cases sent per phase: replay 0, coverage \d+, random \d+, stateful 0/);
    expect(stdout).toContain("--seed 11");
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuites name="mca-contract" tests="\d+" failures="0"/);
    expect(xml).toContain('name="GET /host-connections &gt; response_schema_conformance"');
  });

  it("exits 1 and prints the failing request as curl against a server that breaks the contract", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json" }).end('{"detail":"boom"}');
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { code, stdout } = await runCli([
        "--base-url",
        baseUrl,
        "--runs",
        "2",
        "--only",
        "not_a_server_error",
      ]);
      expect(code).toBe(1);
      expect(stdout).toContain("✗ not_a_server_error");
      expect(stdout).toContain(`curl -X GET '${baseUrl}/host-connections?`);
      expect(stdout).toContain('response: 500 application/json {"detail":"boom"}');

      // saved, then sent first by the next run (which runs no random case), where it fails again
      const dir = join(mkdtempSync(join(tmpdir(), "mca-saved-")), "failures");
      const failing = ["--base-url", baseUrl, "--only", "not_a_server_error", "--token", "secret-token-1234"];
      const saved = await runCli([...failing, "--runs", "2", "--save-failures", dir]);
      expect(saved.stderr).toMatch(/saved \d+ failing case\(s\) in .*--replay/);
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThan(0);
      const texts = files.map((file) => readFileSync(join(dir, file), "utf8")).join("\n");
      expect(texts).not.toContain("secret-token-1234");
      expect(texts).toContain('"Authorization": "Bearer $MCA_TOKEN"');
      const replayed = await runCli([...failing, "--runs", "1", "--replay", dir]);
      expect(replayed.code).toBe(1);
      expect(replayed.stdout).toMatch(/✗ not_a_server_error .*\(replay phase\)/);
      expect(replayed.stdout).toContain("case:     replayed");
      expect(replayed.stdout).toMatch(new RegExp(`cases sent per phase: replay ${files.length},`));
    } finally {
      server.close();
    }
  });
});
