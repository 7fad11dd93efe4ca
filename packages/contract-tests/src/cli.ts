#!/usr/bin/env node
import { ConfigError, parseConfig, USAGE } from "./config.js";
import { runContract } from "./run-contract.js";

try {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (config === "help") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const run = await runContract(config, (line) => process.stderr.write(`mca-contract: ${line}\n`));
  process.stdout.write(`${run.report}\nseed ${run.seed} (re-run this exact suite with --seed ${run.seed})\n`);
  process.exit(run.result.outcomes.some((outcome) => outcome.failure) ? 1 : 0);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`mca-contract: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`mca-contract: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
