# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.lam_credit_change_request import (
    CREDIT_TERMS,
    asked_terms,
    current_terms,
)
from ..models.res_partner_credit import CREDIT_RATINGS, CreditChangeReason


class LamCreditChangeWizard(models.TransientModel):
    """Change a customer's credit terms and say why: the reason goes into the
    credit history. Finance, department managers and administrators change
    them directly, without accounting rights: the wizard checks their group
    and writes as the system. For an account manager the wizard makes a
    request that one of them approves or refuses."""

    _name = "lam.credit.change.wizard"
    _description = "Change Credit Status"
    _inherit = ["lam.validated.mixin", "lam.risk.include.mixin"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, readonly=True
    )
    credit_rating = fields.Selection(CREDIT_RATINGS)
    credit_limit = fields.Monetary(currency_field="currency_id")
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms")
    reason = fields.Char(
        required=True,
        help="Why the credit status changes: investigation, overdue payments, ...",
    )

    @api.model
    def default_get(self, fields_list):
        self._lam_check_user()
        values = super().default_get(fields_list)
        context = self.env.context
        active_id = (
            context.get("active_id")
            if context.get("active_model") == "res.partner"
            else None
        )
        partner = self.env["res.partner"].browse(values.get("partner_id") or active_id)
        if partner:
            self._lam_check_partner(partner)
            values["partner_id"] = partner.id
            values.update(current_terms(partner))
        return values

    is_request = fields.Boolean(
        string="Request Only",
        readonly=True,
        default=lambda self: not (
            self.env.su or self.env.user._lam_may_change_credit()
        ),
        help="The user asks for the change; what he may do is checked again when "
        "applying.",
    )

    @api.model
    def _lam_check_user(self):
        user = self.env.user
        if (
            not self.env.su
            and not user._lam_may_change_credit()
            and not user.has_group("lubricant_account_manager.group_lam_user")
        ):
            raise AccessError(
                _(
                    "Credit terms are changed by finance or the department manager; "
                    "an account manager asks them for a change."
                )
            )

    @api.model
    def _lam_check_partner(self, partner):
        """Only a lubricant customer the user may read: the wizard would
        otherwise show another manager's customer by its id."""
        partner.check_access("read")
        if not partner.is_company or not partner.lam_customer_kind:
            raise UserError(_("Credit terms are changed on a lubricant customer."))

    @api.model_create_multi
    def create(self, vals_list):
        self._lam_check_user()
        for vals in vals_list:
            # the values first: the customer they name is read below
            self._lam_check_vals(vals)
            # terms left out keep the customer's current ones (the dialog fills
            # them from its context; a call without it must not clear them)
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            if partner:
                self._lam_check_partner(partner)
                for name, value in current_terms(partner).items():
                    vals.setdefault(name, value)
        wizards = super().create(vals_list)
        for wizard in wizards:
            self._lam_check_partner(wizard.partner_id)
        return wizards

    def write(self, vals):
        if "partner_id" in vals:
            raise UserError(
                _("The customer of a credit change is chosen when it opens.")
            )
        return super().write(vals)

    def action_apply(self):
        self._lam_check_user()
        if not (self.env.su or self.env.user._lam_may_change_credit()):
            return self._lam_request()
        for wizard in self:
            self._lam_check_partner(wizard.partner_id)
            if wizard.credit_limit < 0:
                raise UserError(_("A credit limit cannot be negative."))
            reason = CreditChangeReason(wizard.reason)
            # As the system, after the checks above: finance writes no archive
            # and has no accounting rights, yet changes credit here. The user
            # stays the author of the change in the credit history.
            wizard.partner_id.sudo().with_context(lam_credit_reason=reason).write(
                asked_terms(wizard)
            )
        return {"type": "ir.actions.act_window_close"}

    def _lam_request(self):
        """An account manager's change becomes a request to finance and the department
        manager."""
        for wizard in self:
            wizard.partner_id.check_access("write")
            self.env["lam.credit.change.request"].create(
                {
                    "partner_id": wizard.partner_id.id,
                    **{
                        name: wizard._fields[name].convert_to_write(
                            wizard[name], wizard
                        )
                        for name in CREDIT_TERMS
                    },
                    "reason": wizard.reason,
                }
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "Your request was sent to finance and your department manager."
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
