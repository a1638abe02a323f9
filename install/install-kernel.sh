#!/usr/bin/env bash
# install/install-kernel.sh: installs the "Java (tunebook)" Jupyter kernelspec for the built kernel
# (kernel-extension/target/tunebook-kernel.jar and kernel-extension/target/lib/), so that
# `jupyter kernelspec list` shows tunebook. Idempotent: an installed spec is replaced.
#
# It also records a class-data archive (kernel-extension/target/tunebook-kernel.jsa) of the classes a kernel
# loads, by running org.tunebook.kernel.KernelTraining once with -XX:ArchiveClassesAtExit; the kernelspec maps it
# with -XX:SharedArchiveFile, which makes a kernel start faster. A rebuilt jar makes the archive stale: the JVM
# then ignores it (the kernel still works); run this script again to record it anew.
#
# Usage: install/install-kernel.sh [--fast-start] [--print-spec] [--user | --sys-prefix | --prefix DIR]
#   (default --user)
#   --fast-start  compile with C1 only (-XX:TieredStopAtLevel=1): the kernel starts in about half the time and
#                 cells answer faster, but long computations in cells (objectives) run up to 2x slower
#   --print-spec  print the kernel.json this script would install, and install nothing (no Jupyter needed)
# Environment: JUPYTER (default /usr/bin/jupyter, Debian's; a python3 earlier on PATH may lack Jupyter),
#              JAVA_HOME (java to launch the kernel with, else java on PATH),
#              TUNEBOOK_KERNEL_OPTS (more JVM options for the kernel, e.g. -Xmx8g; split on spaces).
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fast_start=0
print_spec=0
where=()
for arg in "$@"; do
    case "$arg" in
        --fast-start) fast_start=1 ;;
        --print-spec) print_spec=1 ;;
        *) where+=("$arg") ;;
    esac
done
[ "${#where[@]}" -gt 0 ] || where=(--user)

jupyter="${JUPYTER:-/usr/bin/jupyter}"
if [ "$print_spec" = 0 ]; then
    if [ ! -x "$jupyter" ]; then
        jupyter="$(command -v jupyter || true)"
    fi
    if [ -z "$jupyter" ] || ! "$jupyter" kernelspec list >/dev/null 2>&1; then
        echo "install-kernel.sh: Jupyter's kernelspec command is missing; on Debian:" >&2
        echo "    apt-get install jupyter-client python3-nbclient jupyter-nbconvert" >&2
        exit 1
    fi
fi

target="$root/kernel-extension/target"
jar="$target/tunebook-kernel.jar"
lib="$target/lib"
if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
    echo "install-kernel.sh: $jar or $lib is missing; build first: mvn -B -DskipTests install" >&2
    exit 1
fi

java_cmd="java"
[ -z "${JAVA_HOME:-}" ] || java_cmd="$JAVA_HOME/bin/java"
java_cmd="$(command -v "$java_cmd")"
classpath="$jar:$lib/*"

options=()
# shellcheck disable=SC2206  # TUNEBOOK_KERNEL_OPTS is a list of options split on spaces, as JAVA_OPTS is
options+=(${TUNEBOOK_KERNEL_OPTS:-})
[ "$fast_start" = 0 ] || options+=(-XX:TieredStopAtLevel=1)

archive="$target/tunebook-kernel.jsa"
training_log="$target/kernel-training.log"
rm -f "$archive"
if "$java_cmd" "${options[@]}" -XX:ArchiveClassesAtExit="$archive" -cp "$classpath" \
        org.tunebook.kernel.KernelTraining >"$training_log" 2>&1 && [ -f "$archive" ]; then
    # a stale archive (the jars rebuilt since) is ignored quietly instead of warned about on every start
    options+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
else
    echo "install-kernel.sh: could not record the class-data archive (see $training_log);" \
         "the kernel works without it, only starts slower" >&2
fi

spec="$(mktemp -d)"
trap 'rm -rf "$spec"' EXIT
mkdir -p "$spec/tunebook"
python="/usr/bin/python3"
[ -x "$python" ] || python="python3"
"$python" - "$spec/tunebook/kernel.json" "$java_cmd" "$classpath" "${options[@]}" <<'PY'
import json, sys
out, java, classpath, options = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
json.dump({"argv": [java, *options, "-cp", classpath, "org.tunebook.kernel.KernelMain", "{connection_file}"],
           "display_name": "Java (tunebook)", "language": "java", "interrupt_mode": "message"},
          open(out, "w"), indent=2)
PY
if [ "$print_spec" = 1 ]; then
    cat "$spec/tunebook/kernel.json"
    exit 0
fi
"$jupyter" kernelspec install --replace --name tunebook "${where[@]}" "$spec/tunebook" >/dev/null
echo "installed the Jupyter kernel 'tunebook' (Java (tunebook)):"
if [ "${where[0]}" = "--prefix" ]; then
    JUPYTER_PATH="${where[1]}/share/jupyter" "$jupyter" kernelspec list 2>/dev/null | grep -E '^\s*tunebook\s' || true
else
    "$jupyter" kernelspec list 2>/dev/null | grep -E '^\s*tunebook\s' || true
fi
