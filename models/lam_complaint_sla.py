# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class LamComplaintSla(models.Model):
    """Complaint SLA figures per manager (Art. 20.4: 处理完毕), per month and
    over all time: complaints, resolved, share resolved within the deadline,
    median working hours from received to resolved (percentile_cont: a
    median does not add up, so each row holds its own), open breaches."""

    _name = "lam.complaint.sla"
    _description = "Complaint SLA Analysis"
    _inherit = ["lam.validated.mixin"]
    _auto = False
    _order = "user_id, month"

    user_id = fields.Many2one("res.users", string="Handled By", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period = fields.Selection([("month", "Month"), ("all", "All Time")], readonly=True)
    month = fields.Date(readonly=True)
    complaint_count = fields.Integer(
        string="Complaints", readonly=True, aggregator="sum"
    )
    resolved_count = fields.Integer(string="Resolved", readonly=True, aggregator="sum")
    due_count = fields.Integer(
        string="With a Deadline Reached",
        readonly=True,
        aggregator="sum",
        help="Complaints the manager resolves himself, resolved or past their "
        "deadline.",
    )
    on_time_count = fields.Integer(
        string="Resolved in Time", readonly=True, aggregator="sum"
    )
    on_time_share = fields.Float(
        string="Resolved in Time (%)", readonly=True, aggregator="max", digits=(5, 1)
    )
    median_hours = fields.Float(
        string="Median Working Hours to Resolve",
        readonly=True,
        aggregator="max",
        digits=(8, 1),
    )
    open_breaches = fields.Integer(
        string="Open Past Deadline", readonly=True, aggregator="sum"
    )

    @property
    def _table_query(self):
        return """
            SELECT row_number() OVER (ORDER BY user_id, company_id, month NULLS FIRST)
                AS id, *
              FROM (
                SELECT c.user_id, c.company_id,
                       CASE WHEN GROUPING(date_trunc('month', c.received_at)) = 0 THEN
                           'month' ELSE 'all' END AS period,
                       date_trunc('month', c.received_at)::date AS month,
                       COUNT(*) AS complaint_count,
                       COUNT(*) FILTER (WHERE c.resolved_at IS NOT NULL) AS
                           resolved_count,
                       COUNT(*) FILTER (WHERE c.deadline IS NOT NULL
                                          AND (c.resolved_at IS NOT NULL OR c.deadline <
                                              NOW() AT TIME ZONE 'UTC'))
                           AS due_count,
                       COUNT(*) FILTER (WHERE c.sla_met) AS on_time_count,
                       100.0 * COUNT(*) FILTER (WHERE c.sla_met) / NULLIF(COUNT(*)
                           FILTER (
                           WHERE c.deadline IS NOT NULL
                             AND (c.resolved_at IS NOT NULL OR c.deadline < NOW() AT
                                 TIME ZONE 'UTC')), 0)
                           AS on_time_share,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.working_hours)
                           FILTER (WHERE c.resolved_at IS NOT NULL) AS median_hours,
                       COUNT(*) FILTER (WHERE c.state IN
                                            ('new', 'in_progress', 'escalated')
                                          AND c.deadline < NOW() AT TIME ZONE 'UTC') AS
                                              open_breaches
                  FROM lam_complaint c
                 GROUP BY GROUPING SETS ((c.user_id, c.company_id, date_trunc('month',
                     c.received_at)),
                                         (c.user_id, c.company_id))
              ) figures
        """
