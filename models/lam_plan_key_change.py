# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .lam_abc_history import GRADE_SELECTION


class LamPlanKeyChange(models.Model):
    """An A or B customer whose month moved (Art. 22.1): his volume in the
    month of a monthly summary against his monthly average of the grading's
    look-back, when they differ by more than the company's share. The
    system lists them (P4); the manager writes the reason, required before
    the summary is submitted."""

    _name = "lam.plan.key.change"
    _description = "Key Customer Volume Change"
    _inherit = ["lam.validated.mixin", "lam.volume.mixin"]
    _lam_volume_fields = ("volume", "average")
    _order = "plan_id, change, id"

    plan_id = fields.Many2one(
        "lam.plan", required=True, readonly=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        related="plan_id.user_id", store=True, index=True, string="Account Manager"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True
    )
    grade = fields.Selection(GRADE_SELECTION, readonly=True)
    volume = fields.Float(
        string="Volume of the Month", digits="Lubricant Volume", readonly=True
    )
    average = fields.Float(
        string="Monthly Average", digits="Lubricant Volume", readonly=True
    )
    change = fields.Float(string="Change (%)", digits=(12, 1), readonly=True)
    reason = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(_("The key customers' changes are listed by the system."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"reason"}:
                raise UserError(
                    _("Only the reason of a key customer's change is written.")
                )
            if self.plan_id.filtered(lambda plan: plan.state == "done"):
                raise UserError(_("A submitted summary is kept as it was submitted."))
        return super().write(vals)

    @api.depends("partner_id", "change")
    def _compute_display_name(self):
        for change in self:
            change.display_name = _(
                "%(customer)s: %(change)+.1f %%",
                # as the system: the customer's name, for a reader of the plan
                customer=change.partner_id.sudo().name or "",
                change=change.change,
            )
