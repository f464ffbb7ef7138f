# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models

QUADRANTS = [
    ("important_urgent", "Important and Urgent"),
    ("important", "Important, Not Urgent"),
    ("urgent", "Urgent, Not Important"),
    ("other", "Neither"),
]


class LamPlanLine(models.Model):
    """One customer in a plan: what to do, when, what volume to expect, and
    how important and urgent it is (Art. 18)."""

    _name = "lam.plan.line"
    _description = "Plan Line"
    _inherit = ["lam.work.record.mixin"]
    _order = "plan_id, sequence, planned_date, id"
    # A plan line hangs on its customer directly, and on its plan's author.
    _lam_customer_link = "partner_id"

    plan_id = fields.Many2one("lam.plan", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True, precompute=True, default=None, string="Plan Author")
    sequence = fields.Integer(default=10)
    action = fields.Char(string="Action", required=True, help="What you will do with this customer.")
    planned_date = fields.Date(string="Planned Date")
    expected_volume = fields.Float(string="Expected Volume", digits="Lubricant Volume",
                                   help="In the reference unit.")
    quadrant = fields.Selection(QUADRANTS, string="Importance / Urgency", default="important")
    done = fields.Boolean(string="Done")
    note = fields.Char()

    _sql_constraints = [
        ("expected_volume_not_negative", "CHECK(COALESCE(expected_volume, 0) >= 0)",
         "An expected volume cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.plan_id.check_access("write")  # a line is written in a plan one may write
        return lines

    def write(self, vals):
        self.plan_id.check_access("write")
        result = super().write(vals)
        if "plan_id" in vals:
            self.plan_id.check_access("write")
        return result
