#!/usr/bin/env bash
# The Debian packages the tests need (Chromium for the reference-page test, PostgreSQL for the sandbox's
# PostgreSQL run). `missing` prints those not installed; `ensure` installs them when it can (root + apt-get).
set -u
packages=(chromium postgresql)

missing() {
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || printf '%s ' "$package"
  done
}

case "${1:-}" in
  missing) missing ;;
  ensure)
    todo=$(missing)
    [ -z "$todo" ] && exit 0
    if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
      echo "debian-packages: the tests need: $todo(install them with apt-get as root)" >&2
      exit 0
    fi
    echo "debian-packages: installing $todo" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $todo >/dev/null) || {
      echo "debian-packages: could not install $todo" >&2
      exit 1
    }
    ;;
  *) printf '%s\n' "${packages[@]}" ;;
esac
