#!/usr/bin/env bash
# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
#
# Environment handling behind `make run` and `make test`.
#   bash scripts/lam_env.sh run   create or upgrade database lam_demo, serve on :8069
#   bash scripts/lam_env.sh test  fresh database with demo data, then pytest-odoo
#
# Odoo 18 itself is a prerequisite: the `odoo` package importable by python3,
# or by the interpreter named in ODOO_PYTHON. Extra addons folders (an Odoo
# checkout whose addons live outside the package) go in ODOO_ADDONS_PATH.
set -euo pipefail

MODULE=lubricant_account_manager
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/.build"
PY=${ODOO_PYTHON:-python3}
HTTP_PORT=${LAM_HTTP_PORT:-8069}
export TZ=UTC

say() { printf '[lam] %s\n' "$*"; }

check_odoo() {
    if ! "$PY" -c 'import sys, odoo.release as r; sys.exit(0 if r.version_info[0] == 18 else 3)' >/dev/null 2>&1; then
        cat >&2 <<EOF
Odoo 18 cannot be imported by '$PY'. This addon needs Odoo 18 Community
installed so that this interpreter can 'import odoo' (for instance its source
tree on the interpreter's path and its requirements.txt installed with pip).
If Odoo 18 lives under another interpreter or virtualenv, point at it with
ODOO_PYTHON=/path/to/python make test (or make run); addons folders that are
not inside the odoo package can be added with ODOO_ADDONS_PATH=dir1,dir2.
EOF
        exit 1
    fi
}

ensure_requirements() {
    if ! "$PY" -c 'import xlsxwriter, pytest_odoo' >/dev/null 2>&1; then
        say "installing the addon's Python requirements"
        "$PY" -m pip install --quiet -r "$ROOT/requirements.txt"
    fi
}

pg_reachable() {
    "$PY" - <<'EOF' >/dev/null 2>&1
import psycopg2
psycopg2.connect(dbname="postgres").close()
EOF
}

start_local_postgres() {
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        say "installing Debian's postgresql"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version cluster
    read -r version cluster < <(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2}')
    if [ -z "${version:-}" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
        cluster=main
        pg_createcluster "$version" "$cluster" >/dev/null
    fi
    say "starting PostgreSQL $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start || true
    for _ in $(seq 1 30); do
        su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break
        sleep 1
    done
    local role=${PGUSER:-$(id -un)}
    if [ "$role" = postgres ]; then
        echo "Odoo refuses to run as the 'postgres' role: set PGUSER to another role." >&2
        exit 1
    fi
    if [ "$(su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='$role'\"")" != 1 ]; then
        say "creating PostgreSQL role $role"
        su postgres -c "createuser --createdb '$role'"
    fi
}

ensure_postgres() {
    if pg_reachable; then
        return
    fi
    if [ "$(id -u)" = 0 ] && [ -z "${PGHOST:-}" ]; then
        start_local_postgres
    fi
    if ! pg_reachable; then
        cat >&2 <<EOF
No PostgreSQL server is reachable (PGHOST=${PGHOST:-<socket>} PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-$(id -un)}). Start one and set PGHOST/PGPORT/PGUSER/PGPASSWORD,
or run this command as root to have Debian's postgresql installed and started.
EOF
        exit 1
    fi
}

write_config() {
    # The addon must be found under its technical name whatever the checkout
    # folder is called: link it into a generated addons folder.
    mkdir -p "$BUILD/addons" "$BUILD/data"
    ln -sfn "$ROOT" "$BUILD/addons/$MODULE"
    local addons="$BUILD/addons"
    if [ -n "${ODOO_ADDONS_PATH:-}" ]; then
        addons="$addons,$ODOO_ADDONS_PATH"
    fi
    {
        echo "[options]"
        echo "addons_path = $addons"
        echo "data_dir = $BUILD/data"
        echo "admin_passwd = admin"
        echo "db_host = ${PGHOST:-False}"
        echo "db_port = ${PGPORT:-False}"
        echo "db_user = ${PGUSER:-False}"
        echo "db_password = ${PGPASSWORD:-False}"
        echo "http_interface = ${LAM_HTTP_INTERFACE:-127.0.0.1}"
        echo "http_port = $HTTP_PORT"
        echo "list_db = False"
    } > "$BUILD/odoo.conf"
}

addon_installed() {
    "$PY" - "$1" "$MODULE" <<'EOF'
import sys, psycopg2
with psycopg2.connect(dbname=sys.argv[1]) as cnx, cnx.cursor() as cr:
    cr.execute("SELECT 1 FROM ir_module_module WHERE name = %s AND state = 'installed'", [sys.argv[2]])
    sys.exit(0 if cr.fetchone() else 1)
EOF
}

db_exists() {
    "$PY" - "$1" <<'EOF'
import sys, psycopg2
with psycopg2.connect(dbname="postgres") as cnx, cnx.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sys.argv[1]])
    sys.exit(0 if cr.fetchone() else 1)
