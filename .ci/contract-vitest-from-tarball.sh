#!/usr/bin/env bash
# The Vitest front end as an outside project gets it: packs @mca/spec, @mca/types, @mca/pipeline and
# @mca/contract-tests, installs the tarballs and vitest with npm in an empty folder outside the workspace, writes
# the three-line test file of packages/contract-tests/README.md (between the vitest-test-file markers) and runs
# it against the sandbox on a port, then the same suite against a fetch target (a fetch function, no base URL).
# Each run must give one named test per operation × check and per stateful rule, all passed (every rule judged).
# Stops only what it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ci_name=contract-vitest-from-tarball
source .ci/lib.sh

pnpm -s turbo run build bundle --filter=@mca/contract-tests... --filter=@mca/sandbox... --output-logs=errors-only >/dev/null ||
  fail "build failed"
pack_into "$work/tarballs" packages/spec packages/types packages/pipeline packages/contract-tests
vitest=$(node -p 'require("./packages/contract-tests/package.json").devDependencies.vitest')
mkdir -p "$work/consumer"
(cd "$work/consumer" && npm init -y >/dev/null && npm pkg set type=module >/dev/null &&
  npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz "vitest@$vitest") ||
  fail "npm install of the tarballs and vitest@$vitest failed"

block=$(sed -n '/<!-- vitest-test-file -->/,/<!-- \/vitest-test-file -->/p' packages/contract-tests/README.md | sed '1,2d;$d' | sed '$d')
[ "$(printf '%s\n' "$block" | grep -c .)" = 3 ] ||
  fail "no three-line test file between the vitest-test-file markers of packages/contract-tests/README.md"
printf '%s\n' "$block" >"$work/consumer/contract.test.ts"
cat >"$work/consumer/fetch-target.test.ts" <<'TS'
import { readFileSync } from "node:fs";
import { describeContract } from "@mca/contract-tests/vitest";

// a fetch target: requests reach the server through this function, never through a base URL of the suite's own
const upstream = process.env.MCA_UPSTREAM as string;
describeContract({
  fetch: (request) => {
    const url = new URL(request.url);
    return fetch(new Request(`${upstream}${url.pathname}${url.search}`, request));
  },
  identities: JSON.parse(readFileSync("identities.json", "utf8")),
  stateful: true,
  requireCoverage: true,
});
TS
cat >"$work/consumer/vitest.config.ts" <<'TS'
import { defineConfig } from "vitest/config";
export default defineConfig({ test: { hookTimeout: 600_000 } });
TS

start_sandbox "$work/consumer/identities.json"

# the names the spec gives the suite, from the installed package: what each run must report, one testcase each
(cd "$work/consumer" && node -e '
  import("@mca/contract-tests").then(({ planContract, fullName }) => {
    const { tests } = planContract({ stateful: true, only: [], exclude: [], acceptNotJudged: [] });
    process.stdout.write(tests.map(fullName).join("\n") + "\n");
  });' >"$work/expected.txt") || fail "planContract from the tarball failed"

status=0
for target in contract fetch-target; do
  started=$(date +%s%N)
  (cd "$work/consumer" && MCA_BASE_URL="$sandbox_url" MCA_UPSTREAM="$sandbox_url" npx vitest run "$target.test.ts" \
    --reporter=junit --outputFile="$work/$target.xml" >"$work/$target.log" 2>&1) || {
    cat "$work/$target.log" >&2
    echo "ci: ${ci_name}: vitest run $target.test.ts failed" >&2
    status=1
    continue
  }
  (cd "$work/consumer" && node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { junitCases } from "@mca/contract-tests/testing/vitest";
    const [xml, expected, target] = [readFileSync(process.argv[1], "utf8"), readFileSync(process.argv[2], "utf8").trim().split("\n"), process.argv[3]];
    const cases = junitCases(xml);
    const names = cases.map((testcase) => testcase.name);
    const notPassed = cases.filter((testcase) => testcase.state !== "passed").map((testcase) => testcase.name);
    if (JSON.stringify(names) !== JSON.stringify(expected)) {
      console.error(`ci: ${target}: the testcases are not the planned tests:\n${names.join("\n")}`);
      process.exit(1);
    }
    if (notPassed.length > 0) {
      console.error(`ci: ${target}: not passed: ${notPassed.join(", ")}`);
      process.exit(1);
    }
    const rules = names.filter((name) => /^(invitation_flow|archive_roundtrip|list_semantics|tenant_isolation|write_effects) > /.test(name)).length;
    console.log(`ci: vitest ${target}.test.ts from the tarballs: ${names.length} named tests (${names.length - rules} operation × check, ${rules} stateful rules), all passed`);
  ' "$work/$target.xml" "$work/expected.txt" "$target") || status=1
  echo "ci: ${ci_name}: $target: $(( ($(date +%s%N) - started) / 1000000 )) ms"
done
exit $status
