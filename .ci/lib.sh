# Sourced by the CI scripts that start servers: a work folder, the process groups they start (each server in its
# own group, stopped on exit, never anything else), one-line failures, and the sandbox with its identities.
# Set ci_name before sourcing.
work=$(mktemp -d)
groups=()
cleanup() {
  for group in "${groups[@]}"; do kill -- "-$group" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "ci: ${ci_name}: $*" >&2; exit 1; }

# in_group <log-file> <command…>: runs the command in a new process group; its pid (= group) is in $started
in_group() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 &
  started=$!
  groups+=("$started")
}

# start_sandbox <identities-out>: the built sandbox on a free port, its URL in $sandbox_url once it listens and
# the identities file is written
start_sandbox() {
  local port
  port=$(node .ci/free-port.mjs)
  in_group "$work/sandbox.log" node apps/sandbox/dist/src/cli.js --port "$port" --identities-out "$1"
  node .ci/wait-for-port.mjs "$port" 120 || { cat "$work/sandbox.log" >&2; fail "the sandbox did not start"; }
  for _ in $(seq 1 50); do [ -s "$1" ] && break; sleep 0.1; done
  [ -s "$1" ] || fail "the sandbox wrote no identities"
  sandbox_url="http://127.0.0.1:$port"
}

# pack_into <folder> <package-dir…>: pnpm pack of each (workspace versions resolved) into the folder
pack_into() {
  local folder=$1 package
  shift
  mkdir -p "$folder"
  for package in "$@"; do
    (cd "$package" && pnpm -s pack --pack-destination "$folder" >/dev/null) || fail "pnpm pack $package failed"
  done
}
