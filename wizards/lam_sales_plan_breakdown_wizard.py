# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamSalesPlanBreakdownWizard(models.TransientModel):
    """Propose a manager's breakdown per customer: his part of the plan in
    proportion to each customer's purchases of the months before (or his
    forecast where it says more), in whole units adding up to the target."""

    _name = "lam.sales.plan.breakdown.wizard"
    _description = "Propose a Sales Plan Breakdown"
    _inherit = ["lam.validated.mixin"]

    manager_plan_id = fields.Many2one(
        "lam.sales.plan.manager", string="Manager's Part", required=True
    )
    history_months = fields.Integer(
        string="Months of History",
        default=12,
        required=True,
        help="The months before the plan's whose purchases weigh each customer.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.manager_plan_id.check_access("write")
        return wizards

    @api.constrains("history_months")
    def _check_history_months(self):
        if any(not 1 <= wizard.history_months <= 36 for wizard in self):
            raise ValidationError(_("The history counts 1 to 36 months."))

    def action_apply(self):
        self.ensure_one()
        part = self.manager_plan_id
        part.check_access("write")
        part._lam_propose(self.history_months)
        return {"type": "ir.actions.act_window_close"}
