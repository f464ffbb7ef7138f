# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import CREDIT_RATINGS, CreditChangeReason
from ..tools.validation import check_vals

ACCOUNTING_GROUPS = "account.group_account_invoice"
# wizard field: partner field it edits
PARTNER_FIELDS = {
    "credit_rating": "lam_credit_rating",
    "credit_limit": "credit_limit",
    "payment_term_id": "property_payment_term_id",
}


class LamCreditChangeWizard(models.TransientModel):
    """Change a customer's credit terms and say why: the reason goes into the credit history."""

    _name = "lam.credit.change.wizard"
    _description = "Change Credit Status"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
    )
    credit_rating = fields.Selection(CREDIT_RATINGS, string="Credit Rating")
    credit_limit = fields.Float(string="Credit Limit", groups=ACCOUNTING_GROUPS)
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Term")
    reason = fields.Char(required=True, help="Why the credit status changes: investigation, overdue payments, ...")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        active_id = context.get("active_id") if context.get("active_model") == "res.partner" else None
        partner = self.env["res.partner"].browse(values.get("partner_id") or active_id)
        if partner:
            self._lam_check_partner(partner)
            values["partner_id"] = partner.id
            values.update({
                name: partner._fields[partner_field].convert_to_write(partner[partner_field], partner)
                for name, partner_field in self._lam_editable_fields().items()
            })
        return values

    @api.model
    def _lam_editable_fields(self):
        """Return {wizard field: partner field} of what this user may change."""
        editable = dict(PARTNER_FIELDS)
        if not self.env.user.has_group(ACCOUNTING_GROUPS):
            del editable["credit_limit"]
        return editable

    @api.model
    def _lam_check_partner(self, partner):
        """Only a lubricant customer the user may read: the wizard would
        otherwise show another manager's customer by its id."""
        partner.check_access("read")
        if not partner.is_company or not partner.lam_customer_kind:
            raise UserError(_("Credit terms are changed on a lubricant customer."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_vals(self, vals)
        wizards = super().create(vals_list)
        for wizard in wizards:
            self._lam_check_partner(wizard.partner_id)
        return wizards

    def _prepare_partner_vals(self):
        self.ensure_one()
        return {
            partner_field: self._fields[name].convert_to_write(self[name], self)
            for name, partner_field in self._lam_editable_fields().items()
        }

    def action_apply(self):
        for wizard in self:
            reason = CreditChangeReason(wizard.reason)
            wizard.partner_id.with_context(lam_credit_reason=reason).write(wizard._prepare_partner_vals())
        return {"type": "ir.actions.act_window_close"}
