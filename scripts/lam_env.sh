#!/usr/bin/env bash
# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
#
# Environment handling behind `make run` and `make test`.
#   bash scripts/lam_env.sh run   create or upgrade database lam_demo, serve on :8069
#   bash scripts/lam_env.sh test  fresh database with demo data, then pytest-odoo
#   bash scripts/lam_env.sh bench synthetic data at SCALE (1: 10,000 customers), then timings
#   bash scripts/lam_env.sh bench-reports  every report printed through HTTP, timed
#   bash scripts/lam_env.sh uninstall-check  uninstall and reinstall on data, log free of ERROR
#
# scripts/lam_bootstrap.py finds or builds the Odoo 18 interpreter (ODOO_PYTHON,
# ODOO_SRC, or python3), installs the Debian packages and fetches wkhtmltopdf;
# this script starts PostgreSQL, writes Odoo's configuration and runs Odoo.
set -euo pipefail

MODULE=lubricant_account_manager
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Odoo's configuration, data folder, logs and the addons folder that links this
# checkout under its technical name. Outside the checkout: Odoo follows
# symbolic links when it walks an addon (translations), and a link back into
# the addon from inside it would loop.
CACHE=${LAM_CACHE:-$HOME/.cache/lubricant_account_manager}
BUILD=${LAM_BUILD:-$CACHE/build/$(basename "$ROOT")-$(printf '%s' "$ROOT" | sha256sum | cut -c1-8)}
HTTP_PORT=${LAM_HTTP_PORT:-8069}
# the suite must pass in any time zone: keep the caller's (scripts/lam_date_sweep.sh sets it)
export TZ=${TZ:-UTC}
# the Odoo archive laid beside the checkout on these machines, as .ci/run uses it
shared_odoo="$ROOT/../shared/odoo/odoo-18.0.tar.xz"
if [ -z "${ODOO_SRC:-}${ODOO_PYTHON:-}" ] && [ -f "$shared_odoo" ]; then
    export ODOO_SRC="$shared_odoo"
fi

say() { printf '[lam] %s\n' "$*"; }

