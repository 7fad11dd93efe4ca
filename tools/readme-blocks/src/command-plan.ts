import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./readme-files.js";

/** A server a README starts, by the port its command serves on. */
export type ServerRole = "mock" | "sandbox" | "docs";

/**
 * How the harness treats one README command: run it to the end (exit 0), start it as a server and wait for its
 * ports, or, for the few a test must not run, check what makes them right instead (and say why).
 */
export type CommandPlan =
  | { kind: "run" }
  | { kind: "serve"; roles: ServerRole[] }
  | { kind: "checked"; reason: string; check: () => void };

const rootPackage = () =>
  JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    packageManager: string;
    scripts: Record<string, string>;
  };

function expect(condition: boolean, failure: string): void {
  if (!condition) throw new Error(failure);
}

const CHECKED: Array<{ pattern: RegExp; reason: string; check: (match: RegExpExecArray) => void }> = [
  {
    pattern: /^npm install -g pnpm@(\S+)$/,
    reason: "installs globally; checked: the version is the one packageManager pins",
    check: (match) =>
      expect(
        rootPackage().packageManager === `pnpm@${match[1]}`,
        `README installs pnpm@${match[1]}, package.json pins ${rootPackage().packageManager}`,
      ),
  },
  {
    pattern: /^pnpm install$/,
    reason: "a test never installs; checked: .ci/run installs with the frozen lockfile",
    check: () =>
      expect(
        readFileSync(join(REPO_ROOT, ".ci/run"), "utf8").includes("pnpm install --frozen-lockfile"),
        ".ci/run does not run pnpm install --frozen-lockfile",
      ),
  },
  {
    pattern: /^pnpm test$/,
    reason: "this test runs inside it; checked: the root script runs every package's tests",
    check: () => expect(/turbo run test\b/.test(rootPackage().scripts.test ?? ""), "no root test script"),
  },
  {
    pattern: /^pnpm dev$/,
    reason:
      "watches openapi/ until stopped; checked: the root script runs mca-regenerate dev, whose test (tools/regenerate) edits a scratch copy under it",
    check: () => {
      expect(
        /mca-regenerate\.mjs dev$/.test(rootPackage().scripts.dev ?? ""),
        "the root dev script does not run mca-regenerate dev",
      );
      expect(
        existsSync(join(REPO_ROOT, "tools/regenerate/test/dev.test.ts")),
        "no test of pnpm dev in tools/regenerate",
      );
    },
  },
  {
    pattern: /^pnpm spec:changeset$/,
    reason:
      "writes into .changeset/; checked: the script passes --write-changeset to the spec-diff CLI it builds",
    check: () =>
      expect(
        /spec-diff\/dist\/cli\.js --write-changeset$/.test(rootPackage().scripts["spec:changeset"] ?? ""),
        "spec:changeset does not run mca-spec-diff --write-changeset",
      ),
  },
  {
    pattern: /^(npm install --save-dev @mca\/contract-tests|npx mca-contract .*)$/,
    reason: "a consumer's install; run from the packed tarballs by .ci/contract-from-tarball.sh",
    check: () => {
      const script = join(REPO_ROOT, ".ci/contract-from-tarball.sh");
      expect(existsSync(script), "no .ci/contract-from-tarball.sh");
      const text = readFileSync(script, "utf8");
      expect(
        text.includes("npm install") && text.includes("<!-- ci-line -->"),
        `${script} no longer runs the README's lines`,
      );
    },
  },
];

const SERVE: Array<{ pattern: RegExp; roles: ServerRole[] }> = [
  { pattern: /^pnpm start\b/, roles: ["mock", "docs"] },
  { pattern: /^(\w+=\S+\s+)*pnpm mock\b/, roles: ["mock"] },
  { pattern: /^(\w+=\S+\s+)*pnpm sandbox\b/, roles: ["sandbox"] },
  { pattern: /^pnpm --filter @mca\/docs start\b/, roles: ["docs"] },
];

export function planCommand(text: string): CommandPlan {
  for (const { pattern, reason, check } of CHECKED) {
    const match = pattern.exec(text);
    if (match) return { kind: "checked", reason, check: () => check(match) };
  }
  for (const { pattern, roles } of SERVE) if (pattern.test(text)) return { kind: "serve", roles };
  return { kind: "run" };
}

/** The ports the READMEs name for each server, and the environment variable each server takes its port from. */
export const README_PORTS: Record<ServerRole, { env: string; ports: number[] }> = {
  mock: { env: "MOCK_PORT", ports: [4010, 4011] },
  sandbox: { env: "SANDBOX_PORT", ports: [4020] },
  docs: { env: "DOCS_PORT", ports: [4000] },
};

/**
 * The command as the harness runs it: the READMEs' fixed ports become the free ports of the servers it started,
 * and the placeholders a reader replaces (their server, their database) become the harness's own.
 */
export function fillIn(
  text: string,
  live: Partial<Record<ServerRole, number>>,
  placeholders: Record<string, string>,
): string {
  let filled = text;
  for (const [placeholder, value] of Object.entries(placeholders))
    filled = filled.replaceAll(placeholder, value);
  for (const [role, { env, ports }] of Object.entries(README_PORTS) as Array<
    [ServerRole, (typeof README_PORTS)[ServerRole]]
  >) {
    const port = live[role];
    if (port === undefined) continue;
    for (const readmePort of ports) {
      filled = filled.replaceAll(`127.0.0.1:${readmePort}`, `127.0.0.1:${port}`);
      filled = filled.replaceAll(`${env}=${readmePort}`, `${env}=${port}`);
    }
  }
  return filled;
}
