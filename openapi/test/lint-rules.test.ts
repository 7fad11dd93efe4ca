import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const specRoot = fileURLToPath(new URL("..", import.meta.url));
const redocly = join(specRoot, "node_modules", ".bin", "redocly");
const workDirs: string[] = [];

/** Lints a copy of the spec with one file edited; returns redocly's exit code and output. */
async function lintWith(file: string, edit: (text: string) => string) {
  // inside the package, so that the plugin resolves @mca/spec from openapi/node_modules
  mkdirSync(join(specRoot, "test-results"), { recursive: true });
  const copy = mkdtempSync(join(specRoot, "test-results", "lint-"));
  workDirs.push(copy);
  for (const entry of ["openapi.yaml", "paths", "components", "plugins", "redocly.yaml"]) {
    cpSync(join(specRoot, entry), join(copy, entry), { recursive: true });
  }
  const target = join(copy, file);
  const original = readFileSync(target, "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(target, edited);
  try {
    const { stdout, stderr } = await run(redocly, ["lint", "openapi.yaml", "--config", "redocly.yaml"], {
      cwd: copy,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

describe("each convention rule fails a spec that breaks it", () => {
  it.each([
    [
      "mca-conventions/examples-match-schemas",
      "components/examples/GuestConnection.yaml",
      (text: string) => text.replace("status: connected", "status: pending"),
    ],
    [
      "mca-conventions/org-headers-on-org-scoped-operations",
      "paths/host-connections.yaml",
      (text: string) => text.replace("  - $ref: ../components/parameters/TargetOrganizationId.yaml\n", ""),
    ],
    [
      "rule/operation-id-camel-case",
      "paths/host-connections.yaml",
      (text: string) =>
        text.replace("operationId: listHostConnections", "operationId: list_host_connections"),
    ],
    [
      "operation-4xx-response",
      "paths/oauth2_token.yaml",
      (text: string) => text.replace(/ {4}'401':[\s\S]*$/, ""),
    ],
    [
      "tag-description",
      "openapi.yaml",
      (text: string) => text.replace(/ {4}description: Exchange API.*\n/, ""),
    ],
    [
      "operation-summary",
      "paths/guest-invitations.yaml",
      (text: string) => text.replace(/ {2}summary: .*\n/, ""),
    ],
  ])("%s", async (rule, file, edit) => {
    const { code, output } = await lintWith(file, edit);
    expect(code).not.toBe(0);
    expect(output).toContain(rule);
  });

  it("accepts an offset-less timestamp, the API's convention", async () => {
    const { code, output } = await lintWith("components/examples/GuestConnection.yaml", (text) =>
      text.replace("created_at: '2023-11-07T05:31:56Z'", "created_at: '2023-11-07T05:31:56.654321'"),
    );
    expect(output).not.toContain("examples-match-schemas");
    expect(code).toBe(0);
  });
});
