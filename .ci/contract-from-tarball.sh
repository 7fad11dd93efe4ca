#!/usr/bin/env bash
# The contract suite as an outside project gets it: packs @mca/spec, @mca/types, @mca/pipeline and @mca/contract-tests, installs
# the tarballs with npm in an empty folder outside the workspace, starts the sandbox, and runs the CI line of
# packages/contract-tests/README.md (the one between the ci-line markers) against it; then adds the optional peer
# @mca/mock from its tarball and runs without --base-url (the mock). Stops only what it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ci_name=contract-from-tarball
source .ci/lib.sh

pnpm -s turbo run build bundle --filter=@mca/contract-tests... --filter=@mca/sandbox... --output-logs=errors-only >/dev/null ||
  fail "build failed"
pack_into "$work/tarballs" packages/spec packages/types packages/pipeline packages/contract-tests
mkdir -p "$work/consumer"
(cd "$work/consumer" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz) ||
  fail "npm install of the tarballs failed"

# without --base-url and without the optional peer @mca/mock: one line, exit 2 (not a crash, not a pass)
missing=$(cd "$work/consumer" && npx mca-contract --seed 1 2>&1 >/dev/null)
code=$?
[ "$code" = 2 ] && [[ "$missing" == *"@mca/mock (the Prism mock) is not installed"* ]] ||
  fail "without --base-url and @mca/mock: exit $code, '$missing'"

start_sandbox "$work/consumer/identities.json"

line=$(sed -n '/<!-- ci-line -->/,/<!-- \/ci-line -->/p' packages/contract-tests/README.md | grep '^npx mca-contract')
[ -n "$line" ] || fail "no CI line between the ci-line markers of packages/contract-tests/README.md"
echo "ci: from the packed tarballs, in $work/consumer: $line"
started=$(date +%s%N)
(cd "$work/consumer" && MCA_BASE_URL="$sandbox_url" bash -c "$line")
status=$?
echo "ci: stateful contract run against the sandbox from the tarballs: $(( ($(date +%s%N) - started) / 1000000 )) ms, exit $status"
[ "$status" = 0 ] || exit "$status"

# with the optional peer installed from its tarball too, no --base-url runs against the Prism mock
pack_into "$work/tarballs" apps/mock
(cd "$work/consumer" && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/mca-mock-*.tgz) ||
  fail "npm install of @mca/mock's tarball failed"
(cd "$work/consumer" && npx mca-contract --seed 1 --runs 5 >"$work/against-mock.log" 2>&1) || {
  cat "$work/against-mock.log" >&2
  fail "the suite against the mock from the tarballs failed"
}
echo "ci: from the tarballs, without --base-url: $(tail -n 2 "$work/against-mock.log" | head -n 1)"
