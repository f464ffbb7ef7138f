# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models

from ..models.res_partner import CREDIT_RATINGS

ACCOUNTING_GROUPS = "account.group_account_invoice"


class LamCreditChangeWizard(models.TransientModel):
    """Change a customer's credit terms and say why: the reason goes into the credit history."""

    _name = "lam.credit.change.wizard"
    _description = "Change Credit Status"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True, readonly=True)
    credit_rating = fields.Selection(CREDIT_RATINGS, string="Credit Rating")
    credit_limit = fields.Float(string="Credit Limit", groups=ACCOUNTING_GROUPS)
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Term")
    reason = fields.Char(required=True, help="Why the credit status changes: investigation, overdue payments, ...")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        partner = self.env["res.partner"].browse(values.get("partner_id") or self.env.context.get("active_id"))
        if partner:
            values.update({
                "partner_id": partner.id,
                "credit_rating": partner.lam_credit_rating,
                "payment_term_id": partner.property_payment_term_id.id,
            })
            if self.env.user.has_group(ACCOUNTING_GROUPS):
                values["credit_limit"] = partner.credit_limit
        return values

    def _prepare_partner_vals(self):
        self.ensure_one()
        vals = {
            "lam_credit_rating": self.credit_rating,
            "property_payment_term_id": self.payment_term_id.id,
        }
        if self.env.user.has_group(ACCOUNTING_GROUPS):
            vals["credit_limit"] = self.credit_limit
        return vals

    def action_apply(self):
        for wizard in self:
            wizard.partner_id.with_context(lam_credit_reason=wizard.reason).write(wizard._prepare_partner_vals())
        return {"type": "ir.actions.act_window_close"}
