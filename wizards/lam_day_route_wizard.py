# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamDayRouteWizard(models.TransientModel):
    """Put one manager's planned visits of one day in a short visiting order."""

    _name = "lam.day.route.wizard"
    _description = "Plan a Day Route"
    _inherit = ["lam.validated.mixin"]

    allowed_user_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_user_ids"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        required=True,
        default=lambda self: self.env.user,
        domain="[('id', 'in', allowed_user_ids)]",
    )
    date = fields.Date(string="Day", required=True, default=fields.Date.context_today)

    # a dependency in the form: the form's first onchange fills every field it
    # shows, and recomputes only those depending on one of them
    @api.depends("user_id")
    @api.depends_context("uid")
    def _compute_allowed_user_ids(self):
        self.allowed_user_ids = self.env.user._lam_reportable_managers()

    @api.constrains("user_id")
    def _check_user_id(self):
        for wizard in self:
            if wizard.user_id not in self.env.user._lam_reportable_managers():
                raise ValidationError(
                    _("You may plan the routes of your own team only.")
                )

    def action_plan(self):
        self.ensure_one()
        return self.env["lam.visit"]._lam_route_action(self.user_id, self.date)