EOF
}

drop_db() {
    "$PY" - "$1" <<'EOF'
import sys, psycopg2
cnx = psycopg2.connect(dbname="postgres")
cnx.autocommit = True
cnx.cursor().execute('DROP DATABASE IF EXISTS "%s"' % sys.argv[1].replace('"', ''))
EOF
    rm -rf "$BUILD/data/filestore/$1"
}

odoo() {
    "$PY" -m odoo -c "$BUILD/odoo.conf" "$@"
}

# Install or upgrade the addon in database $1; fail loudly on any error.
install_module() {
    local db=$1 flag=$2 log="$BUILD/install-$1.log"
    say "$([ "$flag" = -i ] && echo installing || echo upgrading) $MODULE in database $db (log: $log)"
    local rc=0
    odoo -d "$db" "$flag" "$MODULE" --load-language=zh_CN --stop-after-init \
        --log-level=info --logfile="$log" || rc=$?
    if [ "$rc" != 0 ] || grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |demo data failed to install' "$log"; then
        grep -E -A 30 ' (WARNING|ERROR|CRITICAL) ' "$log" | tail -n 60 >&2 || true
        echo "Installing $MODULE in $db failed (exit $rc); see $log" >&2
        exit 1
    fi
    grep -E " WARNING .*$MODULE" "$log" | tail -n 20 || true
}

cmd_run() {
    local db=lam_demo
    if db_exists "$db" && addon_installed "$db"; then
        install_module "$db" -u
    else
        install_module "$db" -i
    fi
    say "serving http://localhost:$HTTP_PORT (database $db, login admin / admin)"
    exec "$PY" -m odoo -c "$BUILD/odoo.conf" -d "$db" --db-filter="^$db\$"
}

cmd_test() {
    local db=${LAM_TEST_DB:-lam_test_$$}
    if [ -n "${LAM_KEEP_DB:-}" ] && db_exists "$db" && addon_installed "$db"; then
        # development shortcut: reuse the database, upgrading the addon
        install_module "$db" -u
    else
        drop_db "$db"
        [ -n "${LAM_KEEP_DB:-}" ] || trap "drop_db '$db' >/dev/null 2>&1 || true" EXIT
        install_module "$db" -i
    fi
    say "running the test suite with pytest-odoo"
    local rc=0
    (cd "$BUILD/addons/$MODULE" && "$PY" -m pytest -p no:cacheprovider \
        --odoo-config="$BUILD/odoo.conf" --odoo-database="$db" \
        --rootdir="$BUILD/addons/$MODULE" "$BUILD/addons/$MODULE/tests" "$@") || rc=$?
    exit "$rc"
}

main() {
    local command=${1:-}
    shift || true
    case "$command" in
        run|test) ;;
        *) echo "usage: $0 run|test" >&2; exit 2 ;;
    esac
    check_odoo
    ensure_requirements
    ensure_postgres
    write_config
    "cmd_$command" "$@"
}

main "$@"
