#!/usr/bin/env bash
# install/bench-kernel.sh: kernel timings over the Jupyter protocol (a benchmark, not a test): kernel process
# start to the first cell's result, a warm cell's round trip, a `%tune status` round trip, a `%tune run` of 100
# trivial trials; medians and quartiles over repeats, with the machine's load. The kernel is started with the
# kernelspec install/install-kernel.sh would install (class-data archive included), by
# org.tunebook.kernel.KernelBenchmark, which drives it with the Java protocol client of the kernel's tests.
#
# Usage: install/bench-kernel.sh [--fast-start | --both] [--kernelspec FILE]... [--starts N] [--cells N] [--warmup N]
#   --fast-start  measure the kernelspec of install-kernel.sh --fast-start (C1 only) instead of the default one
#   --both        measure both, their starts taking turns so that they share the machine's load
#   --kernelspec FILE  measure this kernel.json too (e.g. one of another build), also taking turns
#   --starts N    kernel starts to time (default 10); --cells N: timed warm cells of each kind (default 50),
#                 after --warmup N cells of that kind (default 20)
# Builds kernel-extension (mvn -B -q -pl kernel-extension -am package -DskipTests) when its jar or test classes
# are missing or a pom.xml or source file changed since its last build.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/kernel-extension/target"
jar="$target/tunebook-kernel.jar"

specs=(default)
bench_options=()
for arg in "$@"; do
    case "$arg" in
        --fast-start) specs=(fast-start) ;;
        --both) specs=(default fast-start) ;;
        *) bench_options+=("$arg") ;;
    esac
done

# a build leaves the jar alone when no main class changed, so a stamp marks when the last build ran
stamp="$target/bench-kernel.stamp"
newer=""
if [ -f "$jar" ] && [ -d "$target/test-classes" ] && [ -f "$stamp" ]; then
    # the modules the kernel is built from
    newer="$(find "$root/pom.xml" "$root/core" "$root/plots" "$root/magics" "$root/kernel-extension" \
        -name target -prune -o -type f \( -name pom.xml -o -path '*/src/*' \) -newer "$stamp" -print -quit)"
fi
if [ ! -f "$jar" ] || [ ! -d "$target/test-classes" ] || [ ! -f "$stamp" ] || [ -n "$newer" ]; then
    echo "bench-kernel.sh: building the kernel: mvn -B -q -pl kernel-extension -am package -DskipTests" >&2
    (cd "$root" && mvn -B -q -pl kernel-extension -am package -DskipTests) >&2
    touch "$stamp"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
spec_files=()
for spec in "${specs[@]}"; do
    options=(--print-spec)
    [ "$spec" = default ] || options+=("--$spec")
    mkdir -p "$work/$spec"
    bash "$root/install/install-kernel.sh" "${options[@]}" >"$work/$spec/kernel.json"
    spec_files+=(--kernelspec "$work/$spec/kernel.json")
done
java -cp "$target/test-classes:$jar:$target/lib/*" org.tunebook.kernel.KernelBenchmark \
    "${spec_files[@]}" "${bench_options[@]}"
