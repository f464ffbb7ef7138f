# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Values an earlier version of the addon accepted and this one refuses,
brought within this version's ranges and constraints before its models load
(migrations/18.0.1.12.0/pre-migrate.py): in SQL, every change logged with the
record and the value it had, so that an upgrade neither aborts on them nor
leaves a constraint out."""

import logging

from odoo.tools import SQL

from .validation import DATE_MAX, DATE_MIN, MAX_CHANGE_INTERVAL_DAYS

_logger = logging.getLogger(__name__)


def repair_all(cr):
    """Every repair below; the number of values changed."""
    return repair_dates(cr) + repair_change_intervals(cr) + merge_sales_plan_lines(cr)


def _date_columns(cr):
    """(table, column, nullable) of the addon's date and datetime columns:
    every one of its tables (lam_*), and its columns (lam_*) of Odoo's."""
    cr.execute(
        r"""
        SELECT c.table_name, c.column_name, c.is_nullable = 'YES'
          FROM information_schema.columns c
          JOIN information_schema.tables t
            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema()
           AND t.table_type = 'BASE TABLE'
           AND c.data_type IN ('date', 'timestamp without time zone')
           AND (c.table_name LIKE 'lam\_%' OR c.column_name LIKE 'lam\_%')
           AND c.column_name NOT IN ('create_date', 'write_date')
         ORDER BY 1, 2
        """
    )
    return cr.fetchall()


def repair_dates(cr):
    """Dates outside DATE_MIN-DATE_MAX (a year 9999 typed for 2026): cleared
    where a date may be empty, else brought to the nearest bound."""
    changed = 0
    for table, column, nullable in _date_columns(cr):
        old = SQL.identifier("old", column)
        value = (
            SQL("NULL")
            if nullable
            else SQL("LEAST(GREATEST(%s, %s), %s)", old, DATE_MIN, DATE_MAX)
        )
        # one statement: the new value set, the old one returned for the log
        cr.execute(
            SQL(
                "UPDATE %(table)s SET %(column)s = %(value)s FROM %(table)s old "
                "WHERE old.id = %(table)s.id "
                "AND (%(old)s < %(min)s OR %(old)s >= %(max)s + 1) "
                "RETURNING %(table)s.id, %(old)s",
                table=SQL.identifier(table),
                column=SQL.identifier(column),
                value=value,
                old=old,
                min=DATE_MIN,
                max=DATE_MAX,
            )
        )
        rows = sorted(cr.fetchall())
        for record_id, old_value in rows:
            _logger.warning(
                "%s %s: %s %s is out of range (%s to %s), %s",
                table,
                record_id,
                column,
                old_value,
                DATE_MIN,
                DATE_MAX,
                "cleared" if nullable else "brought to the nearest bound",
            )
        changed += len(rows)
    return changed


def _table_exists(cr, table):
    cr.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
    return cr.fetchone()[0]


def repair_change_intervals(cr):
    """Oil change intervals over ten years (lam.equipment's constraint
    change_interval_bounded)."""
    if not _table_exists(cr, "lam_equipment"):
        return 0
    cr.execute(
        """
        UPDATE lam_equipment
           SET change_interval_days = %(max)s
          FROM lam_equipment old
         WHERE old.id = lam_equipment.id
           AND old.change_interval_days > %(max)s
     RETURNING lam_equipment.id, old.change_interval_days
        """,
        {"max": MAX_CHANGE_INTERVAL_DAYS},
    )
    rows = cr.fetchall()
    for record_id, old in rows:
        _logger.warning(
            "lam_equipment %s: an oil change every %s days is over the %s days "
            "allowed, set to %s",
            record_id,
            old,
            MAX_CHANGE_INTERVAL_DAYS,
            MAX_CHANGE_INTERVAL_DAYS,
        )
    return len(rows)


def merge_sales_plan_lines(cr):
    """A customer has one line in a manager's part of a sales plan: a second
    line adds its target and the customer's own plan to the first and goes."""
    if not _table_exists(cr, "lam_sales_plan_line"):
        return 0
    cr.execute(
        """
        WITH dup AS (
            SELECT id, manager_plan_id, partner_id, target, customer_plan,
                   MIN(id) OVER (PARTITION BY manager_plan_id, partner_id) AS keep
              FROM lam_sales_plan_line
        ), added AS (
            SELECT keep, SUM(COALESCE(target, 0)) AS target,
                   SUM(COALESCE(customer_plan, 0)) AS customer_plan,
                   ARRAY_AGG(id ORDER BY id) FILTER (WHERE id <> keep) AS gone
              FROM dup
             GROUP BY keep
            HAVING COUNT(*) > 1
        ), merged AS (
            UPDATE lam_sales_plan_line line
               SET target = added.target, customer_plan = added.customer_plan
              FROM added
             WHERE line.id = added.keep
         RETURNING line.id, added.gone
        )
        SELECT id, gone FROM merged ORDER BY id
        """
    )
    rows = cr.fetchall()
    gone = [line_id for _keep, ids in rows for line_id in ids]
    if gone:
        cr.execute("DELETE FROM lam_sales_plan_line WHERE id = ANY(%s)", [gone])
    for keep, ids in rows:
        _logger.warning(
            "lam_sales_plan_line %s: lines %s of the same customer in the same "
            "manager's part merged into it (targets and plans added)",
            keep,
            ids,
        )
    return len(gone)
