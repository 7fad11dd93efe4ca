// Writes the spec's servers as a constant, so that clients default to the server the spec names first.
import { readFileSync, writeFileSync } from "node:fs";

const [, , bundlePath, outputPath] = process.argv;
if (!bundlePath || !outputPath) {
  console.error("usage: generate-servers.mjs <bundle.json> <output.ts>");
  process.exit(2);
}
const { servers = [] } = JSON.parse(readFileSync(bundlePath, "utf8"));
const entries = servers.map(({ url, description }) => ({ url, description: description ?? "" }));
writeFileSync(
  outputPath,
  `/**\n * This file was generated from the spec's \`servers\` by scripts/generate-servers.mjs.\n * Do not make direct changes to the file.\n */\n\nexport const servers = ${JSON.stringify(entries, null, 2)} as const;\n`,
);
