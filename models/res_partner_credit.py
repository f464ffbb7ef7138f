# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The customer's credit terms, their history and who may change them."""

import datetime

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .res_partner import ARCHIVE_GROUPS

CREDIT_GROUPS = ARCHIVE_GROUPS
CREDIT_RATINGS = [
    ("aaa", "AAA"),
    ("aa", "AA"),
    ("a", "A"),
    ("b", "B"),
    ("c", "C"),
]


class CreditChangeReason(str):
    """A reason typed in the credit change wizard. The credit history takes
    its reason only from an object of this class in the context, which no
    RPC call (JSON) can build: a reason cannot be forged. ``requested_by``:
    the account manager whose request was approved, if any."""

    requested_by = None


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The exposure of a lubricant customer (OCA's financial risk): draft, open
    # and unpaid invoices, and confirmed orders not invoiced yet; set on a new
    # customer.
    _lam_risk_includes = (
        "risk_invoice_draft_include",
        "risk_invoice_open_include",
        "risk_invoice_unpaid_include",
        "risk_sale_order_include",
    )

    # Fields the credit history follows (lam.credit.event).
    _lam_credit_fields = (
        "credit_limit",
        "property_payment_term_id",
        "lam_credit_rating",
    )
    # OCA's risk settings: credit terms too, changed by those who change the
    # limit (switched off, they let an order past the hold)
    _lam_risk_setting_fields = (
        "risk_sale_order_include",
        "risk_sale_order_limit",
        "risk_invoice_draft_include",
        "risk_invoice_draft_limit",
        "risk_invoice_open_include",
        "risk_invoice_open_limit",
        "risk_invoice_unpaid_include",
        "risk_invoice_unpaid_limit",
        "risk_account_amount_include",
        "risk_account_amount_limit",
        "risk_account_amount_unpaid_include",
        "risk_account_amount_unpaid_limit",
        "credit_currency",
        "manual_credit_currency_id",
        "credit_policy",
        "show_financial_risk_in_portal",
        "trust",
    )
    # credit terms that follow the limit, not logged on their own
    _lam_credit_followers = ("date_credit_limit",)
    lam_currency_id = fields.Many2one(
        "res.currency", compute="_compute_lam_credit_terms"
    )
    lam_credit_limit = fields.Monetary(
        string="Credit Limit",
        currency_field="lam_currency_id",
        compute="_compute_lam_credit_terms",
        groups=ARCHIVE_GROUPS,
        help="The credit limit set on this customer in the current company.",
    )
    lam_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Payment Terms",
        compute="_compute_lam_credit_terms",
        groups=ARCHIVE_GROUPS,
    )
    # --- credit
    lam_credit_rating = fields.Selection(
        CREDIT_RATINGS, string="Credit Rating", groups=CREDIT_GROUPS, copy=False
    )
    lam_is_credit_customer = fields.Boolean(
        string="Credit Customer",
        compute="_compute_lam_is_credit_customer",
        search="_search_lam_is_credit_customer",
        groups=ARCHIVE_GROUPS,
        help="In the current company: credit terms of his own (a credit limit, or a "
        "payment term longer than immediate) and a purchase in the grading look-back "
        "or an open balance; or a balance past due.",
    )
    lam_credit_event_ids = fields.One2many(
        "lam.credit.event", "partner_id", string="Credit History", groups=CREDIT_GROUPS
    )

    @api.depends("credit_limit", "property_payment_term_id")
    @api.depends_context("company")
    def _compute_lam_credit_terms(self):
        # Read as superuser: the limit is an accountant's field, shown here read-only
        # to the account manager, the department manager and finance.
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(
            self.sudo()
        )
        for partner in self:
            # as the system: the limit and terms are accountants' fields, shown read-
            # only here
            accounting = partner.sudo()
            partner.lam_currency_id = self.env.company.currency_id
            partner.lam_credit_limit = (
                accounting.credit_limit if accounting.credit_limit != fallback else 0.0
            )
            partner.lam_payment_term_id = accounting.property_payment_term_id

    @api.depends("credit_limit", "property_payment_term_id")
    @api.depends_context("company")
    def _compute_lam_is_credit_customer(self):
        # as the system: "buys on credit" is every account manager's business, the
        # terms, orders and balances it reads are not
        credit = set(
            self.sudo()
            .with_context(active_test=False)
            ._search(
                [
                    ("id", "in", self._origin.ids),
                    ("id", "in", self._lam_credit_customer_query()),
                ]
            )
            .get_result_ids()
        )
        for partner in self:
            partner.lam_is_credit_customer = partner._origin.id in credit

    def _search_lam_is_credit_customer(self, operator, value):
        self._lam_check_search_access("lam_is_credit_customer")
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Credit customers can only be searched as set or not set.")
            )
        credit = self._lam_credit_customer_query()
        return [("id", "in" if (operator == "=") == value else "not in", credit)]

    @api.model
    def _lam_credit_terms_query(self):
        """The partners with credit terms of their own in the current company:
        a credit limit set on them (not the company-wide default every partner
        falls back on) or a payment term longer than immediate."""
        # as the system: the limits and terms are accountants' fields
        Partner = self.sudo().with_context(active_test=False)
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(Partner)
        return Partner._search(
            [
                "|",
                "&",
                ("credit_limit", "!=", fallback),
                ("credit_limit", ">", 0),
                ("property_payment_term_id.line_ids.nb_days", ">", 0),
            ]
        )

    @api.model
    def _lam_credit_customer_query(self):
        """The partners buying on credit in the current company (Art. 13.7,
        22.5), one definition for the cadences, the scorecard and P8: credit
        terms of their own (a limit set on them, not the company-wide default,
        or a payment term longer than immediate) and something to follow (a
        purchase in the grading look-back or an open balance); or a balance
        past due, whatever the terms."""
        # as the system: the limits, terms, orders and balances are accountants'
        Partner = self.sudo().with_context(active_test=False)
        company = self.env.company
        terms = self._lam_credit_terms_query()
        today = fields.Date.context_today(self)
        orders = (
            self.env["sale.order"]
            .sudo()
            ._search(
                [
                    ("state", "=", "sale"),
                    ("company_id", "=", company.id),
                    (
                        "date_order",
                        ">=",
                        today - relativedelta(months=company.lam_abc_months),
                    ),
                ]
            )
        )
        buyers = Partner._search([("id", "in", orders.subselect("partner_id"))])
        balance = [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("amount_residual", "!=", 0),
        ]
        Line = self.env["account.move.line"].sudo()
        owing = Line._search(balance).subselect("partner_id")
        overdue = Line._search(balance + [("date_maturity", "<", today)])
        return Partner._search(
            [
                "|",
                "&",
                ("id", "in", terms),
                "|",
                ("id", "in", buyers.subselect("commercial_partner_id")),
                ("id", "in", owing),
                ("id", "in", overdue.subselect("partner_id")),
            ]
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_credit_history(self):
        customers = (
            self.env["lam.credit.event"]
            # as the system: the credit history is restricted to finance and the
            # managers
            .sudo()
            .search([("partner_id", "in", self.ids)])
            .partner_id
        )
        if customers:
            raise UserError(
                _(
                    "%(customers)s has a credit history, which is kept: archive the "
                    "customer instead of deleting it.",
                    # as the system: the names of customers the user may not read, in
                    # the refusal
                    customers=", ".join(customers.sudo().mapped("display_name")),
                )
            )

    def _lam_credit_changes(self, vals):
        """The credit fields and risk settings ``vals`` would change on these
        partners (read as superuser)."""
        return [
            fname
            for fname in set(vals).intersection(
                self._lam_credit_fields
                + self._lam_risk_setting_fields
                + self._lam_credit_followers
            )
            if any(
                # as the system: the current credit terms, to see whether the write
                # changes them
                partner._fields[fname].convert_to_write(partner.sudo()[fname], partner)
                != (vals[fname] or False)
                for partner in self
            )
        ]

    def _lam_has_credit_terms(self):
        """True when one of these partners has a credit rating, limit or payment term
        (superuser)."""
        return any(self.mapped("lam_credit_rating")) or bool(
            # as the system: the terms are accountants' fields
            self.sudo()._search(
                [("id", "in", self.ids), ("id", "in", self._lam_credit_terms_query())]
            )
        )

    @api.model
    def _lam_credit_change_error(self):
        return AccessError(
            _(
                "The credit rating, credit limit and payment term of a lubricant "
                "customer are changed by "
                "finance or the department manager (Change Credit Status)."
            )
        )

    @api.model
    def _lam_risk_settings_given(self, vals):
        """Whether ``vals`` of a new customer set risk settings other than the
        defaults (the addon's: every exposure counted)."""
        given = set(vals).intersection(self._lam_risk_setting_fields)
        defaults = dict(
            self.default_get(list(given)),
            **dict.fromkeys(self._lam_risk_includes, True),
        )
        return any(
            (vals[fname] or False) != (defaults.get(fname) or False) for fname in given
        )

    @api.model
    def _lam_check_credit_rights(self):
        """A new customer gets credit terms from finance or the department manager, not
        at creation."""
        user = self.env.user
        if (
            not self.env.su
            and user._lam_is_addon_user()
            and not user._lam_may_change_credit()
        ):
            raise self._lam_credit_change_error()

    def _lam_credit_snapshot(self):
        self.ensure_one()
        # Read as superuser: the credit limit is restricted to accountants,
        # but its history must be kept whoever changes it.
        partner = self.sudo()
        return {
            "rating": partner.lam_credit_rating,
            "limit": partner.credit_limit,
            "payment_term": partner.property_payment_term_id.with_env(self.env),
            "risk": {
                fname: partner._lam_json_value(fname)
                for fname in self._lam_risk_setting_fields
            },
        }

    def _lam_json_value(self, fname):
        """The value of ``fname`` as the credit history stores it (JSON: a date as
        its text)."""
        value = self._fields[fname].convert_to_write(self[fname], self)
        return str(value) if isinstance(value, datetime.date) else value

    def _lam_log_credit_changes(self, before):
        """Write one credit event per company partner whose credit terms changed."""
        reason = self.env.context.get("lam_credit_reason")
        if not isinstance(reason, CreditChangeReason):
            # shown as "changed on the customer form", in the reader's language
            reason = False
        events_vals = []
        for partner in self:
            old, new = before[partner.id], partner._lam_credit_snapshot()
            if old == new:
                continue
            events_vals.append(
                {
                    "partner_id": partner.id,
                    "company_id": self.env.company.id,
                    "changed_by_id": self.env.user.id,
                    "old_rating": old["rating"],
                    "new_rating": new["rating"],
                    "old_limit": old["limit"],
                    "new_limit": new["limit"],
                    "old_payment_term_id": old["payment_term"].id,
                    "new_payment_term_id": new["payment_term"].id,
                    "risk_changes": {
                        fname: [old["risk"][fname], new["risk"][fname]]
                        for fname in self._lam_risk_setting_fields
                        if old["risk"][fname] != new["risk"][fname]
                    }
                    or False,
                    "reason": reason and str(reason),
                    "requested_by_id": reason
                    and reason.requested_by
                    and reason.requested_by.id,
                }
            )
        if not events_vals:
            return
        # The credit history is an audit trail written by the system for
        # whoever changed the terms: nobody may create events by hand.
        events = self.env["lam.credit.event"].sudo().create(events_vals)
        # The chatter is read by anyone who reads the contact: it says that the
        # terms changed, the credit history (restricted) says how.
        for partner in events.partner_id:
            partner.sudo().message_post(
                body=Markup("<p>%s</p>")
                % _("Credit status changed: see the credit history of the archive."),
                subtype_xmlid="mail.mt_note",
            )
