// A spec change shipped the way a release ships it, on a scratch copy of this repository: a required response
// field added in openapi/, `spec:changeset`, `changeset version`, one build, every published package packed with
// pnpm (workspace versions resolved) and installed with npm in an empty folder. Then what a consumer gets: the
// bundle, the versions the packages resolve each other at, the client's types, and mca-contract judging a
// server (the sandbox of the spec before the change) by the new spec.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@mca/sandbox";
import { type PublishedPackage, publishedPackages, workspaceRoot } from "@mca/spec-diff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const REPO_ROOT = workspaceRoot(fileURLToPath(new URL(".", import.meta.url)));
const FIELD = "release_test_field";
/** The spec change: a field every `POST /guest-invitations` answer must now carry (and its example with it). */
const SCHEMA_FILE = "openapi/components/schemas/GuestInvitation.yaml";
const EXAMPLE_FILE = "openapi/components/examples/GuestInvitation.yaml";
const STEP_TIMEOUT_MS = 300_000;

/** This process's environment without what the test runner and pnpm set for themselves, nor a CI target branch. */
function childEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) =>
      !/^(npm_|pnpm_|VITEST|TURBO_)/i.test(key) &&
      !["NODE_ENV", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "INIT_CWD"].includes(key),
  );
  return {
    ...Object.fromEntries(inherited),
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    REDOCLY_TELEMETRY: "off",
    NO_UPDATE_NOTIFIER: "1",
    npm_config_fund: "false",
    npm_config_audit: "false",
    npm_config_update_notifier: "false",
  };
}

/** How long each step of the scratch release took, printed at the end (CI's budget is 15 minutes). */
const timings: string[] = [];

/** Runs one step to the end; its output, or an error with the command and the tail of what it printed. */
function run(step: string, command: string, args: string[], cwd: string): { stdout: string; stderr: string } {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    env: childEnvironment(),
    encoding: "utf8",
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `\`${command} ${args.join(" ")}\` in ${cwd} exited ${result.status ?? result.signal}:\n${`${result.stdout}${result.stderr}`.slice(-4000)}`,
    );
  timings.push(`${step} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** The repository as it is in the working tree (tracked and new files, nothing ignored), as a git repository. */
function scratchCopy(target: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((file) => file && existsSync(join(REPO_ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(target, file));
  }
  run("git init", "git", ["init", "-q", "-b", "main"], target);
  run("git add", "git", ["add", "-A"], target);
  run(
    "git commit",
    "git",
    ["-c", "user.name=release", "-c", "user.email=release@example.com", "commit", "-q", "-m", "before"],
    target,
  );
}

/** Edits a YAML file of the spec in place, keeping its layout. */
function editYaml(path: string, edit: (document: ReturnType<typeof parseDocument>) => void): void {
  const document = parseDocument(readFileSync(path, "utf8"));
  edit(document);
  writeFileSync(path, document.toString());
}

function addRequiredResponseField(root: string): void {
  editYaml(join(root, SCHEMA_FILE), (schema) => {
    schema.addIn(["required"], FIELD);
    schema.setIn(
      ["properties", FIELD],
      schema.createNode({ type: "string", description: "Added by the release test" }),
    );
  });
  editYaml(join(root, EXAMPLE_FILE), (example) => example.setIn(["value", FIELD], "release"));
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

let scratch: string;
let consumer: string;
let released: PublishedPackage[];
let changeset: string;
const versionsBefore = new Map(publishedPackages(REPO_ROOT).map(({ name, version }) => [name, version]));

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "mca-release-"));
  consumer = mkdtempSync(join(tmpdir(), "mca-release-consumer-"));
  scratchCopy(scratch);
  run("pnpm install", "pnpm", ["install", "--frozen-lockfile", "--offline", "--reporter=silent"], scratch);
  addRequiredResponseField(scratch);
  // lint and bundle (and @mca/spec's build, which the lint rules use), for spec:diff to compare
  run(
    "bundle",
    "pnpm",
    ["-s", "turbo", "run", "bundle", "--filter=@mca/openapi", "--output-logs=errors-only"],
    scratch,
  );
  // spec:changeset, with this workspace's build of spec-diff (the scratch copy's sources are the same)
  const written = run(
    "spec:changeset",
    process.execPath,
    [join(REPO_ROOT, "packages/spec-diff/dist/cli.js"), "--base", "HEAD", "--write-changeset"],
    scratch,
  );
  const changesetPath = /wrote (\S+)/.exec(written.stderr)?.[1] ?? "no changeset written";
  changeset = readFileSync(changesetPath, "utf8");
  // as a changeset written by hand would, it names only the API package: the fixed group must carry the rest
  writeFileSync(changesetPath, changeset.replace(/^---\n[\s\S]*?\n---\n/, '---\n"@mca/types": minor\n---\n'));
  run("changeset version", "pnpm", ["-s", "changeset", "version"], scratch);
  released = publishedPackages(scratch);
  run(
    "build",
    "pnpm",
    [
      "-s",
      "turbo",
      "run",
      "build",
      ...released.map(({ name }) => `--filter=${name}...`),
      "--output-logs=errors-only",
    ],
    scratch,
  );
  const tarballs = join(scratch, ".tarballs");
  for (const { folder } of released)
    run(`pack ${folder}`, "pnpm", ["-s", "pack", "--pack-destination", tarballs], join(scratch, folder));
  const typescript = readJson<{ devDependencies: Record<string, string> }>(join(REPO_ROOT, "package.json"))
    .devDependencies.typescript;
  run("npm init", "npm", ["init", "-y"], consumer);
  run(
    "npm install",
    "npm",
    [
      "install",
      "--loglevel=error",
      ...readdirSync(tarballs).map((file) => join(tarballs, file)),
      `typescript@${typescript}`,
    ],
    consumer,
  );
}, 900_000);

afterAll(() => {
  const started = performance.now();
  for (const folder of [scratch, consumer]) if (folder) rmSync(folder, { recursive: true, force: true });
  timings.push(`clean-up ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`release test, step by step: ${timings.join("; ")}`);
}, 180_000);

