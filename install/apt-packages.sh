#!/usr/bin/env bash
# install/apt-packages.sh PACKAGE...: installs the Debian packages that are missing, with sudo when not root.
# Used by install.sh (Jupyter, for the kernel and the quickstart notebook) and test.sh (everything the tests use).
set -euo pipefail

missing=()
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "== Debian packages already installed: $*"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-packages.sh: these packages are missing and this machine has no apt-get: ${missing[*]};" >&2
    echo "install their equivalents with your package manager and run again" >&2
    exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "== installing Debian packages: ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
