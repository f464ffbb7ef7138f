#!/usr/bin/env bash
# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
#
# `make lint`: OCA's pre-commit configuration on every file of the repository.
# pre-commit comes from PyPI into a virtualenv of its own, and its hooks' tools
# (ruff, pylint-odoo, OCA's module checks, prettier) into PRE_COMMIT_HOME, both
# under LAM_CACHE; Node.js and npm are the machine's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${LAM_CACHE:-$HOME/.cache/lubricant_account_manager}
VENV=$CACHE/lint-venv-$(sha256sum "$ROOT/requirements-dev.txt" | cut -c1-12)
export PRE_COMMIT_HOME=$CACHE/pre-commit

say() { printf '[lam] %s\n' "$*"; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing Debian's nodejs and npm (prettier runs on them)"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } >/dev/null
    else
        echo "Node.js and npm are needed for prettier: install them." >&2
        exit 1
    fi
fi
if [ ! -x "$VENV/bin/pre-commit" ]; then
    say "installing pre-commit into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$ROOT/requirements-dev.txt"
fi
cd "$ROOT"
say "pre-commit with OCA's configuration on every file"
"$VENV/bin/pre-commit" run --all-files --show-diff-on-failure --color=never "$@"
