# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models

from .lam_abc_history import GRADE_SELECTION


class LamAbcAnalysis(models.Model):
    """The grades as the last grading left them, one row per customer and
    company: the Pareto curve (cumulative share by rank, in tenths of the
    customers ranked together) and the grade distribution per manager."""

    _name = "lam.abc.analysis"
    _description = "ABC Grade Analysis"
    _auto = False
    _order = "company_id, rank"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Account Manager", readonly=True)
    grade = fields.Selection(GRADE_SELECTION, readonly=True)
    computed_grade = fields.Selection(GRADE_SELECTION, readonly=True)
    pinned = fields.Boolean(readonly=True)
    value = fields.Float(
        string="Volume or Revenue", readonly=True, digits=(16, 3), aggregator="sum"
    )
    share = fields.Float(
        string="Cumulative Share (%)", readonly=True, digits=(5, 2), aggregator="max"
    )
    rank = fields.Integer(readonly=True, aggregator="max")
    rank_tenth = fields.Integer(
        string="Customers Ranked (%)",
        readonly=True,
        aggregator="max",
        help="10: the first tenth of the customers ranked together, 20: the first "
        "fifth...",
    )

    @property
    def _table_query(self):
        return """
            SELECT row_number() OVER (ORDER BY c.id, p.id) AS id,
                   p.id AS partner_id, c.id AS company_id, p.user_id,
                   p.lam_abc_grade->>c.id::text AS grade,
                   p.lam_abc_computed_grade->>c.id::text AS computed_grade,
                   (p.lam_abc_pinned_grade->>c.id::text) IS NOT NULL AS pinned,
                   (p.lam_abc_value->>c.id::text)::float8 AS value,
                   (p.lam_abc_share->>c.id::text)::float8 AS share,
                   (p.lam_abc_rank->>c.id::text)::int AS rank,
                   CEIL(10.0 * (p.lam_abc_rank->>c.id::text)::int / GREATEST(COUNT(*)
                       OVER (
                       PARTITION BY c.id, CASE WHEN c.lam_abc_scope = 'manager' THEN
                           p.user_id END), 1))::int * 10
                       AS rank_tenth
              FROM res_partner p
              JOIN res_company c ON p.lam_abc_rank ? c.id::text
             WHERE p.active AND p.is_company AND p.lam_customer_kind IS NOT NULL
        """
