#!/usr/bin/env bash
# The Debian packages the tests need: Chromium (the reference-page and CORS tests) and PostgreSQL (the sandbox's
# PostgreSQL runs). `ensure` is the set-up step of `pnpm test` and of .ci/run, so that a machine with only Node and
# npm passes: it installs the missing ones with apt-get when it can (root, or sudo without a password), saying so
# in one line, and otherwise fails at once with the command to run.
# Installed means what dpkg says ("Status: install ok installed"), so a test can hide them behind a stand-in dpkg.
set -u
packages=(chromium postgresql)
say() { echo "test set-up: $*" >&2; }

missing() {
  local package
  for package in "${packages[@]}"; do
    [[ "$(dpkg -s "$package" 2>/dev/null)" == *"Status: install ok installed"* ]] || printf '%s ' "$package"
  done
}

ensure() {
  if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "the tests need Debian's ${packages[*]}, and this system has no dpkg/apt-get; run them in Debian:" \
      "docker run --rm -v \"\$PWD\":/repo -w /repo node:20-bookworm bash .ci/run"
    return 1
  fi
  local todo
  todo=$(missing)
  [ -z "$todo" ] && return 0
  todo=${todo% }
  if [ "$(id -u)" = 0 ]; then
    say "installing $todo with apt-get (running as root)"
    as_root() { DEBIAN_FRONTEND=noninteractive "$@"; }
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    say "installing $todo with sudo apt-get (sudo without a password)"
    as_root() { sudo -n DEBIAN_FRONTEND=noninteractive "$@"; }
  else
    say "$todo missing, and this user cannot install them (not root, no sudo without a password); run:" \
      "sudo apt-get update && sudo apt-get install -y $todo"
    return 1
  fi
  local output
  # shellcheck disable=SC2086 # $todo is a list of package names
  if ! output=$({ as_root apt-get update -qq && as_root apt-get install -y -qq $todo; } 2>&1); then
    printf '%s\n' "$output" >&2
    say "apt-get could not install $todo"
    return 1
  fi
  local still
  still=$(missing)
  [ -z "$still" ] || {
    say "apt-get ran, and dpkg still does not list ${still% } as installed"
    return 1
  }
}

case "${1:-}" in
  ensure) ensure ;;
  *)
    echo "usage: bash .ci/debian-packages.sh ensure" >&2
    exit 2
    ;;
esac
