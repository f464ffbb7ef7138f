# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models

from .res_partner_credit import CREDIT_RATINGS


class LamCreditEvent(models.Model):
    """One change of a customer's credit terms: an audit trail written by the
    system (res.partner.write), never by hand, and never deleted with the customer."""

    _name = "lam.credit.event"
    _description = "Credit Status Change"
    _inherit = ["lam.customer.record.mixin"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(ondelete="restrict")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
        help="Credit limits and payment terms are set per company: the company this "
        "change applies to.",
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    changed_by_id = fields.Many2one(
        "res.users",
        string="Changed By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    old_rating = fields.Selection(CREDIT_RATINGS, readonly=True)
    new_rating = fields.Selection(CREDIT_RATINGS, readonly=True)
    old_limit = fields.Float(string="Old Credit Limit", readonly=True)
    new_limit = fields.Float(string="New Credit Limit", readonly=True)
    old_payment_term_id = fields.Many2one(
        "account.payment.term", string="Old Payment Term", readonly=True
    )
    new_payment_term_id = fields.Many2one(
        "account.payment.term", string="New Payment Term", readonly=True
    )
    risk_changes = fields.Json(
        readonly=True,
        help="The risk settings changed: {field: [old value, new value]}.",
    )
    reason = fields.Char(readonly=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested By",
        readonly=True,
        help="The account manager whose request was approved.",
    )
    summary = fields.Char(compute="_compute_summary")

    @api.depends(
        "old_rating",
        "new_rating",
        "old_limit",
        "new_limit",
        "old_payment_term_id",
        "new_payment_term_id",
        "risk_changes",
    )
    def _compute_summary(self):
        ratings = dict(self._fields["new_rating"]._description_selection(self.env))
        empty = _("none")
        for event in self:
            parts = []
            if event.old_rating != event.new_rating:
                parts.append(
                    _(
                        "rating %(old)s → %(new)s",
                        old=ratings.get(event.old_rating, empty),
                        new=ratings.get(event.new_rating, empty),
                    )
                )
            if event.old_limit != event.new_limit:
                currency = event.company_id.currency_id
                parts.append(
                    _(
                        "limit %(old)s → %(new)s",
                        old=currency.format(event.old_limit),
                        new=currency.format(event.new_limit),
                    )
                )
            if event.old_payment_term_id != event.new_payment_term_id:
                parts.append(
                    _(
                        "payment term %(old)s → %(new)s",
                        old=event.old_payment_term_id.name or empty,
                        new=event.new_payment_term_id.name or empty,
                    )
                )
            parts += event._lam_risk_change_parts()
            reason = event.reason or _("changed on the customer form")
            event.summary = "; ".join(parts) + f" ({reason})"

    def _lam_risk_change_parts(self):
        """The risk settings changed, in the reader's language."""
        self.ensure_one()
        Partner = self.env["res.partner"]

        def shown(field, value):
            if field.type == "boolean":
                return _("yes") if value else _("no")
            if value is False or value is None:
                return _("none")
            if field.type == "selection":
                return dict(field._description_selection(self.env)).get(value, value)
            if field.type == "many2one":
                return self.env[field.comodel_name].browse(value).display_name
            if field.type == "date":
                return value
            return self.company_id.currency_id.format(value or 0.0)

        parts = []
        for fname, (old, new) in sorted((self.risk_changes or {}).items()):
            field = Partner._fields.get(fname)
            if field is None:
                continue  # a setting of a module uninstalled since
            parts.append(
                _(
                    "%(setting)s %(old)s → %(new)s",
                    setting=field._description_string(self.env),
                    old=shown(field, old),
                    new=shown(field, new),
                )
            )
        return parts

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for event in self:
            event.display_name = _(
                "%(customer)s: credit change of %(date)s",
                customer=event.partner_id.name or "",
                date=fields.Date.to_string(
                    fields.Datetime.context_timestamp(event, event.date).date()
                )
                if event.date
                else "",
            )
