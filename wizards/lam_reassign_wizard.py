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
        domain="[('id', 'in', allowed_user_ids), ('id', '!=', from_user_id)]",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('user_id', '=', from_user_id), ('is_company', '=', True), "
        "('lam_customer_kind', '!=', False)]",
        help="The customers to move; to move all of them, tick All Customers.",
    )
    all_customers = fields.Boolean(
        help="Move every customer of the manager (the list above is then ignored).",
    )
    move_count = fields.Integer(
        string="Customers to Move",
        compute="_compute_move_count",
        help="How many customers the button moves.",
    )

    # a dependency in the form: the form's first onchange fills every field it
    # shows, and recomputes only those depending on one of them
    @api.depends("from_user_id")
    @api.depends_context("uid")
    def _compute_allowed_user_ids(self):
        self.allowed_user_ids = self._lam_allowed_managers()

    @api.model
    def _lam_allowed_managers(self):
        """Administrators move customers between any account managers; a
        department manager between the members of the teams he leads (himself
        only if he is one of them)."""
        user = self.env.user
        managers = user._lam_reportable_managers()
        if user.has_group("lubricant_account_manager.group_lam_admin"):
            return managers
        return managers & user.lam_team_user_ids

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

    def _lam_chosen_customers(self):
        """The customers chosen, every one of them readable by the user: one he
        may not read is refused, never dropped (an empty list is not "all")."""
        # as the system: the ids really chosen, including those the rules hide
        chosen = self.sudo().partner_ids
        if not chosen:
            raise UserError(_("Choose the customers to move, or tick All Customers."))
        readable = self.env["res.partner"].search([("id", "in", chosen.ids)])
        # as the system: compare the records, not what the user may read of them
        if chosen - readable.sudo():
            raise AccessError(_("You may only move customers you can see."))
        return readable

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

    @api.depends("from_user_id", "all_customers", "partner_ids")
    def _compute_move_count(self):
        for wizard in self:
            if wizard.all_customers:
                wizard.move_count = len(wizard._lam_customers_to_move())
            else:
                wizard.move_count = len(
                    wizard.partner_ids.filtered(
                        lambda partner, wizard=wizard: partner.user_id
                        == wizard.from_user_id
                    )
                )

    def _lam_customers_to_move(self):
        self.ensure_one()
        if not self.from_user_id:
            return self.env["res.partner"]
        if self.all_customers:
            customers = self.env["res.partner"].search(
                [
                    ("user_id", "=", self.from_user_id.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ]
            )
        else:
            customers = self._lam_chosen_customers()
        return customers.filtered(lambda partner: partner.user_id == self.from_user_id)

    def action_reassign(self):
        self.ensure_one()
        self._lam_check_user()
        allowed = self._lam_allowed_managers()
        if self.from_user_id not in allowed or self.to_user_id not in allowed:
            raise AccessError(_("You reassign between the managers of your own team."))
        if self.from_user_id == self.to_user_id:
            raise UserError(_("Choose another manager to move the customers to."))
        customers = self._lam_customers_to_move()
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
