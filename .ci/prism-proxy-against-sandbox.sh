#!/usr/bin/env bash
# A peer validates the sandbox: the stateful contract suite runs against the sandbox through stock
# `prism proxy --errors` on the unmodified bundle, and CI fails on any response of the sandbox Prism calls a
# violation. Prints "prism proxy: N responses, M violations". Stops only the processes it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ci_name=prism-proxy
source .ci/lib.sh

prism_cli=$(node -e 'console.log(require.resolve("@stoplight/prism-cli/dist/index.js", { paths: ["apps/mock"] }))')

# start_chain <upstream-url> <name>: stock prism proxy --errors in front of the upstream, the counting hop in front
# of Prism; sets chain_url and chain_counter
start_chain() {
  local prism_port counter_port
  prism_port=$(node .ci/free-port.mjs)
  counter_port=$(node .ci/free-port.mjs)
  in_group "$work/prism-$2.log" node "$prism_cli" proxy openapi/dist/openapi.json "$1" --errors \
    --host 127.0.0.1 --port "$prism_port" --multiprocess=false
  node .ci/wait-for-port.mjs "$prism_port" 120 || { cat "$work/prism-$2.log" >&2; fail "prism proxy did not start"; }
  in_group "$work/counter-$2.log" node .ci/count-prism-violations.mjs "$counter_port" \
    "http://127.0.0.1:$prism_port" "$work/tally-$2.json"
  chain_counter=$started
  node .ci/wait-for-port.mjs "$counter_port" 30 || fail "the counting hop did not start"
  chain_url="http://127.0.0.1:$counter_port"
}
# stop_chain <name>: the counting hop writes its tally; prints it
stop_chain() {
  kill -TERM "$chain_counter"
  for _ in $(seq 1 50); do [ -s "$work/tally-$1.json" ] && break; sleep 0.1; done
  [ -s "$work/tally-$1.json" ] || fail "the counting hop wrote no tally"
  cat "$work/tally-$1.json"
}

# first, proof that the gate can fail: an upstream whose list answer breaks the schema is counted as a violation
broken_port=$(node .ci/free-port.mjs)
in_group "$work/broken.log" node -e 'require("http").createServer((q, s) => { s.writeHead(200, { "content-type": "application/json" }); s.end("{\"items\":\"none\"}"); }).listen(Number(process.argv[1]), "127.0.0.1")' "$broken_port"
node .ci/wait-for-port.mjs "$broken_port" 30 || fail "the broken upstream did not start"
start_chain "http://127.0.0.1:$broken_port" canary
org=054b4106-174b-46b0-97f8-86d8d7b6f0af
node -e 'fetch(process.argv[1], { headers: { authorization: "Bearer t", "requester-organization-id": process.argv[2], "target-organization-id": process.argv[2] } }).then((r) => r.text())' \
  "$chain_url/host-connections?statuses=connected&limit=1&offset=0" "$org"
canary=$(stop_chain canary)
node -e 'process.exit(JSON.parse(process.argv[1]).violations === 1 ? 0 : 1)' "$canary" ||
  fail "the counting hop missed a schema-breaking response: $canary"
start_sandbox "$work/ids.json"
start_chain "$sandbox_url" sandbox

# the suite's own verdicts are not the gate here: Prism answers some requests itself, in its own format
node packages/contract-tests/dist/cli.js --base-url "$chain_url" --stateful \
  --identities "$work/ids.json" --seed 1 --runs 10 >"$work/contract.log" 2>&1
tally=$(stop_chain sandbox)
node -e '
const tally = JSON.parse(process.argv[1]);
console.log(`prism proxy: ${tally.responses} responses, ${tally.violations} violations (${tally.refusedByPrism} requests Prism refused itself, not counted)`);
for (const example of tally.examples) console.log(`  ${example}`);
if (tally.responses === 0) { console.log("prism proxy: not judged: no response of the sandbox went through"); process.exit(1); }
process.exit(tally.violations > 0 ? 1 : 0);
' "$tally"
