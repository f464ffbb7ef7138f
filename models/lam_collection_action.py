# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class LamCollectionAction(models.Model):
    """催收 (Art. 13.7): what was done to collect an invoice, by the account
    manager or finance: the action, the customer's promise, the result."""

    _name = "lam.collection.action"
    _description = "Collection Action"
    _inherit = ["lam.customer.record.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _lam_customer_link = "receivable_id"

    receivable_id = fields.Many2one(
        "lam.receivable",
        string="Invoice",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="receivable_id.company_id", store=True, index=True, string="Company"
    )
    partner_id = fields.Many2one(
        related="receivable_id.partner_id",
        store=True,
        precompute=True,
        required=False,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users", string="Done By", default=lambda self: self.env.user, readonly=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    action = fields.Selection(
        string="Collection Method",
        selection=[
            ("call", "Phone Call"),
            ("visit", "Visit"),
            ("letter", "Reminder Letter"),
            ("statement", "Statement Sent"),
            ("legal", "Legal Notice"),
            ("other", "Other"),
        ],
        required=True,
        default="call",
    )
    description = fields.Text(string="What Was Done", required=True)
    promise_date = fields.Date(string="Promised Payment Date")
    promised_amount = fields.Float(digits="Account")
    result = fields.Text(string="Outcome")
    _lam_system_fields = ("user_id",)

    @api.depends("receivable_id", "action", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["action"]._description_selection(self.env))
        for record in self:
            record.display_name = _(
                "%(invoice)s: %(action)s of %(date)s",
                invoice=record.receivable_id.sudo().display_name or "",
                action=labels.get(record.action, ""),
                date=record.date or "",
            )

    def write(self, vals):
        if "receivable_id" in vals and not self.env.su:
            raise AccessError(
                _("A collection action stays on the invoice it was recorded on.")
            )
        return super().write(vals)

    def _lam_check_customer_access(self):
        """Finance records collection actions on any invoice it reads; an account
        manager on the invoices of the customers he may work on."""
        self.receivable_id.check_access("read")
        if self.env.su or not self.env.user.has_group(
            "lubricant_account_manager.group_lam_finance"
        ):
            return super()._lam_check_customer_access()
        return None

    @api.constrains("date", "promise_date", "promised_amount")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for action in self:
            if action.date > today:
                raise ValidationError(
                    _("A collection action is recorded once done: today or before.")
                )
            if action.promise_date and action.promise_date < action.date:
                raise ValidationError(_("A payment is promised for after the action."))
            if action.promised_amount < 0:
                raise ValidationError(_("A promised amount cannot be negative."))
