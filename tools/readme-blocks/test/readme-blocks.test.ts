// Every code block of every README the repository tracks, run the way a reader would run it: shell commands in a
// scratch folder inside the workspace (servers started in their own process groups on free ports, stopped at the
// end of their block), TypeScript type-checked with strict + exactOptionalPropertyTypes and executed against a
// fresh sandbox, workflows linted as `pnpm lint` lints .github/, the layout figure checked against the workspace.
// A block no rule claims fails the test.
// turbo.json runs it after every other package's tests: the READMEs' `pnpm generate`, `pnpm mock` … are cache hits
// that restore build outputs, and a test reading `dist/` meanwhile once saw a half-written file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "@mca/pipeline/node";
import { type Sandbox, startSandbox } from "@mca/sandbox";
import { startPostgres } from "@mca/sandbox/testing/postgres-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillIn, planCommand, README_PORTS, type ServerRole } from "../src/command-plan.js";
import { type CodeBlock, extractBlocks, splitAnd, splitCommands } from "../src/extract-blocks.js";
import { runToEnd, type Server, startServer, waitForServerPort } from "../src/processes.js";
import { REPO_ROOT, readmeFiles } from "../src/readme-files.js";

const PACKAGE_DIR = join(REPO_ROOT, "tools/readme-blocks");
// under the root, so that `pnpm <script>` finds the root package's scripts as it does for a reader at the root
const SCRATCH_ROOT = join(REPO_ROOT, ".scratch");
const COMMAND_TIMEOUT_MS = 240_000;
const SERVER_START_MS = 180_000;

let scratch: string;
let fixture: Sandbox;
let postgres: { url: string; stop(): void } | undefined;
let env: NodeJS.ProcessEnv;
let placeholders: Record<string, string>;
const notRun: string[] = [];

const identitiesOf = (sandbox: Sandbox) =>
  `${JSON.stringify({
    hosts: sandbox.hosts.map(({ organizationId, clientId, clientSecret }) => ({
      organizationId,
      clientId,
      clientSecret,
    })),
    guests: sandbox.guests.map(({ organizationId, clientId, clientSecret }) => ({
      organizationId,
      clientId,
      clientSecret,
    })),
  })}\n`;

