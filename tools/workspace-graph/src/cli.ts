#!/usr/bin/env node
// Rewrites the README's layout figure from the workspace (`--check`: exit 1 when the README's figure is stale).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { drawFigure, withFigure } from "./figure.js";
import { readWorkspace } from "./workspace.js";

const root = join(import.meta.dirname, "..", "..", "..");
const readmePath = join(root, "README.md");
try {
  const readme = readFileSync(readmePath, "utf8");
  const updated = withFigure(readme, drawFigure(readWorkspace(root)));
  if (process.argv.includes("--check")) {
    if (updated !== readme) {
      process.stderr.write("readme:graph: README.md's layout figure is stale; run pnpm readme:graph\n");
      process.exit(1);
    }
  } else if (updated !== readme) {
    writeFileSync(readmePath, updated);
    process.stderr.write("readme:graph: README.md's layout figure rewritten\n");
  }
} catch (error) {
  process.stderr.write(`readme:graph: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
