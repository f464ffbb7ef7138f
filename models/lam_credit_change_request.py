# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .res_partner_credit import CREDIT_RATINGS, CreditChangeReason

# the credit terms a change sets (field of the request and of the wizard:
# field of the customer)
CREDIT_TERMS = {
    "credit_rating": "lam_credit_rating",
    "credit_limit": "credit_limit",
    "payment_term_id": "property_payment_term_id",
    "risk_sale_order_include": "risk_sale_order_include",
    "risk_invoice_draft_include": "risk_invoice_draft_include",
    "risk_invoice_open_include": "risk_invoice_open_include",
    "risk_invoice_unpaid_include": "risk_invoice_unpaid_include",
}


def current_terms(partner):
    """{term: the customer's current value}, as a request or the wizard holds it."""
    # as the system: the credit limit and terms are accountants' fields
    current = partner.sudo()
    return {
        name: current._fields[partner_field].convert_to_write(
            current[partner_field], current
        )
        for name, partner_field in CREDIT_TERMS.items()
    }


def asked_terms(record):
    """{customer's field: value} of the terms a request or the wizard sets."""
    return {
        partner_field: record._fields[name].convert_to_write(record[name], record)
        for name, partner_field in CREDIT_TERMS.items()
    }


class LamCreditChangeRequest(models.Model):
    """An account manager's request to change a customer's credit rating,
    limit or payment term, with his reason: finance or the department
    manager applies it (the credit history names both) or refuses it with a
    reason; both steps notify."""

    _name = "lam.credit.change.request"
    _description = "Credit Change Request"
    _inherit = [
        "lam.customer.record.mixin",
        "lam.approval.mixin",
        "lam.risk.include.mixin",
    ]
    _order = "create_date desc, id desc"
    _lam_decision_activity = (
        "lubricant_account_manager.mail_activity_type_lam_credit_change"
    )
    _lam_system_fields = (
        "state",
        "requested_by_id",
        "decided_by_id",
        "decided_on",
        "company_id",
        "previous_credit_rating",
        "previous_credit_limit",
        "previous_payment_term_id",
    )

    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    credit_rating = fields.Selection(CREDIT_RATINGS)
    credit_limit = fields.Monetary()
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms")
    # the customer's terms when the change was asked: shown beside the asked ones
    previous_credit_rating = fields.Selection(
        CREDIT_RATINGS, string="Current Credit Rating", readonly=True
    )
    previous_credit_limit = fields.Monetary(
        string="Current Credit Limit", readonly=True
    )
    previous_payment_term_id = fields.Many2one(
        "account.payment.term", string="Current Payment Terms", readonly=True
    )
    reason = fields.Char(required=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        readonly=True,
    )

    @api.depends("partner_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = _(
                "Credit change of %(customer)s", customer=request.partner_id.name or ""
            )

    @api.constrains("credit_limit")
    def _check_credit_limit(self):
        if any(request.credit_limit < 0 for request in self):
            raise ValidationError(_("A credit limit cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        previous = []
        for vals in vals_list:
            # the values first: the customer they name is read below
            self._lam_check_vals(vals)
            # terms left out keep the customer's current ones
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            current = current_terms(partner) if partner.exists() else {}
            for name, value in current.items():
                vals.setdefault(name, value)
            previous.append(
                {
                    f"previous_{name}": current.get(name)
                    for name in ("credit_rating", "credit_limit", "payment_term_id")
                }
            )
        requests = super().create(vals_list)
        for request, terms in zip(requests, previous, strict=True):
            # as the system: the terms of the day are the request's own record
            request.sudo().write(terms)
        for request in requests:
            request._lam_notify_deciders(
                Markup("<p>%s</p>")
                % _(
                    "%(user)s asks to change the credit terms of %(customer)s: "
                    "%(reason)s",
                    user=request.requested_by_id.name,
                    customer=request.partner_id.name,
                    reason=request.reason,
                ),
                _("Credit change of %(customer)s", customer=request.partner_id.name),
            )
        return requests

    def _lam_deciders(self):
        department = self.partner_id.user_id._lam_department_managers()
        return department | self._lam_finance_users()

    def _lam_is_decider(self):
        return self.env.user._lam_may_change_credit()

    def _lam_decider_error(self):
        return AccessError(
            _("Finance or the department manager decides a credit change.")
        )

    def _lam_check_terms_unchanged(self):
        """An approval binds the terms the request was asked against: when the
        customer's rating, limit or payment terms changed since (another
        request approved, finance's own change), approving it would undo that
        change unseen; it is refused, to be asked again (a refusal stays
        possible)."""
        for request in self:
            current = current_terms(request.partner_id)
            previous = {
                name: request._fields[f"previous_{name}"].convert_to_write(
                    request[f"previous_{name}"], request
                )
                for name in ("credit_rating", "credit_limit", "payment_term_id")
            }
            changed = [
                name
                for name, value in previous.items()
                if (
                    float_compare(value or 0.0, current[name] or 0.0, 2)
                    if name == "credit_limit"
                    else (value or False) != (current[name] or False)
                )
            ]
            if changed:
                raise UserError(
                    _(
                        "%(request)s: the credit terms of %(customer)s changed since "
                        "it was asked (%(terms)s). Refuse it and ask again from the "
                        "customer's terms of today.",
                        request=request.display_name,
                        customer=request.partner_id.name,
                        terms=", ".join(
                            request._fields[name].get_description(request.env)["string"]
                            for name in changed
                        ),
                    )
                )

    def _lam_apply_approval(self):
        """Apply the requested terms; the credit history names the requester."""
        self._lam_check_terms_unchanged()
        for request in self:
            reason = CreditChangeReason(request.reason)
            reason.requested_by = request.requested_by_id
            vals = asked_terms(request)
            # as the system: the credit fields are accountants'; the decider's
            # right was checked in _lam_check_decision()
            request.partner_id.sudo().with_company(request.company_id).with_context(
                lam_credit_reason=reason
            ).write(vals)
