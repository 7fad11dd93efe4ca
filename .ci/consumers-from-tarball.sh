#!/usr/bin/env bash
# @mca/client as a consumer gets it: packs @mca/types and @mca/client, installs the tarballs with npm in an empty
# folder outside the workspace, and runs the same flow (invite → accept → listAll → archive) against the sandbox
# from ESM, from CommonJS (require), and from TypeScript compiled with strict + exactOptionalPropertyTypes.
# Stops only the processes it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ci_name=consumers-from-tarball
source .ci/lib.sh

pnpm -s turbo run build --filter=@mca/client... --filter=@mca/sandbox... --output-logs=errors-only >/dev/null || fail "build failed"
pack_into "$work/tarballs" packages/types packages/client
cp .ci/consumer/* "$work/"
typescript=$(node -p 'require("./package.json").devDependencies.typescript')
types_node=$(node -p 'require("./packages/client/package.json").devDependencies["@types/node"]')
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz \
  "typescript@$typescript" "@types/node@$types_node") || fail "npm install of the tarballs failed"
(cd "$work" && npx tsc -p tsconfig.json) || fail "the strict TypeScript consumer does not compile"

start_sandbox "$work/identities.json"

status=0
for consumer in esm.mjs cjs.cjs out/main.mjs; do
  (cd "$work" && node "$consumer" "$sandbox_url" identities.json) || { echo "ci: $consumer failed" >&2; status=1; }
done
exit $status
