# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Equipment, oil samples, prospect marks, dealer quotas and PSI reports and
customer stocks have a company (the company rules keep them apart): the
upgrade gave every existing row the default company; each takes the company
of its customer, or else that of the customer's account manager. Their lines
follow the record they hang on.

The scorecard's phone/online figure counts customers now (it counted calls,
which are kept beside it), the share of time in the field counts field days
by default, and a running week or month is in progress: the stored rows are
computed again, from the work they are figures of.

A visit's lateness is measured against the arrival margin before the
appointment (5 minutes early): the stored minutes late are computed again.

Cadence rules count weeks and months in rolling windows by default; the
rules a company made itself keep the calendar periods they were written
with. An archive is overdue when its review cadence is not met: the former
setting of the review interval becomes the quarterly review rule's length.

A lubricant customer belongs to a company (Odoo's multi-company rule on
partners keeps the other companies' users from his archive, chatter and
files): a customer without one takes his manager's, his contacts take his.
A customer already sold to or invoiced by another company stays shared."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

OWN_TABLES = (
    "lam_equipment",
    "lam_oil_sample",
    "lam_prospect_score",
    "lam_dealer_quota",
    "lam_dealer_psi",
    "lam_customer_stock",
)
# line table, its link column, the table it hangs on
LINE_TABLES = (
    ("lam_oil_sample_line", "sample_id", "lam_oil_sample"),
    ("lam_dealer_psi_line", "psi_id", "lam_dealer_psi"),
    ("lam_sales_plan_line", "manager_plan_id", "lam_sales_plan_manager"),
    ("lam_dealer_assessment_line", "assessment_id", "lam_dealer_assessment"),
)


def migrate(cr, version):
    for table in OWN_TABLES:
        cr.execute(
            SQL(
                """
                UPDATE %(table)s AS record
                   SET company_id = COALESCE(partner.company_id, manager.company_id)
                  FROM res_partner AS partner
                  LEFT JOIN res_users AS manager ON manager.id = partner.user_id
                 WHERE partner.id = record.partner_id
                   AND COALESCE(partner.company_id, manager.company_id) IS NOT NULL
                   AND COALESCE(partner.company_id, manager.company_id)
                       IS DISTINCT FROM record.company_id
                """,
                table=SQL.identifier(table),
            )
        )
        _logger.info("%s: %s rows take their customer's company", table, cr.rowcount)
    for table, link, parent in LINE_TABLES:
        cr.execute(
            SQL(
                """
                UPDATE %(table)s AS line
                   SET company_id = parent.company_id
                  FROM %(parent)s AS parent
                 WHERE parent.id = line.%(link)s
                   AND parent.company_id IS DISTINCT FROM line.company_id
                """,
                table=SQL.identifier(table),
                parent=SQL.identifier(parent),
                link=SQL.identifier(link),
            )
        )

    _recompute_scorecard(cr)
    _recompute_lateness(cr)
    _keep_cadence_periods(cr)
    _give_customers_a_company(cr)


def _give_customers_a_company(cr):
    cr.execute(
        """
        WITH target AS (
            SELECT customer.id,
                   COALESCE(manager.company_id,
                            (SELECT MIN(id) FROM res_company)) AS company_id
              FROM res_partner AS customer
              LEFT JOIN res_users AS manager ON manager.id = customer.user_id
             WHERE customer.lam_customer_kind IS NOT NULL
               AND customer.is_company
               AND customer.company_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM res_users WHERE partner_id = customer.id)
        )
        UPDATE res_partner AS partner
           SET company_id = target.company_id
          FROM target
         WHERE partner.commercial_partner_id = target.id
           AND partner.company_id IS NULL
           AND NOT EXISTS (
               SELECT 1 FROM res_users WHERE res_users.partner_id = partner.id)
           AND NOT EXISTS (
               SELECT 1 FROM sale_order AS so
                 JOIN res_partner AS buyer ON buyer.id = so.partner_id
                WHERE buyer.commercial_partner_id = target.id
                  AND so.company_id != target.company_id)
           AND NOT EXISTS (
               SELECT 1 FROM account_move AS move
                 JOIN res_partner AS buyer ON buyer.id = move.partner_id
                WHERE buyer.commercial_partner_id = target.id
                  AND move.company_id != target.company_id)
        """
    )
    _logger.info("%s customers and contacts take their company", cr.rowcount)


def _keep_cadence_periods(cr):
    cr.execute(
        """
        UPDATE lam_cadence_rule
           SET "window" = 'calendar'
         WHERE period_type != 'days'
           AND id NOT IN (SELECT res_id FROM ir_model_data
                           WHERE module = 'lubricant_account_manager'
                             AND model = 'lam.cadence.rule')
        """
    )
    _logger.info("%s cadence rules of the companies keep calendar periods", cr.rowcount)
    cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = 'res_company'
           AND column_name = 'lam_archive_review_months'
        """
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        UPDATE lam_cadence_rule AS rule
           SET period_length = company.lam_archive_review_months
          FROM res_company AS company, ir_model_data AS data
         WHERE company.id = (SELECT MIN(id) FROM res_company)
           AND company.lam_archive_review_months > 0
           AND data.module = 'lubricant_account_manager'
           AND data.name = 'lam_cadence_rule_review_quarterly'
           AND data.res_id = rule.id
           AND rule.period_length != company.lam_archive_review_months
        """
    )


def _recompute_lateness(cr):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Visit = env["lam.visit"]
    visits = Visit.with_context(active_test=False).search(
        [("checkin_time", "!=", False)]
    )
    for fname in ("late_minutes", "is_late", "arrival"):
        env.add_to_compute(Visit._fields[fname], visits)
    env.flush_all()
    _logger.info("lateness of %s visits computed again", len(visits))


def _recompute_scorecard(cr):
    cr.execute("SELECT MIN(date_from), MAX(date_to) FROM lam_scorecard")
    first, last = cr.fetchone()
    if not first:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute("SELECT DISTINCT user_id FROM lam_scorecard")
    users = env["res.users"].browse([row[0] for row in cr.fetchall()]).exists()
    env["lam.scorecard"]._lam_refresh(users, first, last)
    _logger.info("scorecard computed again from %s to %s", first, last)
