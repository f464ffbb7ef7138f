# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The addon's life cycle on a real database: what ``make upgrade-check`` and
``make uninstall-check`` run around Odoo's own install, upgrade and
uninstall. Run with the Odoo interpreter::

    python scripts/lam_lifecycle.py -c odoo.conf -d DB spoil
    python scripts/lam_lifecycle.py -c odoo.conf -d DB check-upgrade
    python scripts/lam_lifecycle.py -c odoo.conf -d DB cadences
    python scripts/lam_lifecycle.py -c odoo.conf -d DB uninstall --logfile LOG

``spoil`` writes, in SQL, values an earlier version let in and this one
refuses (a last oil change in the year 9999, an interval of 5,000 days, a
customer's second line in a manager's part of a sales plan), each where the
earlier version's tables and constraints allow it, and remembers the last
message; ``check-upgrade`` then checks that the upgrade repaired them, that
every SQL constraint of the addon exists and that no message was posted on
the addon's records or its customers.
``cadences`` runs the cadence cron to its end and fails on a customer
reminded twice of the same kind; ``uninstall`` uninstalls the addon and
fails when one of its activities is left.
"""
# A command-line tool: it prints what it does and finds.
# pylint: disable=print-used

import argparse
import sys

import odoo
from odoo import SUPERUSER_ID, api

MODULE = "lubricant_account_manager"
LAST_MESSAGE = "lubricant_account_manager.lifecycle_last_message"


def open_registry(config, database, logfile=None):
    args = ["-c", config, "-d", database, "--log-level=info"]
    if logfile:
        args.append(f"--logfile={logfile}")
    odoo.tools.config.parse_config(args)
    if logfile:
        odoo.netsvc.init_logger()
    return odoo.modules.registry.Registry(database)


def _try(cr, label, query, params=None):
    """Run one spoiling statement; an earlier version that refused it already
    is skipped."""
    try:
        with cr.savepoint():
            cr.execute(query, params, log_exceptions=False)
            print(f"spoiled: {label} ({cr.rowcount} rows)")
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        print(f"not spoiled: {label}: {str(error).splitlines()[0]}")


def spoil(cr):
    _try(
        cr,
        "an oil change in 9999",
        "UPDATE lam_equipment SET last_change_date = '9999-06-01', "
        "change_interval_days = 365 "
        "WHERE id = (SELECT MIN(id) FROM lam_equipment)",
    )
    _try(
        cr,
        "an interval of 5,000 days",
        "UPDATE lam_equipment SET change_interval_days = 5000 "
        "WHERE id = (SELECT MAX(id) FROM lam_equipment)",
    )
    _try(
        cr,
        "a customer's second line in a sales plan part",
        "INSERT INTO lam_sales_plan_line (manager_plan_id, partner_id, target, "
        "customer_plan, month, company_id, create_uid, write_uid, create_date, "
        "write_date) SELECT manager_plan_id, partner_id, 10, 0, month, company_id, "
        "create_uid, write_uid, now(), now() FROM lam_sales_plan_line "
        "WHERE id = (SELECT MIN(id) FROM lam_sales_plan_line)",
    )
    cr.execute(
        "INSERT INTO ir_config_parameter (key, value) "
        "SELECT %s, COALESCE(MAX(id), 0)::text FROM mail_message "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        [LAST_MESSAGE],
    )


def check_upgrade(env):
    cr, problems = env.cr, []
    cr.execute(
        """
        SELECT imc.name FROM ir_model_constraint imc
          JOIN ir_module_module m ON m.id = imc.module
         WHERE m.name = %s AND imc.type IN ('u', 'c')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.conname = imc.name)
        """,
        [MODULE],
    )
    problems += [f"constraint {name} is missing" for (name,) in cr.fetchall()]
    last = int(env["ir.config_parameter"].get_param(LAST_MESSAGE) or 0)
    # the addon's records and its customers (a demo record of Odoo's that the
    # upgrade updates, such as a product category renamed, tracks as Odoo does)
    cr.execute(
        "SELECT model, COUNT(*) FROM mail_message WHERE id > %s "
        "AND (model LIKE 'lam.%%' OR model = 'res.partner') GROUP BY model",
        [last],
    )
    problems += [
        f"{count} messages posted on {model} by the upgrade"
        for model, count in cr.fetchall()
    ]
    cr.execute(
        "SELECT COUNT(*) FROM lam_equipment WHERE last_change_date > '2199-12-31' "
        "OR change_interval_days > 3650"
    )
    problems += [
        f"{count} equipment out of range" for (count,) in cr.fetchall() if count
    ]
    cr.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM lam_sales_plan_line "
        "GROUP BY manager_plan_id, partner_id HAVING COUNT(*) > 1) dup"
    )
    problems += [
        f"{count} doubled sales plan lines" for (count,) in cr.fetchall() if count
    ]
    env["ir.config_parameter"].search([("key", "=", LAST_MESSAGE)]).unlink()
    for problem in problems:
        print(f"UPGRADE PROBLEM: {problem}")
    print(f"upgrade checked: {len(problems)} problems")
    return 1 if problems else 0


def cadences(env):
    engine = env["lam.cadence.engine"]
    while True:
        _done, remaining = engine._lam_run_batch()
        if not remaining:
            break
    env.cr.execute(
        """
        SELECT COUNT(*) FROM (
            SELECT 1 FROM mail_activity
             WHERE lam_cadence_rule_id IS NOT NULL
             GROUP BY res_model, res_id, lam_cadence_rule_id HAVING COUNT(*) > 1
        ) doubled
        """
    )
    doubled = env.cr.fetchone()[0]
    opened = env["mail.activity"].search_count([("lam_cadence_rule_id", "!=", False)])
    print(f"cadences: {opened} open reminders, {doubled} customers reminded twice")
    return 1 if doubled else 0


def uninstall(registry):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        types = env["ir.model.data"].search(
            [("module", "=", MODULE), ("model", "=", "mail.activity.type")]
        )
        others = env["mail.activity"].search_count(
            [
                ("lam_cadence_rule_id", "=", False),
                ("activity_type_id", "not in", types.mapped("res_id")),
            ]
        )
        env["ir.module.module"].search(
            [("name", "=", MODULE)]
        ).button_immediate_uninstall()
    with odoo.modules.registry.Registry(registry.db_name).cursor() as cr:
        cr.execute("SELECT COUNT(*) FROM mail_activity")
        left = cr.fetchone()[0]
    print(f"uninstalled: {left} activities left, {others} not the addon's before")
    return 1 if left != others else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "command", choices=("spoil", "check-upgrade", "cadences", "uninstall")
    )
    parser.add_argument("--logfile")
    args = parser.parse_args(argv)
    if args.command == "spoil":
        # the earlier version's database: SQL only, no registry of this one
        odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
        with odoo.sql_db.db_connect(args.database).cursor() as cr:
            spoil(cr)
        return 0
    registry = open_registry(args.config, args.database, args.logfile)
    if args.command == "uninstall":
        return uninstall(registry)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.command == "check-upgrade":
            return check_upgrade(env)
        return cadences(env)


if __name__ == "__main__":
    sys.exit(main())
