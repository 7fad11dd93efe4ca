// The set-up step of the README's test command (`pnpm test`: root package.json's `test` script up to its first
// `&&`) on a machine where Chromium and PostgreSQL are missing: PATH holds only stand-ins for dpkg, apt-get, id
// and sudo (no chromium, no real package tool), so the step can be judged as root, with and without sudo, and
// on a system without apt-get, without installing anything.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/repo-root.js";

const rootPackage = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
const testScript = rootPackage.scripts.test ?? "";
const setUpStep = testScript.split(" && ")[0] ?? "";

// Each stand-in uses shell built-ins only: PATH has nothing else. Installed packages are files in $STATE.
const STAND_INS: Record<string, string> = {
  dpkg: `[ "$1" = -s ] || exit 2
if [ -e "$STATE/installed-$2" ]; then printf 'Package: %s\\nStatus: install ok installed\\n' "$2"; exit 0; fi
echo "dpkg-query: package '$2' is not installed" >&2; exit 1`,
  "apt-get": `echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "$STATE/apt-get.log"
[ "$1" = install ] && [ -e "$STATE/apt-get-fails" ] && { echo "E: Unable to locate package $4" >&2; exit 100; }
if [ "$1" = install ]; then for arg in "$@"; do case "$arg" in install|-*) ;; *) : > "$STATE/installed-$arg" ;; esac; done; fi
exit 0`,
  id: `[ "$1" = -u ] && { echo "$STAND_IN_UID"; exit 0; }; exit 2`,
  sudo: `echo "$*" >> "$STATE/sudo.log"
[ "$1" = -n ] && shift
[ "$STAND_IN_SUDO" = nopasswd ] || { echo "sudo: a password is required" >&2; exit 1; }
while case "$1" in *=*) true ;; *) false ;; esac; do export "$1"; shift; done
[ "$1" = true ] && exit 0
exec "$@"`,
};

interface Machine {
  uid: number;
  installed?: string[];
  /** "nopasswd": sudo without a password; "password": sudo asks for one; absent: no sudo at all. */
  sudo?: "nopasswd" | "password";
  aptFails?: boolean;
  /** Without dpkg and apt-get: a system that is not Debian. */
  notDebian?: boolean;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function runSetUp(machine: Machine) {
  const root = mkdtempSync(join(tmpdir(), "mca-setup-"));
  folders.push(root);
  const bin = join(root, "bin");
  const state = join(root, "state");
  mkdirSync(bin);
  mkdirSync(state);
  const tools = Object.keys(STAND_INS).filter(
    (name) =>
      !(name === "sudo" && !machine.sudo) && !(machine.notDebian && (name === "dpkg" || name === "apt-get")),
  );
  for (const name of tools) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${STAND_INS[name]}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  for (const name of machine.installed ?? []) writeFileSync(join(state, `installed-${name}`), "");
  if (machine.aptFails) writeFileSync(join(state, "apt-get-fails"), "");
  // the step as package.json spells it; its `bash` is the real one, everything it calls is a stand-in
  const [command, ...args] = setUpStep.split(" ");
  expect(command).toBe("bash");
  const started = Date.now();
  const result = spawnSync("/bin/bash", args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: {
      PATH: bin,
      STATE: state,
      STAND_IN_UID: String(machine.uid),
      STAND_IN_SUDO: machine.sudo ?? "",
    },
  });
  const read = (name: string) =>
    existsSync(join(state, name)) ? readFileSync(join(state, name), "utf8") : "";
  return {
    code: result.status,
    stderr: result.stderr,
    stdout: result.stdout,
    ms: Date.now() - started,
    aptGet: read("apt-get.log"),
    sudo: read("sudo.log"),
    installed: (name: string) => existsSync(join(state, `installed-${name}`)),
  };
}

describe("the README's test command", () => {
  it("is pnpm test, whose script runs the set-up step before the tests, the step .ci/run runs too", () => {
    expect(readFileSync(join(REPO_ROOT, "README.md"), "utf8")).toMatch(/^pnpm test\s+#/m);
    expect(testScript).toMatch(/^bash \.ci\/debian-packages\.sh ensure && turbo run test\b/);
    expect(readFileSync(join(REPO_ROOT, ".ci/run"), "utf8")).toContain(setUpStep);
  });
});

describe("its set-up step, with Chromium and PostgreSQL hidden behind stand-ins", () => {
  it("as root: installs what is missing with apt-get, saying so in one line", () => {
    const run = runSetUp({ uid: 0, installed: ["postgresql"] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("test set-up: installing chromium with apt-get (running as root)\n");
    expect(run.aptGet).toBe(
      "DEBIAN_FRONTEND=noninteractive update -qq\nDEBIAN_FRONTEND=noninteractive install -y -qq chromium\n",
    );
    expect(run.installed("chromium")).toBe(true);
  });

  it("as root with both missing: one apt-get install of both", () => {
    const run = runSetUp({ uid: 0 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.aptGet).toContain("DEBIAN_FRONTEND=noninteractive install -y -qq chromium postgresql\n");
    expect(run.installed("chromium") && run.installed("postgresql")).toBe(true);
  });

  it("not root, with sudo that needs no password: installs with sudo apt-get", () => {
    const run = runSetUp({ uid: 1000, sudo: "nopasswd" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      "test set-up: installing chromium postgresql with sudo apt-get (sudo without a password)\n",
    );
    expect(run.sudo).toBe(
      [
        "-n true",
        "-n DEBIAN_FRONTEND=noninteractive apt-get update -qq",
        "-n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql",
        "",
      ].join("\n"),
    );
    expect(run.installed("chromium") && run.installed("postgresql")).toBe(true);
  });

  it.each([
    { why: "sudo asks for a password", sudo: "password" as const },
    { why: "no sudo at all", sudo: undefined },
  ])("not root, $why: prints the command to run and exits non-zero at once", ({ sudo }) => {
    const run = runSetUp({ uid: 1000, installed: ["postgresql"], ...(sudo ? { sudo } : {}) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "test set-up: chromium missing, and this user cannot install them (not root, no sudo without a password);" +
        " run: sudo apt-get update && sudo apt-get install -y chromium\n",
    );
    expect(run.aptGet).toBe("");
    // "in its first seconds": a guard against a prompt or a hang, not a benchmark
    expect(run.ms).toBeLessThan(5_000);
  });

  it("with everything installed: says nothing and installs nothing", () => {
    const run = runSetUp({ uid: 1000, installed: ["chromium", "postgresql"] });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.aptGet).toBe("");
  });

  it("when apt-get fails: shows apt-get's output and fails", () => {
    const run = runSetUp({ uid: 0, installed: ["postgresql"], aptFails: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("E: Unable to locate package chromium");
    expect(run.stderr).toMatch(/test set-up: apt-get could not install chromium\n$/);
  });

  it("on a system without dpkg and apt-get: says where the tests run, and fails at once", () => {
    const run = runSetUp({ uid: 0, notDebian: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "test set-up: the tests need Debian's chromium postgresql, and this system has no dpkg/apt-get; run them" +
        ' in Debian: docker run --rm -v "$PWD":/repo -w /repo node:20-bookworm bash .ci/run\n',
    );
    expect(run.ms).toBeLessThan(5_000);
  });
});
