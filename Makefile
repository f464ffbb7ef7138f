# Two commands set everything up; see README.md.
#   make run   - serve Odoo with database lam_demo (demo data) on http://localhost:8069
#   make test  - install the addon with demo data in a throwaway database and run pytest-odoo
SHELL := /bin/bash

.PHONY: run test

run:
	@bash scripts/lam_env.sh run

test:
	@bash scripts/lam_env.sh test
