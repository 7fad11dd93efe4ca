import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonObject } from "@mca/spec";
import { DiffConfigError } from "./diff-config-error.js";
import { oasdiffBinary } from "./oasdiff-binary.js";

/** One entry of `oasdiff changelog --format json`. */
export interface OasdiffChange {
  id: string;
  text: string;
  /** 3 ERR, 2 WARN, 1 INFO. */
  level: number;
  operation?: string;
  path?: string;
  section?: string;
}

/** Every change oasdiff finds from `base` to `head`, path-level parameters merged into operations. */
export function oasdiffChangelog(
  base: JsonObject,
  head: JsonObject,
  binary = oasdiffBinary(),
): OasdiffChange[] {
  const dir = mkdtempSync(join(tmpdir(), "mca-spec-diff-"));
  try {
    writeFileSync(join(dir, "base.json"), JSON.stringify(base));
    writeFileSync(join(dir, "head.json"), JSON.stringify(head));
    const output = execFileSync(
      binary,
      ["changelog", join(dir, "base.json"), join(dir, "head.json"), "--format", "json", "--flatten-params"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
    );
    return output.trim() === "" ? [] : (JSON.parse(output) as OasdiffChange[]);
  } catch (error) {
    if (error instanceof SyntaxError) throw new DiffConfigError(`oasdiff printed no JSON: ${error.message}`);
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new DiffConfigError(
      `oasdiff failed: ${stderr || (error instanceof Error ? error.message : String(error))}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
