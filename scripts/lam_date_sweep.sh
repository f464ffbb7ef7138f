#!/usr/bin/env bash
# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
#
# The suite on other days and in other time zones: `make date-sweep`.
# Each day installs the addon with its demo data and runs the whole suite with
# the clock of Odoo and pytest set to that day through libfaketime (Debian's
# `faketime`), once per time zone; the day and time are read in that zone. The
# demo is made relative to the faked day, as an install on that day would make
# it. Chromium keeps the real clock (a wrapper drops the preload; the tours move
# the page's clock to the server's, tests/test_tour_archive.py), and so does
# PostgreSQL, started before; the tests date records by the test's own frozen
# clock (tests/common.py), not by the database's now(). A run takes about as
# long as `make test`.
#
#   LAM_SWEEP_DAYS   days and UTC times, ';'-separated (default below: a month
#                    end, 31 December, 29 February 2028, a Monday, a Sunday,
#                    each late enough in UTC to be the next day in Shanghai)
#   LAM_SWEEP_TZS    time zones (default: Asia/Shanghai UTC)
# Prints one line per run and a summary; exits 1 if any run failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DAYS=${LAM_SWEEP_DAYS:-"2027-04-30 07:10:00;2026-12-31 06:40:00;2028-02-29 07:30:00;2026-12-07 00:30:00;2026-12-13 16:20:00"}
TZS=${LAM_SWEEP_TZS:-"Asia/Shanghai UTC"}
LOGS=${LAM_SWEEP_LOGS:-${TMPDIR:-/tmp}/lam_date_sweep}
mkdir -p "$LOGS"

if ! command -v faketime >/dev/null 2>&1; then
    echo "[sweep] installing Debian's faketime"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime; } >/dev/null || {
        echo "faketime is missing and could not be installed" >&2; exit 2; }
fi

# Chromium outside libfaketime: preloaded, even when skipped, it never opens its
# devtools port. Odoo finds the browser on PATH: this wrapper comes first.
wrapper="$LOGS/bin"
mkdir -p "$wrapper"
cat >"$wrapper/chromium" <<'EOF'
#!/bin/sh
unset LD_PRELOAD FAKETIME
exec /usr/bin/chromium "$@"
EOF
chmod +x "$wrapper/chromium"

# PostgreSQL runs with the real clock: started under libfaketime, its server
# (another user) cannot open the shared memory of the faked clock and hangs.
bash "$ROOT/scripts/lam_env.sh" postgres || exit 2

summary=()
failed=0
IFS=';' read -r -a days <<<"$DAYS"
for day in "${days[@]}"; do
    for tz in $TZS; do
        tag=$(printf '%s_%s' "$day" "$tz" | tr -c '0-9A-Za-z\n' '_')
        log="$LOGS/$tag.log"
        started=$(date +%s)
        # the monotonic clock is faked too: with FAKETIME_DONT_FAKE_MONOTONIC, Python's
        # time.sleep() fails with EINVAL under libfaketime (and Odoo then finds no browser)
        PATH="$wrapper:$PATH" TZ=$tz LAM_TEST_DB="lam_sweep_$$" \
            faketime -f "@$day" bash "$ROOT/scripts/lam_env.sh" test >"$log" 2>&1
        rc=$?
        result=$(grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$log" | tail -n 1 | tr -d '=' | xargs)
        line=$(printf '%-20s %-14s rc=%s %4ss  %s' "$day" "$tz" "$rc" "$(( $(date +%s) - started ))" "${result:-no result, see $log}")
        echo "[sweep] $line"
        summary+=("$line")
        [ "$rc" = 0 ] || failed=1
    done
done
echo
echo "date sweep (faked day and local time, time zone, exit code, wall time, pytest):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