async function tokenOf(sandbox: Sandbox, who: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await fetch(`${sandbox.url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: who.clientId, client_secret: who.clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** What a reader's environment would hold: their token and organization, here a host of a sandbox the test runs. */
function readerEnvironment(sandbox: Sandbox, token: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TOKEN: token,
    ORG: sandbox.host.organizationId,
    ORG_ID: sandbox.host.organizationId,
    MCA_BASE_URL: sandbox.url,
    MCA_HOST_ORG_ID: sandbox.host.organizationId,
    MCA_HOST_CLIENT_ID: sandbox.host.clientId,
    MCA_HOST_CLIENT_SECRET: sandbox.host.clientSecret,
    MCA_GUEST_ORG_ID: sandbox.guest.organizationId,
    MCA_GUEST_CLIENT_ID: sandbox.guest.clientId,
    MCA_GUEST_CLIENT_SECRET: sandbox.guest.clientSecret,
    TURBO_TELEMETRY_DISABLED: "1",
    REDOCLY_TELEMETRY: "off",
  };
}

beforeAll(async () => {
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  scratch = mkdtempSync(join(SCRATCH_ROOT, "run-"));
  fixture = await startSandbox({ port: 0 });
  postgres = startPostgres(await findFreePort());
  env = readerEnvironment(fixture, await tokenOf(fixture, fixture.host));
  placeholders = {
    "https://your-server/v1-beta": fixture.url,
    "https://staging.example.com/v1-beta": fixture.url,
    "postgres://…": postgres.url,
  };
}, 120_000);

afterAll(async () => {
  await fixture?.stop();
  postgres?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (notRun.length > 0) console.log(`README commands checked, not run:\n  ${notRun.join("\n  ")}`);
});

/** What a README's commands have started: a reader keeps a server running from one block to the next. */
interface ReadmeSession {
  servers: Map<ServerRole, Server>;
  live: Partial<Record<ServerRole, number>>;
  /** The folder the README's commands run in, with the files a reader is told they have. */
  cwd: string;
}

function newSession(): ReadmeSession {
  const cwd = mkdtempSync(join(scratch, "readme-"));
  writeFileSync(join(cwd, "identities.json"), identitiesOf(fixture));
  writeFileSync(join(cwd, "ids.json"), identitiesOf(fixture));
  // until the README starts its own, "the sandbox on 4020" is the fixture the identities files describe
  return { servers: new Map(), live: { sandbox: Number(new URL(fixture.url).port) }, cwd };
}

async function endSession(session: ReadmeSession): Promise<void> {
  for (const server of new Set(session.servers.values())) await server.stop();
  session.servers.clear();
}

async function runShellBlock(block: CodeBlock, session: ReadmeSession): Promise<void> {
  const { servers, live, cwd } = session;
  for (const command of splitCommands(block).flatMap(splitAnd)) {
    const where = `${block.file}:${command.line} \`${command.text}\``;
    const plan = planCommand(command.text);
    if (plan.kind === "checked") {
      plan.check();
      notRun.push(`${where}: ${plan.reason}`);
      continue;
    }
    if (plan.kind === "serve") {
      const serverEnv: NodeJS.ProcessEnv = { ...env };
      for (const role of plan.roles) {
        await servers.get(role)?.stop();
        live[role] = await findFreePort();
        serverEnv[README_PORTS[role].env] = String(live[role]);
      }
      const server = startServer(fillIn(command.text, live, placeholders), { cwd, env: serverEnv });
      for (const role of plan.roles) servers.set(role, server);
      for (const role of plan.roles)
        await waitForServerPort(live[role] as number, server, SERVER_START_MS).catch((error: unknown) => {
          throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
        });
      continue;
    }
    const filled = fillIn(command.text, live, placeholders);
    const result = await runToEnd(filled, { cwd, env, timeoutMs: COMMAND_TIMEOUT_MS });
    expect(result.code, `${where} (ran \`${filled}\`):\n${result.stdout}\n${result.stderr}`).toBe(0);
    if (command.text.startsWith("curl ")) expect(() => JSON.parse(result.stdout), where).not.toThrow();
  }
}

const TSC = join(PACKAGE_DIR, "node_modules/typescript/bin/tsc");

