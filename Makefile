# Two commands set everything up; see README.md.
#   make run   - serve Odoo with database lam_demo (demo data) on http://localhost:8069
#   make test  - install the addon with demo data in a throwaway database and run pytest-odoo
#   make lint  - OCA's pre-commit configuration on every file (scripts/lam_lint.sh)
#   make bench - synthetic data at scale and the timings of grading and cadences (SCALE=1: 10,000 customers)
#   make bench-reports - every report printed through HTTP as its users print it, timed, on the demo
#   make bench-import - 5,000 customers imported from the archive's template through Odoo's import, timed
#   make upgrade-check [COMMIT=…] - install an earlier version with demo data, upgrade it, compare every lam_* table
#   make uninstall-check - install without demo on generated data, uninstall (no ERROR), reinstall (no duplicate reminder)
#   make date-sweep - the whole suite on five other days in two time zones (scripts/lam_date_sweep.sh)
SHELL := /bin/bash
SCALE ?= 1

.PHONY: run test lint bench bench-reports bench-import date-sweep upgrade-check uninstall-check

run:
	@bash scripts/lam_env.sh run

test:
	@bash scripts/lam_env.sh test

lint:
	@bash scripts/lam_lint.sh

bench:
	@SCALE=$(SCALE) bash scripts/lam_env.sh bench

bench-reports:
	@bash scripts/lam_env.sh bench-reports

bench-import:
	@bash scripts/lam_env.sh bench-import

date-sweep:
	@bash scripts/lam_date_sweep.sh

upgrade-check:
	@bash scripts/lam_env.sh upgrade-check $(COMMIT)

uninstall-check:
	@bash scripts/lam_env.sh uninstall-check
