# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

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
    _inherit = ["lam.work.record.mixin", "lam.volume.mixin"]
    _lam_volume_fields = ("expected_volume",)
    _order = "plan_id, sequence, planned_date, id"
    # A plan line hangs on its customer directly, and on its plan's author.
    _lam_customer_link = "partner_id"

    plan_id = fields.Many2one("lam.plan", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        related="plan_id.user_id",
        store=True,
        precompute=True,
        default=None,
        string="Plan Author",
    )
    sequence = fields.Integer(default=10)
    action = fields.Char(required=True, help="What you will do with this customer.")
    planned_date = fields.Date()
    expected_volume = fields.Float(
        digits="Lubricant Volume",
        help="In the reference unit.",
    )
    quadrant = fields.Selection(
        QUADRANTS, string="Importance / Urgency", default="important"
    )
    done = fields.Boolean()
    note = fields.Char()

    _sql_constraints = [
        (
            "expected_volume_not_negative",
            "CHECK(COALESCE(expected_volume, 0) >= 0)",
            "An expected volume cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # a line is written in a plan one may write, before it is submitted
        lines._lam_check_plan_open()
        return lines

    def write(self, vals):
        # once the plan is submitted, its author only ticks what was done
        self._lam_check_plan_open(set(vals) - {"done", "note", "sequence"})
        result = super().write(vals)
        if "plan_id" in vals:
            self._lam_check_plan_open()
        return result

    def unlink(self):
        self._lam_check_plan_open()
        return super().unlink()

    def _lam_check_plan_open(self, changes=True):
        plans = self.plan_id
        plans.check_access("write")
        if (
            changes
            and not self.env.su
            and plans.filtered(lambda plan: plan.state != "draft")
        ):
            raise UserError(
                _(
                    "A submitted plan keeps its lines: only whether each was done "
                    "changes."
                )
            )

    @api.constrains("planned_date", "plan_id")
    def _check_planned_date(self):
        for line in self.filtered("planned_date"):
            plan = line.plan_id
            if not plan.date_from <= line.planned_date <= plan.date_to:
                raise ValidationError(
                    _(
                        "%(customer)s: the planned date %(date)s is outside the period "
                        "planned (%(start)s to %(end)s).",
                        # as the system: the customer's name in the message, whoever may
                        # read it
                        customer=line.partner_id.sudo().name,
                        date=line.planned_date,
                        start=plan.date_from,
                        end=plan.date_to,
                    )
                )
