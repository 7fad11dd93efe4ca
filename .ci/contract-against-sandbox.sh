#!/usr/bin/env bash
# Starts the sandbox, runs the stateful contract suite against it exactly as the README shows, stops it.
set -uo pipefail
cd "$(dirname "$0")/.."
identities=$(mktemp --suffix=.json)
log=$(mktemp)
pnpm -s sandbox --port 4020 --identities-out "$identities" >"$log" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; pkill -f "apps/sandbox/dist/src/cli.js" 2>/dev/null; rm -f "$identities" "$log"' EXIT
for _ in $(seq 1 120); do
  grep -q "Ctrl-C" "$log" && break
  kill -0 $sandbox 2>/dev/null || { echo "ci: the sandbox did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 1
done
grep -q "Ctrl-C" "$log" || { echo "ci: the sandbox did not start within 120 s" >&2; cat "$log" >&2; exit 1; }
pnpm -s contract --base-url http://127.0.0.1:4020 --stateful --identities "$identities"
