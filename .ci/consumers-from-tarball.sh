#!/usr/bin/env bash
# @mca/client as a consumer gets it: packs @mca/types and @mca/client, installs the tarballs with npm in an empty
# folder outside the workspace, and runs the same flow (invite → accept → listAll → archive) against the sandbox
# from ESM, from CommonJS (require), and from TypeScript compiled with strict + exactOptionalPropertyTypes.
# Stops only the processes it started.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sandbox=""
cleanup() {
  [ -n "$sandbox" ] && kill -- "-$sandbox" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "ci: consumers-from-tarball: $*" >&2; exit 1; }

pnpm -s turbo run build --filter=@mca/client... --filter=@mca/sandbox... --output-logs=errors-only >/dev/null || fail "build failed"
mkdir -p "$work/tarballs"
for package in packages/types packages/client; do
  (cd "$package" && pnpm -s pack --pack-destination "$work/tarballs" >/dev/null) || fail "pnpm pack $package failed"
done
cp .ci/consumer/* "$work/"
typescript=$(node -p 'require("./package.json").devDependencies.typescript')
types_node=$(node -p 'require("./packages/client/package.json").devDependencies["@types/node"]')
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz \
  "typescript@$typescript" "@types/node@$types_node") || fail "npm install of the tarballs failed"
(cd "$work" && npx tsc -p tsconfig.json) || fail "the strict TypeScript consumer does not compile"

port=$(node .ci/free-port.mjs)
setsid node apps/sandbox/dist/src/cli.js --port "$port" --identities-out "$work/identities.json" >"$work/sandbox.log" 2>&1 &
sandbox=$!
node .ci/wait-for-port.mjs "$port" 120 || { cat "$work/sandbox.log" >&2; fail "the sandbox did not start"; }
for _ in $(seq 1 50); do [ -s "$work/identities.json" ] && break; sleep 0.1; done

status=0
for consumer in esm.mjs cjs.cjs out/main.mjs; do
  (cd "$work" && node "$consumer" "http://127.0.0.1:$port" identities.json) || { echo "ci: $consumer failed" >&2; status=1; }
done
exit $status
