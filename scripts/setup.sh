#!/usr/bin/env bash
# Installs every Debian package cql needs to build, test and benchmark.
# Idempotent: apt-get update runs only when a package is missing. Run as root (or via sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git python3
  tao-pegtl-dev libcurl4-openssl-dev nlohmann-json3-dev libfmt-dev catch2
  libbenchmark-dev libyaml-cpp-dev libcli11-dev libre2-dev libjq-dev libonig-dev
  libsqlite3-dev libedit-dev libcpp-httplib-dev libssl-dev
  openssl tmux chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
