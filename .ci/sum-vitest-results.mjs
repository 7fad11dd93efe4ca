// Sums every package's vitest JSON report into the one closing line CI reads.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function findReports(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === "test-results") {
      const report = join(path, "vitest.json");
      try {
        statSync(report);
        found.push(report);
      } catch {}
    } else {
      findReports(path, found);
    }
  }
  return found;
}

let passed = 0;
let failed = 0;
const reports = findReports(".");
for (const report of reports) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.numRuntimeErrors ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || reports.length === 0 || passed === 0 ? 1 : 0);
