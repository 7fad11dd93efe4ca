#!/usr/bin/env bash
# The contract suite as an outside project gets it: packs @mca/spec, @mca/types and @mca/contract-tests, installs
# the tarballs with npm in an empty folder outside the workspace, starts the sandbox, and runs the CI line of
# packages/contract-tests/README.md (the one between the ci-line markers) against it. Stops only what it started.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
sandbox=""
cleanup() {
  [ -n "$sandbox" ] && kill -- "-$sandbox" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "ci: contract-from-tarball: $*" >&2; exit 1; }

pnpm -s turbo run build bundle --filter=@mca/contract-tests... --filter=@mca/sandbox... --output-logs=errors-only >/dev/null ||
  fail "build failed"
mkdir -p "$work/tarballs" "$work/consumer"
for package in packages/spec packages/types packages/contract-tests; do
  (cd "$package" && pnpm -s pack --pack-destination "$work/tarballs" >/dev/null) || fail "pnpm pack $package failed"
done
(cd "$work/consumer" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz) ||
  fail "npm install of the tarballs failed"

port=$(node .ci/free-port.mjs)
setsid node apps/sandbox/dist/src/cli.js --port "$port" --identities-out "$work/consumer/identities.json" \
  >"$work/sandbox.log" 2>&1 &
sandbox=$!
node .ci/wait-for-port.mjs "$port" 120 || { cat "$work/sandbox.log" >&2; fail "the sandbox did not start"; }
for _ in $(seq 1 50); do [ -s "$work/consumer/identities.json" ] && break; sleep 0.1; done

line=$(sed -n '/<!-- ci-line -->/,/<!-- \/ci-line -->/p' packages/contract-tests/README.md | grep '^npx mca-contract')
[ -n "$line" ] || fail "no CI line between the ci-line markers of packages/contract-tests/README.md"
echo "ci: from the packed tarballs, in $work/consumer: $line"
started=$(date +%s%N)
(cd "$work/consumer" && MCA_BASE_URL="http://127.0.0.1:$port" bash -c "$line")
status=$?
echo "ci: stateful contract run against the sandbox from the tarballs: $(( ($(date +%s%N) - started) / 1000000 )) ms, exit $status"
exit $status
