#!/usr/bin/env bash
# install/install.sh: the main job on a fresh machine that has Java 17 and Maven.
# Builds and installs every module, installs Jupyter (apt) and the tunebook kernel, runs the quickstart study
# (SQLite file quickstart.db) through the CLI launcher, and executes notebooks/quickstart.ipynb with the kernel.
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

echo "== Jupyter for the notebook kernel (Debian packages)"
bash "$root/install/apt-packages.sh" jupyter-client python3-nbclient jupyter-nbconvert

echo "== installing the Jupyter kernel (install/install-kernel.sh)"
bash "$root/install/install-kernel.sh" --user

echo "== running the quickstart study (install/tunebook quickstart: SQLite file quickstart.db, continued if it exists)"
"$root/install/tunebook" quickstart

echo "== executing notebooks/quickstart.ipynb with the tunebook kernel (output in target/notebooks/)"
mkdir -p "$root/target/notebooks"
/usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=tunebook \
    --ExecutePreprocessor.timeout=300 --output-dir "$root/target/notebooks" "$root/notebooks/quickstart.ipynb"
/usr/bin/python3 - "$root/target/notebooks/quickstart.ipynb" <<'PY'
import json, sys
cells = [c for c in json.load(open(sys.argv[1]))["cells"] if c["cell_type"] == "code"]
errors = [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
kinds = sorted({k for c in cells for o in c.get("outputs", []) for k in o.get("data", {})})
print("   %d code cells executed, %d errors; outputs: %s" % (len(cells), len(errors), ", ".join(kinds)))
sys.exit(1 if errors else 0)
PY

# TODO(notebook kernel): execute an example notebook from notebooks/ with a real Jupyter client here.

echo "== done: run install/tunebook --help for the commands"