# Find or build the Odoo interpreter; put the patched wkhtmltopdf first on PATH
# (Odoo looks in PATH before its bin_path, so Debian's build would win otherwise).
bootstrap() {
    local out
    out=$(python3 "$ROOT/scripts/lam_bootstrap.py" env --purpose "$1") || exit 1
    eval "$out"
    PY=$LAM_ODOO_PYTHON
    if [ -n "$LAM_WKHTMLTOPDF_DIR" ]; then
        export PATH="$LAM_WKHTMLTOPDF_DIR:$PATH"
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

# Odoo with the configuration in ODOO_CONF (default: the one write_config writes)
odoo() {
    "$PY" -m odoo -c "${ODOO_CONF:-$BUILD/odoo.conf}" "$@"
}

# A new database starts as a Chinese company: base in zh_CN, the main company
# in China and in CNY before accounting is installed, so that the chart of
# accounts (China's, l10n_cn) and every journal item are in CNY.
create_chinese_db() {
    local db=$1 log="$BUILD/install-$1.log"
    shift
    say "creating database $db as a Chinese company (log: $log)"
    : > "$log"
    odoo -d "$db" -i base --load-language=zh_CN --stop-after-init \
        --log-level=warn --logfile="$log" "$@" || {
        tail -n 40 "$log" >&2; echo "Creating $db failed; see $log" >&2; exit 1; }
    "$PY" -m odoo shell -c "${ODOO_CONF:-$BUILD/odoo.conf}" -d "$db" --no-http \
        --log-level=warn >>"$log" 2>&1 <<'PYTHON' || {
cny = env.ref("base.CNY")
cny.active = True
env.ref("base.main_company").write(
    {"country_id": env.ref("base.cn").id, "currency_id": cny.id}
)
env.ref("base.user_admin").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
env.cr.commit()
PYTHON
        tail -n 40 "$log" >&2; echo "Setting up the company of $db failed; see $log" >&2; exit 1; }
    # accounting alone first: its chart (China's) is loaded when the registry
    # is ready, before any module's data makes journal items
    odoo -d "$db" -i account --stop-after-init --log-level=warn --logfile="$log" "$@" || {
        tail -n 40 "$log" >&2; echo "Installing accounting in $db failed; see $log" >&2; exit 1; }
}

# Install or upgrade the addon in database $1; fail loudly on any error.
install_module() {
    local db=$1 flag=$2 log="$BUILD/install-$1.log"
    shift 2
    if [ "$flag" = -i ] && ! db_exists "$db"; then
        create_chinese_db "$db" "$@"
    fi
    say "$([ "$flag" = -i ] && echo installing || echo upgrading) $MODULE in database $db (log: $log)"
    local rc=0
    : > "$log"  # Odoo appends to its log file: judge this run only
    odoo -d "$db" "$flag" "$MODULE" --load-language=zh_CN --stop-after-init \
        --log-level=info --logfile="$log" "$@" || rc=$?
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
    # -v: one line per test, so that a log shows which ran; --odoo-http: the
    # HTTP server the browser tours need; lam_pytest_plugin fails any skip.
    (cd "$BUILD/addons/$MODULE" && PYTHONPATH="$ROOT/scripts" "$PY" -m pytest -p no:cacheprovider \
        -p lam_pytest_plugin -v \
        --odoo-config="$BUILD/odoo.conf" --odoo-database="$db" --odoo-http \
        --rootdir="$BUILD/addons/$MODULE" "$BUILD/addons/$MODULE/tests" "$@") || rc=$?
    exit "$rc"
}

# Synthetic data at scale (SQL) in a throwaway database, then the timings of
# the grading and the cadence cron against their SQL floor.
cmd_bench() {
    local scale=${SCALE:-1}
    local customers lines db
    customers=$("$PY" -c "import sys; print(max(int(10000 * float(sys.argv[1])), 100))" "$scale") || {
        echo "SCALE must be a number, e.g. make bench SCALE=0.2" >&2; exit 2; }
    lines=$((customers * 30))
    db=lam_bench_$(printf '%s' "$scale" | tr -c '0-9a-zA-Z\n' '_')
    drop_db "$db"
    install_module "$db" -i --without-demo=all
    local bench=("$PY" "$ROOT/scripts/lam_bench.py" -c "$BUILD/odoo.conf" -d "$db")
    say "generating $customers customers and $lines order lines (SCALE=$scale)"
    "${bench[@]}" generate --customers "$customers" --lines "$lines"
    "${bench[@]}" purchases
    "${bench[@]}" abc
    "${bench[@]}" cadence
    "${bench[@]}" paths
    [ -n "${LAM_KEEP_DB:-}" ] || drop_db "$db"
}

# Serve database $1 on port $2 in the background for a benchmark, logging to
# $BUILD/$3.log (further arguments go to Odoo), until the script exits: then
# the server stops and the database is dropped (kept with LAM_KEEP_DB). Called
# in the script's own shell (not a subshell), so that the trap is the script's.
serve_bench() {
    local db=$1 port=$2 log=$3 server
    shift 3
    "$PY" -m odoo -c "$BUILD/odoo.conf" -d "$db" --db-filter="^$db\$" \
        --http-port="$port" --gevent-port=$((port + 1)) \
        --log-level=warn --logfile="$BUILD/$log.log" "$@" &
    server=$!
    trap "kill $server 2>/dev/null; wait $server 2>/dev/null || true; [ -n \"\${LAM_KEEP_DB:-}\" ] || drop_db '$db'" EXIT
    for _ in $(seq 1 60); do
        curl -sf "http://127.0.0.1:$port/web/health" >/dev/null && break
        sleep 1
    done
}

# Every report printed as its users print it, through HTTP (wkhtmltopdf loads
# the styles from the server), on a throwaway database with the demo data.
cmd_bench_reports() {
    local db=lam_bench_reports port=${LAM_BENCH_PORT:-8379} rc=0
    drop_db "$db"
    install_module "$db" -i
    "$PY" -m odoo shell -c "$BUILD/odoo.conf" -d "$db" --no-http --log-level=warn \
        >/dev/null <<PYTHON
env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:$port")
env.cr.commit()
PYTHON
    serve_bench "$db" "$port" bench-reports
    say "printing every report (server log: $BUILD/bench-reports.log)"
    "$PY" "$ROOT/scripts/lam_bench_reports.py" --url "http://127.0.0.1:$port" -d "$db" || rc=$?
    exit "$rc"
}

# 5,000 customers imported from the archive's template through Odoo's import, timed.
cmd_bench_import() {
    local db=lam_bench_import port=${LAM_BENCH_PORT:-8389} rc=0
    drop_db "$db"
    install_module "$db" -i
    # no scheduled action beside the timed import
    serve_bench "$db" "$port" bench-import --max-cron-threads=0
    say "importing the customers (server log: $BUILD/bench-import.log)"
    PYTHONPATH="$ROOT/scripts" "$PY" "$ROOT/scripts/lam_bench_import.py" \
        --url "http://127.0.0.1:$port" -d "$db" || rc=$?
    exit "$rc"
}

# The commit of the manifest's history whose version precedes the working tree's.
previous_version_commit() {
    local current commit version
    current=$(manifest_version <"$ROOT/__manifest__.py")
    # the newest commit of the previous version: what a company runs before upgrading
    for commit in $(git -C "$ROOT" log --format=%H); do
        version=$(git -C "$ROOT" show "$commit:__manifest__.py" | manifest_version)
        if [ "$version" != "$current" ]; then
            echo "$commit"
            return
        fi
    done
    echo "No earlier version in the manifest's history" >&2
    exit 1
}

manifest_version() {
    python3 -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["version"])'
}

