# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class LamReassignWizard(models.TransientModel):
    """Move customers to another account manager (a manager leaves, territories
    change) with their open work: open activities, planned visits, expansion
    plans in progress. Work done (visits, calls, logs, past plans) keeps its
    doer; plan lines stay in their author's plan."""

    _name = "lam.reassign.wizard"
    _description = "Reassign Customers"
    _inherit = ["lam.validated.mixin"]

    allowed_user_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_user_ids"
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="From",
        required=True,
        domain="[('id', 'in', allowed_user_ids)]",
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="To",
        required=True,
        domain="[('id', 'in', allowed_user_ids)]",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('user_id', '=', from_user_id), ('is_company', '=', True), "
        "('lam_customer_kind', '!=', False)]",
        help="Leave empty to move all the customers of the manager.",
    )

    @api.depends_context("uid")
    def _compute_allowed_user_ids(self):
        self.allowed_user_ids = self.env.user._lam_reportable_managers()

    @api.model
    def default_get(self, fields_list):
        self._lam_check_user()
        values = super().default_get(fields_list)
        if self.env.context.get(
            "active_model"
        ) == "res.partner" and self.env.context.get("active_ids"):
            partners = (
                self.env["res.partner"]
                .browse(self.env.context["active_ids"])
                .filtered("lam_customer_kind")
            )
            values["partner_ids"] = [(6, 0, partners.ids)]
            if len(partners.user_id) == 1:
                values["from_user_id"] = partners.user_id.id
        return values

    @api.model
    def _lam_check_user(self):
        if not self.env.user.has_group(
            "lubricant_account_manager.group_lam_department_manager"
        ):
            raise AccessError(
                _(
                    "Customers are reassigned by a department manager or an "
                    "administrator."
                )
            )

    def action_reassign(self):
        self.ensure_one()
        self._lam_check_user()
        allowed = self.env.user._lam_reportable_managers()
        if self.from_user_id not in allowed or self.to_user_id not in allowed:
            raise AccessError(_("You reassign between the managers of your own team."))
        if self.from_user_id == self.to_user_id:
            raise UserError(_("Choose another manager to move the customers to."))
        customers = self.partner_ids or self.env["res.partner"].search(
            [
                ("user_id", "=", self.from_user_id.id),
                ("is_company", "=", True),
                ("lam_customer_kind", "!=", False),
            ]
        )
        customers = customers.filtered(
            lambda partner: partner.user_id == self.from_user_id
        )
        if not customers:
            raise UserError(
                _("%(user)s has no customer to move.", user=self.from_user_id.name)
            )
        customers._lam_reassign(self.from_user_id, self.to_user_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "%(count)s customers moved to %(user)s.",
                    count=len(customers),
                    user=self.to_user_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
