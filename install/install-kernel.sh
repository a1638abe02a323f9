#!/usr/bin/env bash
# install/install-kernel.sh: installs the "Java (tunebook)" Jupyter kernelspec for the built kernel
# (kernel-extension/target/tunebook-kernel.jar and kernel-extension/target/lib/), so that
# `jupyter kernelspec list` shows tunebook. Idempotent: an installed spec is replaced.
#
# Usage: install/install-kernel.sh [--user | --sys-prefix | --prefix DIR]   (default --user)
# Environment: JUPYTER (default /usr/bin/jupyter, Debian's; a python3 earlier on PATH may lack Jupyter),
#              JAVA_HOME (java to launch the kernel with, else java on PATH).
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jupyter="${JUPYTER:-/usr/bin/jupyter}"
if [ ! -x "$jupyter" ]; then
    jupyter="$(command -v jupyter || true)"
fi
if [ -z "$jupyter" ] || ! "$jupyter" kernelspec list >/dev/null 2>&1; then
    echo "install-kernel.sh: Jupyter's kernelspec command is missing; on Debian:" >&2
    echo "    apt-get install jupyter-client python3-nbclient jupyter-nbconvert" >&2
    exit 1
fi

jar="$root/kernel-extension/target/tunebook-kernel.jar"
lib="$root/kernel-extension/target/lib"
if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
    echo "install-kernel.sh: $jar or $lib is missing; build first: mvn -B -DskipTests install" >&2
    exit 1
fi

java_cmd="java"
[ -z "${JAVA_HOME:-}" ] || java_cmd="$JAVA_HOME/bin/java"
java_cmd="$(command -v "$java_cmd")"

where=("${@:---user}")
spec="$(mktemp -d)"
trap 'rm -rf "$spec"' EXIT
mkdir -p "$spec/tunebook"
python="/usr/bin/python3"
[ -x "$python" ] || python="python3"
"$python" - "$spec/tunebook/kernel.json" "$java_cmd" "$jar:$lib/*" <<'PY'
import json, sys
json.dump({"argv": [sys.argv[2], "-cp", sys.argv[3], "org.tunebook.kernel.KernelMain", "{connection_file}"],
           "display_name": "Java (tunebook)", "language": "java", "interrupt_mode": "message"},
          open(sys.argv[1], "w"), indent=2)
PY
"$jupyter" kernelspec install --replace --name tunebook "${where[@]}" "$spec/tunebook" >/dev/null
echo "installed the Jupyter kernel 'tunebook' (Java (tunebook)):"
if [ "${where[0]}" = "--prefix" ]; then
    JUPYTER_PATH="${where[1]}/share/jupyter" "$jupyter" kernelspec list 2>/dev/null | grep -E '^\s*tunebook\s' || true
else
    "$jupyter" kernelspec list 2>/dev/null | grep -E '^\s*tunebook\s' || true
fi
