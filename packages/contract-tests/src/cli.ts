#!/usr/bin/env node
import { ConfigError, parseConfig, USAGE } from "./config.js";
import { runContract } from "./run-contract.js";

// a crash is exit 2, never 1 (1 means a check failed), wherever it happens
process.on("unhandledRejection", (error) => {
  process.stderr.write(`mca-contract: crashed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

try {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (config === "help") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const run = await runContract(config, { log: (line) => process.stderr.write(`mca-contract: ${line}\n`) });
  process.stdout.write(`${run.report}\nseed ${run.seed} (re-run this exact suite with --seed ${run.seed})\n`);
  const failed = run.result.outcomes.some((outcome) => outcome.failure);
  if (config.requireCoverage && run.notJudged > 0)
    process.stderr.write(
      `mca-contract: --require-coverage: ${run.notJudged} rule(s) not judged (listed above)\n`,
    );
  process.exit(failed || (config.requireCoverage && run.notJudged > 0) ? 1 : 0);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`mca-contract: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`mca-contract: crashed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
