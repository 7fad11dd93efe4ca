#!/usr/bin/env bash
# The Debian packages the tests need; `missing` prints those not installed yet.
packages=(chromium postgresql)
if [ "${1:-}" = "missing" ]; then
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || printf '%s ' "$package"
  done
else
  printf '%s\n' "${packages[@]}"
fi
