import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../config.js";
import type { Secrets } from "../report/redact.js";
import type { RunResult } from "../run-checks.js";
import { type SavedCase, savedCaseProblem, toSavedCase } from "./saved-case.js";

/**
 * Writes each failing input case of the run to `dir`, one JSON file per check × operation, named after its
 * check, operation and content (the same case saved twice is one file). Returns the files written.
 */
export function saveFailures(dir: string, result: RunResult, seed: number, secrets: Secrets): string[] {
  const cases = result.outcomes.flatMap((outcome) => {
    const saved = outcome.failure && toSavedCase(outcome.failure, seed, secrets);
    return saved ? [saved] : [];
  });
  if (cases.length === 0) return [];
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `--save-failures ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return cases.map((saved) => {
    const digest = createHash("sha256")
      .update(JSON.stringify([saved.check, saved.operationId, saved.request]))
      .digest("hex")
      .slice(0, 12);
    const file = join(dir, `${saved.check}.${saved.operationId}.${digest}.json`);
    writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
    return file;
  });
}

/** Every saved case in `dir` (its `.json` files, in name order); a file that is not one is a configuration error. */
export function readSavedCases(dir: string): Array<{ source: string; saved: SavedCase }> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
  } catch (error) {
    throw new ConfigError(`--replay ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return names.map((name) => {
    const source = join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(source, "utf8"));
    } catch (error) {
      throw new ConfigError(`--replay ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const problem = savedCaseProblem(parsed);
    if (problem) throw new ConfigError(`--replay ${source}: not a saved case: ${problem}`);
    return { source, saved: parsed as SavedCase };
  });
}
