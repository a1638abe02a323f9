#!/usr/bin/env bash
# install/test-databases.sh: starts the database servers that the storage tests use, on loopback, and gives
# each a user 'tunebook' (password 'tunebook') that may create databases, and a database 'tunebook':
#   PostgreSQL on 127.0.0.1:5432 (Debian's postgresql package, cluster 'main')
#   MariaDB    on 127.0.0.1:3306 (Debian's mariadb-server package)
# Safe to run again: running servers are left alone and existing users and databases are kept.
# Called by install/test.sh after it has installed the packages. Needs root or sudo.
# A server is skipped when TUNEBOOK_PG_URL or TUNEBOOK_MARIADB_URL points the tests at another one.
set -euo pipefail

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    # From /, which the postgres user can read whatever the caller's working directory.
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi
}

# Waits up to 60 s for a command to succeed.
wait_for() {
    local what="$1"
    shift
    for _ in $(seq 1 60); do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    echo "test-databases.sh: $what did not come up within 60 s" >&2
    return 1
}

start_postgres() {
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        local version
        version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
        if [ -z "$version" ]; then
            echo "test-databases.sh: no PostgreSQL cluster under /etc/postgresql; is the postgresql package installed?" >&2
            return 1
        fi
        echo "== starting PostgreSQL $version"
        as_root pg_ctlcluster "$version" main start
        wait_for "PostgreSQL" pg_isready -q -h 127.0.0.1 -p 5432
    fi
    as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tunebook') THEN
        CREATE ROLE tunebook LOGIN PASSWORD 'tunebook' CREATEDB;
    END IF;
END
$$;
SQL
    if ! as_postgres psql -tA -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'tunebook'" | grep -q 1; then
        as_postgres createdb -O tunebook tunebook
    fi
    echo "== PostgreSQL ready on 127.0.0.1:5432"
}

start_mariadb() {
    # mysqladmin ping succeeds when the server answers, even without valid credentials.
    if ! mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 ping >/dev/null 2>&1; then
        echo "== starting MariaDB"
        as_root /etc/init.d/mariadb start
        wait_for "MariaDB" mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 ping
    fi
    # root logs in through the local socket as the system's root user.
    as_root mysql -u root <<'SQL'
CREATE DATABASE IF NOT EXISTS tunebook;
CREATE USER IF NOT EXISTS 'tunebook'@'127.0.0.1' IDENTIFIED BY 'tunebook';
CREATE USER IF NOT EXISTS 'tunebook'@'localhost' IDENTIFIED BY 'tunebook';
GRANT ALL PRIVILEGES ON *.* TO 'tunebook'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'tunebook'@'localhost';
SQL
    echo "== MariaDB ready on 127.0.0.1:3306"
}

if [ -z "${TUNEBOOK_PG_URL:-}" ]; then
    start_postgres
fi
if [ -z "${TUNEBOOK_MARIADB_URL:-}" ]; then
    start_mariadb
fi
