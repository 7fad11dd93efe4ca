#!/usr/bin/env bash
# The in-process sandbox as a front-end project gets it: packs @mca/sandbox-msw and what it and @mca/client need,
# installs the tarballs with npm in an empty folder outside the workspace beside vitest and msw, and runs the
# README's example test (the ts block after `<!-- in-process-example: sandbox.test.ts -->`) there: type-checked
# strict, then `vitest run`. No server: it runs in process.
set -uo pipefail
cd "$(dirname "$0")/.."
ci_name=in-process-from-tarball
source .ci/lib.sh

pnpm -s turbo run build --filter=@mca/sandbox-msw... --filter=@mca/client... --output-logs=errors-only >/dev/null ||
  fail "build failed"
pack_into "$work/tarballs" packages/spec packages/types packages/pipeline apps/sandbox apps/sandbox-msw packages/client
mkdir -p "$work/consumer"
awk '/<!-- in-process-example: sandbox.test.ts -->/ { found = 1; next }
  found && /^```ts/ { inside = 1; next }
  inside && /^```/ { exit }
  inside { print }' README.md >"$work/consumer/sandbox.test.ts"
[ -s "$work/consumer/sandbox.test.ts" ] || fail "no ts block after <!-- in-process-example: sandbox.test.ts --> in README.md"

version_of() { node -p "require('./$1').devDependencies['$2']"; }
vitest=$(version_of tools/in-process-checks/package.json vitest)
msw=$(version_of tools/in-process-checks/package.json msw)
typescript=$(version_of package.json typescript)
types_node=$(version_of packages/client/package.json @types/node)
(cd "$work/consumer" && npm init -y >/dev/null && npm pkg set type=module &&
  npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz "vitest@$vitest" "msw@$msw" \
    "typescript@$typescript" "@types/node@$types_node") || fail "npm install of the tarballs failed"
(cd "$work/consumer" && npx tsc --noEmit --strict --exactOptionalPropertyTypes --module nodenext \
  --moduleResolution nodenext --target es2022 --types node --skipLibCheck sandbox.test.ts) ||
  fail "the README's example test does not type-check against the installed packages"
echo "ci: from the packed tarballs, in $work/consumer: npx vitest run sandbox.test.ts"
(cd "$work/consumer" && npx vitest run sandbox.test.ts) || fail "the README's example test failed"