async function runTypeScriptBlock(block: CodeBlock): Promise<void> {
  // in this package, whose node_modules hold what a consumer installs: @mca/client, @types/node, tsx
  const folder = join(PACKAGE_DIR, ".scratch");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `block-${block.file.replaceAll("/", "-")}-${block.line}.mts`);
  writeFileSync(file, block.text);
  const strict = [
    "--noEmit",
    "--strict",
    "--exactOptionalPropertyTypes",
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--target",
    "es2022",
    "--types",
    "node",
    "--skipLibCheck",
  ];
  const checked = await runToEnd(`node ${TSC} ${strict.join(" ")} ${file}`, {
    cwd: folder,
    env,
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  expect(
    checked.code,
    `${block.file}:${block.line} does not type-check:\n${checked.stdout}${checked.stderr}`,
  ).toBe(0);
  // a sandbox of its own: the block's invitations and connections start from the seeded organizations only
  const sandbox = await startSandbox({ port: 0 });
  try {
    const blockEnv = readerEnvironment(sandbox, await tokenOf(sandbox, sandbox.host));
    const ran = await runToEnd(`node --import tsx ${file}`, {
      cwd: folder,
      env: blockEnv,
      timeoutMs: 60_000,
    });
    expect(ran.code, `${block.file}:${block.line} failed:\n${ran.stdout}${ran.stderr}`).toBe(0);
  } finally {
    await sandbox.stop();
    rmSync(file, { force: true });
  }
}

/**
 * README blocks that are Vitest test files, each by the marker on the line before it: they run where a consumer
 * runs them, from the packed tarballs in an empty npm project, in the CI script that extracts the marked block.
 */
const VITEST_FILES: Array<{ marker: RegExp; script: string }> = [
  { marker: /^<!-- vitest-test-file -->$/, script: ".ci/contract-vitest-from-tarball.sh" },
  { marker: /^<!-- in-process-example: \S+ -->$/, script: ".ci/in-process-from-tarball.sh" },
];

/** Checked here: the script extracts this marker's block and .ci/run runs the script. */
function checkVitestFile(block: CodeBlock, marker: string, script: string): void {
  const where = `${block.file}:${block.line}`;
  const text = readFileSync(join(REPO_ROOT, script), "utf8");
  expect(text, `${where}: ${script} no longer extracts the block after ${marker}`).toContain(marker);
  expect(readFileSync(join(REPO_ROOT, ".ci/run"), "utf8"), `.ci/run does not run ${script}`).toContain(
    `bash ${script}`,
  );
  notRun.push(`${where}: a Vitest test file, run from the packed tarballs by ${script}`);
}

async function runTsBlock(block: CodeBlock): Promise<void> {
  const marker = (readFileSync(join(REPO_ROOT, block.file), "utf8").split("\n")[block.line - 2] ?? "").trim();
  const vitestFile = VITEST_FILES.find((entry) => entry.marker.test(marker));
  if (vitestFile) return checkVitestFile(block, marker, vitestFile.script);
  // a test file for the reader's own Vitest run cannot run as a script
  expect(
    block.text.includes('"@mca/contract-tests/vitest"'),
    `${block.file}:${block.line}: a Vitest test file without a marker its CI script extracts`,
  ).toBe(false);
  await runTypeScriptBlock(block);
}

async function runFigureBlock(block: CodeBlock): Promise<void> {
  const markdown = readFileSync(join(REPO_ROOT, block.file), "utf8");
  const opening = markdown.split("\n")[block.line - 2] ?? "";
  expect(
    opening,
    `${block.file}:${block.line}: a text block that is not the generated layout figure`,
  ).toMatch(/^<!-- workspace-graph:start/);
  const result = await runToEnd("pnpm -s readme:graph --check", {
    cwd: REPO_ROOT,
    env,
    timeoutMs: 60_000,
  });
  expect(result.code, `${block.file}:${block.line}: the figure is stale:\n${result.stderr}`).toBe(0);
}

/** A workflow a reader copies: linted as `pnpm lint` lints ours (actionlint, and the inputs of our action). */
async function runWorkflowBlock(block: CodeBlock, session: ReadmeSession): Promise<void> {
  const file = join(session.cwd, `workflow-${block.file.replaceAll("/", "-")}-${block.line}.yml`);
  writeFileSync(file, `${block.text}\n`);
  const result = await runToEnd(`pnpm -s --filter @mca/ci lint:workflows ${file}`, {
    cwd: REPO_ROOT,
    env,
    timeoutMs: 60_000,
  });
  expect(result.code, `${block.file}:${block.line} does not lint:\n${result.stdout}${result.stderr}`).toBe(0);
}

const RUNNERS: Record<string, (block: CodeBlock, session: ReadmeSession) => Promise<void>> = {
  sh: runShellBlock,
  bash: runShellBlock,
  ts: runTsBlock,
  yaml: runWorkflowBlock,
  "": runFigureBlock,
};

const files = readmeFiles();
const blocks = files.flatMap((file) => extractBlocks(readFileSync(join(REPO_ROOT, file), "utf8"), file));

describe("every README code block runs", () => {
  it("has blocks to run, and a runner for each", () => {
    expect(blocks.length).toBeGreaterThan(10);
    const unclaimed = blocks.filter((block) => !(block.lang in RUNNERS));
    expect(unclaimed.map((block) => `${block.file}:${block.line} (${block.lang})`)).toEqual([]);
  });

  for (const file of files) {
    const ofFile = blocks.filter((block) => block.file === file);
    if (ofFile.length === 0) continue;
    describe(file, () => {
      const session: ReadmeSession = { servers: new Map(), live: {}, cwd: "" };
      beforeAll(() => Object.assign(session, newSession()));
      afterAll(() => endSession(session));
      it.each(ofFile.map((block) => [`line ${block.line} (${block.lang || "figure"})`, block] as const))(
        "%s",
        async (_name, block) => {
          const run = RUNNERS[block.lang];
          if (!run) throw new Error(`no runner for ${block.lang}`);
          await run(block, session);
        },
      );
    });
  }
});
