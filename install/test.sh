#!/usr/bin/env bash
# install/test.sh: runs all tests on a fresh machine that has only Java 17, Maven and apt.
# Installs the Debian packages the tests need, starts the database servers the storage tests use
# (install/test-databases.sh), then runs `mvn -B verify` from the repository root.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the tests need; add more here.
#   python3-optuna: the bench commands' tests run Optuna's side (the optuna_*.py scripts in core), and the
#                   storage tests open tunebook's databases with Optuna.
#   postgresql, mariadb-server: the JDBC storage's contract tests run against real servers on loopback.
#   python3-psycopg2, python3-pymysql: Optuna's drivers for those servers, for the interop tests.
#   python3-sklearn: Optuna's fANOVA and MDI importance fit scikit-learn forests; the importance test
#                    compares tunebook's importances with Optuna's.
#   jupyter-client, python3-nbclient, jupyter-nbconvert: the kernel's tests execute notebooks/ with nbconvert
#                   (jupyter_client starts the kernel from its kernelspec, as Jupyter does).
packages=(python3-optuna postgresql mariadb-server python3-psycopg2 python3-pymysql python3-sklearn
          jupyter-client python3-nbclient jupyter-nbconvert)

bash "$root/install/apt-packages.sh" "${packages[@]}"

bash "$root/install/test-databases.sh"

cd "$root"
echo "== running all tests (mvn -B verify)"
mvn -B verify