# Row counts of every lam_* table and the filled values of the partners' lam_* columns.
snapshot() {
    "$PY" - "$1" <<'EOF'
import sys, psycopg2
from psycopg2 import sql
with psycopg2.connect(dbname=sys.argv[1]) as cnx, cnx.cursor() as cr:
    cr.execute(r"SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'lam\_%' ORDER BY 1")
    for (table,) in cr.fetchall():
        cr.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table)))
        print(f"table {table} {cr.fetchone()[0]}")
    cr.execute(r"""SELECT column_name FROM information_schema.columns
                   WHERE table_name = 'res_partner' AND column_name LIKE 'lam\_%' ORDER BY 1""")
    for (column,) in cr.fetchall():
        cr.execute(sql.SQL("SELECT COUNT({}) FROM res_partner").format(sql.Identifier(column)))
        print(f"res_partner.{column} {cr.fetchone()[0]}")
EOF
}

# Install an earlier commit's addon with demo data, upgrade it to the working
# tree, and compare what every lam_* table and archive column holds.
cmd_upgrade_check() {
    local commit=${1:-} db=lam_upgrade_check old="$BUILD/upgrade-old" from
    [ -n "$commit" ] || commit=$(previous_version_commit)
    from=$(git -C "$ROOT" show "$commit:__manifest__.py" | manifest_version)
    say "installing $MODULE $from (commit ${commit:0:10}) with demo data"
    rm -rf "$old"
    mkdir -p "$old/$MODULE"
    git -C "$ROOT" archive "$commit" | tar -x -C "$old/$MODULE"
    sed "s|^addons_path = [^,]*|addons_path = $old|" "$BUILD/odoo.conf" >"$BUILD/odoo-old.conf"
    drop_db "$db"
    [ -n "${LAM_KEEP_DB:-}" ] || trap "drop_db '$db' >/dev/null 2>&1 || true" EXIT
    ODOO_CONF="$BUILD/odoo-old.conf" install_module "$db" -i
    snapshot "$db" >"$BUILD/upgrade-before.txt"
    say "adding values $from let in and this version refuses"
    "$PY" "$ROOT/scripts/lam_lifecycle.py" -c "$BUILD/odoo.conf" -d "$db" spoil
    say "upgrading to the working tree ($(manifest_version <"$ROOT/__manifest__.py"))"
    install_module "$db" -u
    snapshot "$db" >"$BUILD/upgrade-after.txt"
    "$PY" "$ROOT/scripts/lam_lifecycle.py" -c "$BUILD/odoo.conf" -d "$db" check-upgrade
    "$PY" - "$BUILD/upgrade-before.txt" "$BUILD/upgrade-after.txt" <<'EOF'
import sys
before, after = (
    {name: int(count) for name, count in (line.rsplit(" ", 1) for line in open(path))}
    for path in sys.argv[1:]
)
lost = 0
print(f"{'what':<58} {'before':>8} {'after':>8}")
for name in sorted(set(before) | set(after)):
    old, new = before.get(name), after.get(name)
    mark = ""
    if old is not None and (new is None or new < old):
        mark, lost = "  LOST", lost + 1
    shown = [value if value is not None else "-" for value in (old, new)]
    print(f"{name:<58} {shown[0]:>8} {shown[1]:>8}{mark}")
print(f"{len(before)} tables and columns before, {len(after)} after; {lost} lost rows or values")
sys.exit(1 if lost else 0)
EOF
}

# Install without demo data, make customers and their cadence reminders,
# uninstall (its log free of ERROR, nothing of the addon's left open),
# reinstall and run the cadences again (no customer reminded twice).
cmd_uninstall_check() {
    local db=lam_uninstall_check log="$BUILD/uninstall-check.log"
    local life=("$PY" "$ROOT/scripts/lam_lifecycle.py" -c "$BUILD/odoo.conf" -d "$db")
    drop_db "$db"
    [ -n "${LAM_KEEP_DB:-}" ] || trap "drop_db '$db' >/dev/null 2>&1 || true" EXIT
    install_module "$db" -i --without-demo=all
    "$PY" "$ROOT/scripts/lam_bench.py" -c "$BUILD/odoo.conf" -d "$db" generate \
        --customers 300 --lines 3000 --managers 5
    "${life[@]}" cadences
    say "uninstalling $MODULE (log: $log)"
    : >"$log"
    "${life[@]}" uninstall --logfile "$log"
    if grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        grep -E -A 3 ' (ERROR|CRITICAL) ' "$log" | head -n 40 >&2
        echo "The uninstall logged $(grep -cE ' (ERROR|CRITICAL) ' "$log") errors; see $log" >&2
        exit 1
    fi
    say "the uninstall logged no ERROR; reinstalling"
    install_module "$db" -i --without-demo=all
    "${life[@]}" cadences
}

main() {
    local command=${1:-}
    shift || true
    case "$command" in
        run|test|bench|bench-reports|bench-import|upgrade-check|uninstall-check) ;;
        # only the database server (the date sweep starts it with the real clock)
        postgres) bootstrap test; ensure_postgres; return ;;
        *) echo "usage: $0 run|test|bench|bench-reports|bench-import|upgrade-check [commit]|uninstall-check|postgres" >&2; exit 2 ;;
    esac
    bootstrap "$command"
    ensure_postgres
    write_config
    "cmd_${command//-/_}" "$@"
}

main "$@"
