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

echo "== installing the Jupyter kernel (install/install-kernel.sh)"
if /usr/bin/jupyter kernelspec list >/dev/null 2>&1; then
    bash "$root/install/install-kernel.sh" --user
else
    echo "   Jupyter is not installed, so the notebook kernel is skipped; to add it:" >&2
    echo "   apt-get install jupyter-client python3-nbclient jupyter-nbconvert && install/install-kernel.sh" >&2
fi

echo "== running the quickstart study (install/tunebook quickstart)"
"$root/install/tunebook" quickstart

# TODO(notebook kernel): execute an example notebook from notebooks/ with a real Jupyter client here.

echo "== done: run install/tunebook --help for the commands"
