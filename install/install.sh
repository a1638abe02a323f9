#!/usr/bin/env bash
# install/install.sh: the main job on a fresh machine that has Java 17 and Maven.
# Builds and installs every module, then runs the quickstart study end to end through the CLI launcher.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install.sh: '$tool' is not on PATH; install Java 17 and Maven 3.8+ first" >&2
        exit 1
    fi
done

echo "== building tunebook (mvn -B install -DskipTests)"
mvn -B install -DskipTests

# TODO(notebook kernel): install the Jupyter kernelspec here (so that `jupyter kernelspec list` shows
# tunebook), once kernel-extension exists.

echo "== running the quickstart study (install/tunebook quickstart)"
"$root/install/tunebook" quickstart

# TODO(notebook kernel): execute an example notebook from notebooks/ with a real Jupyter client here.

echo "== done: run install/tunebook --help for the commands"