const installed = (name: string) => readJson<Manifest>(join(consumer, "node_modules", name, "package.json"));

describe("the release of a spec change", () => {
  it("spec:changeset wrote one minor changeset for every published package, naming the change", () => {
    const names = [...versionsBefore.keys()];
    expect(changeset).toMatch(
      new RegExp(`^---\\n${names.map((name) => `"${name}": minor\\n`).join("")}---\\n`),
    );
    expect(changeset).toContain(`\`${FIELD}\``);
  });

  it("changeset version moved every published package to one new version on the 1.0.0-beta line, with a changelog", () => {
    const versions = new Set(released.map(({ version }) => version));
    expect(versions.size).toBe(1);
    const [version] = versions;
    expect(version).toMatch(/^1\.0\.0-beta\.\d+$/);
    expect(released.map(({ name }) => name)).toEqual([...versionsBefore.keys()]);
    for (const { name, folder } of released) {
      expect(version, name).not.toBe(versionsBefore.get(name));
      expect(readFileSync(join(scratch, folder, "CHANGELOG.md"), "utf8"), name).toContain(`## ${version}\n`);
    }
    // the cut-down changeset (see beforeAll) is @mca/types' own entry
    const types = released.find(({ name }) => name === "@mca/types");
    expect(readFileSync(join(scratch, types?.folder ?? "", "CHANGELOG.md"), "utf8")).toContain(FIELD);
  });

  it("the installed @mca/spec ships the new bundle", () => {
    const bundle = readJson<{ components: { schemas: Record<string, { required: string[] }> } }>(
      join(consumer, "node_modules/@mca/spec/bundle/openapi.json"),
    );
    expect(bundle.components.schemas.GuestInvitation?.required).toContain(FIELD);
  });

  it("each installed package depends on, and resolves, the others at the released version", () => {
    const [version] = released.map((entry) => entry.version);
    const names = new Set(released.map(({ name }) => name));
    const contractTests = installed("@mca/contract-tests");
    expect(contractTests.dependencies?.["@mca/spec"]).toBe(version);
    for (const { name } of released) {
      const manifest = installed(name);
      expect(manifest.version).toBe(version);
      const resolveFrom = createRequire(join(consumer, "node_modules", name, "package.json"));
      for (const [dependency, range] of Object.entries({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
      })) {
        if (!names.has(dependency)) continue;
        expect(range, `${name} → ${dependency}`).toBe(version);
        expect(readJson<Manifest>(resolveFrom.resolve(`${dependency}/package.json`)).version).toBe(version);
      }
    }
  });

  it("the installed client's types have the new field, required", () => {
    writeFileSync(
      join(consumer, "check.mts"),
      `import type { McaClient } from "@mca/client";
declare const client: McaClient;
declare const body: Parameters<McaClient["guestInvitations"]["create"]>[0];
type Invitation = Awaited<ReturnType<McaClient["guestInvitations"]["create"]>>;
export async function invite(): Promise<string> {
  const invitation = await client.guestInvitations.create(body);
  const { ${FIELD}: marker, ...withoutIt } = invitation;
  // @ts-expect-error an invitation without the new field is no longer an invitation
  const old: Invitation = withoutIt;
  return \`\${marker} \${old.id}\`;
}
`,
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          module: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
          noEmit: true,
          skipLibCheck: true,
        },
        files: ["check.mts"],
      }),
    );
    run(
      "tsc",
      process.execPath,
      [join(consumer, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
      consumer,
    );
  });
});

/** A command run without blocking this process (the sandbox it calls answers from here): exit code and output. */
function runAlongside(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: childEnvironment(), encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe("mca-contract from the tarballs judges a server by the new spec", () => {
  let sandbox: Sandbox;
  const args = [
    "--seed",
    "1",
    "--runs",
    "5",
    "--only",
    "response_schema_conformance",
    "--identities",
    "ids.json",
  ];
  beforeAll(async () => {
    // this workspace's sandbox implements the spec as it was: its invitations lack the new field
    sandbox = await startSandbox({ port: 0 });
    const identities = (list: Sandbox["hosts"]) =>
      list.map(({ organizationId, clientId, clientSecret }) => ({ organizationId, clientId, clientSecret }));
    writeFileSync(
      join(consumer, "ids.json"),
      JSON.stringify({ hosts: identities(sandbox.hosts), guests: identities(sandbox.guests) }),
    );
  }, 120_000);
  afterAll(() => sandbox?.stop());

  it("passes it by the spec it implements (this workspace's mca-contract)", async () => {
    const cli = join(REPO_ROOT, "packages/contract-tests/dist/cli.js");
    const { code, output } = await runAlongside(
      process.execPath,
      [cli, "--base-url", sandbox.url, ...args],
      consumer,
    );
    expect(code, output).toBe(0);
  });

  it("rejects its invitations for lacking the field only the new spec requires", async () => {
    const { code, output } = await runAlongside(
      "npx",
      ["--no-install", "mca-contract", "--base-url", sandbox.url, ...args],
      consumer,
    );
    expect(code, output).toBe(1);
    expect(output).toMatch(/✗ response_schema_conformance/);
    expect(output).toContain(FIELD);
  });
});
