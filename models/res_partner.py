# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv.expression import AND as expression_and
from odoo.tools import SQL

from ..tools.periods import median_interval, month_bounds
from ..tools.uscc import compact_uscc, uscc_error
from ..tools.validation import check_vals

# Managers of every category, department managers and admins (all imply
# group_lam_user), not finance: confidential commercial information.
CONFIDENTIAL_GROUPS = "lubricant_account_manager.group_lam_user"
# The archive (and credit information) is read by the managers and finance;
# other internal users see a lubricant customer as an ordinary contact.
ARCHIVE_GROUPS = (
    "lubricant_account_manager.group_lam_user,"
    "lubricant_account_manager.group_lam_finance"
)
ABC_GRADES = [("a", "A"), ("b", "B"), ("c", "C")]
# Written by the grading (and an administrator's pin) only, as the system.
ABC_FIELDS = (
    "lam_abc_grade",
    "lam_abc_computed_grade",
    "lam_abc_value",
    "lam_abc_share",
    "lam_abc_rank",
    "lam_abc_pinned_grade",
    "lam_abc_pin_reason",
    "lam_abc_pin_expiry",
)
CREDIT_GROUPS = ARCHIVE_GROUPS
# Fields whose change can move a partner out of the user's reach: the rules
# are checked again after the write.
LINK_FIELDS = ("user_id", "parent_id", "is_company", "lam_customer_kind")
# What users outside the addon may not change on a lubricant customer.
OUTSIDER_LOCKED_FIELDS = ("user_id", "active", "parent_id", "is_company")


class CreditChangeReason(str):
    """A reason typed in the credit change wizard. The credit history takes
    its reason only from an object of this class in the context, which no
    RPC call (JSON) can build: a reason cannot be forged. ``requested_by``:
    the account manager whose request was approved, if any."""

    requested_by = None


# The exposure of a lubricant customer (OCA's financial risk): draft, open and
# unpaid invoices, and confirmed orders not invoiced yet.
RISK_INCLUDES = (
    "risk_invoice_draft_include",
    "risk_invoice_open_include",
    "risk_invoice_unpaid_include",
    "risk_sale_order_include",
)

CUSTOMER_KINDS = [
    ("terminal", "Terminal Customer"),
    ("dealer", "Dealer"),
    ("prospect", "Prospect"),
]
# Art. 33: every large and medium terminal customer has key persons.
KEY_PERSON_SIZES = ("large", "medium")
CREDIT_RATINGS = [
    ("aaa", "AAA"),
    ("aa", "AA"),
    ("a", "A"),
    ("b", "B"),
    ("c", "C"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Fields the credit history follows (lam.credit.event).
    _lam_credit_fields = (
        "credit_limit",
        "property_payment_term_id",
        "lam_credit_rating",
    )

    # The rules of the addon filter customers on their account manager.
    user_id = fields.Many2one(index=True)
    # --- classification
    lam_is_lubricant_customer = fields.Boolean(
        compute="_compute_lam_is_lubricant_customer",
        help="Technical: whether the partner is a lubricant customer, for every user "
        "(the kind is restricted).",
    )
    lam_can_reassign = fields.Boolean(
        compute="_compute_lam_can_reassign",
        help="Technical: department managers and administrators change the account "
        "manager of a customer.",
    )
    lam_can_change_credit = fields.Boolean(
        compute="_compute_lam_can_reassign",
        help="Technical: finance, department managers and administrators change credit "
        "terms.",
    )
    lam_manager_candidate_ids = fields.Many2many(
        "res.users",
        compute="_compute_lam_can_reassign",
        help="Technical: the account managers this user may give a customer to.",
    )
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
    lam_customer_kind = fields.Selection(
        CUSTOMER_KINDS,
        string="Lubricant Customer Kind",
        tracking=True,
        index=True,
        groups=ARCHIVE_GROUPS,
        help="Set on the companies that are lubricant customers: only those are "
        "archives of a manager.",
    )
    lam_size = fields.Selection(
        [("large", "Large"), ("medium", "Medium"), ("small", "Small")],
        string="Size Class",
        tracking=True,
        groups=ARCHIVE_GROUPS,
    )
    lam_stage = fields.Selection(
        [
            ("potential", "Potential"),
            ("target", "Target"),
            ("developing", "Developing"),
            ("active", "Active"),
            ("dormant", "Dormant"),
            ("lost", "Lost"),
        ],
        string="Development Stage",
        tracking=True,
        groups=ARCHIVE_GROUPS,
    )
    # --- business registration
    lam_uscc = fields.Char(
        string="Unified Social Credit Code",
        tracking=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
    )
    lam_legal_representative = fields.Char(
        string="Legal Representative", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_registered_capital = fields.Float(
        string="Registered Capital (10k CNY)", digits=(16, 2), groups=ARCHIVE_GROUPS
    )
    lam_established_date = fields.Date(string="Established On", groups=ARCHIVE_GROUPS)
    lam_business_scope = fields.Text(
        string="Business Scope", tracking=True, groups=ARCHIVE_GROUPS
    )
    # --- production scale
    lam_employee_count = fields.Integer(
        string="Employees", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_annual_output = fields.Char(
        string="Annual Output", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_equipment_count = fields.Integer(
        string="Equipment Units",
        compute="_compute_lam_equipment_stats",
        groups=ARCHIVE_GROUPS,
    )
    lam_coverage_ratio = fields.Float(
        string="Coverage by Our Products (%)",
        compute="_compute_lam_equipment_stats",
        digits=(5, 1),
        groups=ARCHIVE_GROUPS,
        help="Share of equipment units running on our products (full-range promotion).",
    )
    # --- needs and purchasing
    lam_oil_demand = fields.Text(
        string="Oil Demand", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_technical_requirements = fields.Text(
        string="Technical Requirements", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_purchase_requester = fields.Char(
        string="Purchase Requested By", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_purchase_approver = fields.Char(
        string="Purchase Approved By", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_purchase_by_tender = fields.Boolean(
        string="Purchases by Tender", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_purchase_cycle = fields.Char(
        string="Purchase Cycle", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_current_suppliers = fields.Char(
        string="Current Suppliers", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_current_brands = fields.Char(
        string="Brands in Use", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_competitor_prices = fields.Text(
        string="Competitor Purchase Prices",
        groups=CONFIDENTIAL_GROUPS,
        help="Confidential: prices the customer pays other suppliers.",
    )
    lam_last_review_date = fields.Date(
        string="Archive Last Reviewed", tracking=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_review_overdue = fields.Boolean(
        string="Archive Review Overdue",
        compute="_compute_lam_review_overdue",
        search="_search_lam_review_overdue",
        groups=ARCHIVE_GROUPS,
        help="The archive has not been reviewed within the interval set in the "
        "settings (Art. 12.3: quarterly).",
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
        help="In the current company, a credit limit is set on this customer, "
        "or the payment term is longer than immediate payment.",
    )
    lam_credit_event_ids = fields.One2many(
        "lam.credit.event", "partner_id", string="Credit History", groups=CREDIT_GROUPS
    )
    # --- archive records
    lam_equipment_ids = fields.One2many(
        "lam.equipment", "partner_id", string="Equipment", groups=ARCHIVE_GROUPS
    )
    lam_customer_stock_ids = fields.One2many(
        "lam.customer.stock",
        "partner_id",
        string="Stocks on Hand",
        groups=ARCHIVE_GROUPS,
    )
    lam_oil_usage_ids = fields.One2many(
        "lam.oil.usage", "partner_id", string="Oil Usage", groups=ARCHIVE_GROUPS
    )
    lam_oil_sample_ids = fields.One2many(
        "lam.oil.sample", "partner_id", string="Oil Samples", groups=ARCHIVE_GROUPS
    )
    # --- field work
    lam_visit_ids = fields.One2many(
        "lam.visit", "partner_id", string="Visits", groups=ARCHIVE_GROUPS
    )
    lam_communication_ids = fields.One2many(
        "lam.communication",
        "partner_id",
        string="Communications",
        groups=ARCHIVE_GROUPS,
    )
    lam_archive_review_ids = fields.One2many(
        "lam.archive.review",
        "partner_id",
        string="Archive Reviews",
        groups=ARCHIVE_GROUPS,
    )
    lam_visit_count = fields.Integer(
        compute="_compute_lam_work_counts", groups=ARCHIVE_GROUPS
    )
    lam_communication_count = fields.Integer(
        compute="_compute_lam_work_counts", groups=ARCHIVE_GROUPS
    )
    # --- ABC grade (Art. 19), per company, written by the grading only
    lam_abc_grade = fields.Selection(
        ABC_GRADES,
        string="ABC Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        help="The grade in the current company: the pinned grade while a pin holds, "
        "else the computed one.",
    )
    lam_abc_computed_grade = fields.Selection(
        ABC_GRADES,
        string="Computed Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        help="The grade from the cumulative share of what the customer bought, "
        "whatever the pin.",
    )
    lam_abc_value = fields.Float(
        string="Graded Volume or Revenue",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        digits=(16, 3),
        help="Bought over the look-back window, less credit notes, on the grading "
        "basis.",
    )
    lam_abc_share = fields.Float(
        string="Cumulative Share (%)",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        digits=(5, 2),
    )
    lam_abc_rank = fields.Integer(
        string="Rank", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_pinned_grade = fields.Selection(
        ABC_GRADES,
        string="Pinned Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
    )
    lam_abc_pin_reason = fields.Text(
        string="Why Pinned", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_pin_expiry = fields.Date(
        string="Pinned Until", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_differs = fields.Boolean(
        string="Pinned Grade Differs",
        compute="_compute_lam_abc_differs",
        search="_search_lam_abc_differs",
        groups=ARCHIVE_GROUPS,
        help="A pinned grade other than the computed one.",
    )
    lam_abc_history_ids = fields.One2many(
        "lam.abc.history", "partner_id", string="Grade History", groups=ARCHIVE_GROUPS
    )
    # --- development (Art. 32)
    lam_prospect_score_ids = fields.One2many(
        "lam.prospect.score",
        "partner_id",
        string="Prospect Scores",
        groups=ARCHIVE_GROUPS,
    )
    lam_prospect_score = fields.Float(
        string="Prospect Score",
        compute="_compute_lam_prospect_score",
        store=True,
        digits=(5, 1),
        groups=ARCHIVE_GROUPS,
        help="Weighted marks on the scoring criteria, out of 100.",
    )
    lam_dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        index="btree_not_null",
        groups=ARCHIVE_GROUPS,
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
        help="The dealer this customer buys through, or was handed to.",
    )
    lam_handoff_reason = fields.Text(
        string="Why Handed to the Dealer", groups=ARCHIVE_GROUPS
    )
    # --- dealers (Art. 14)
    lam_territory = fields.Char(
        string="Territory",
        tracking=True,
        groups=ARCHIVE_GROUPS,
        help="Where the dealer sells: cities, counties, industries.",
    )
    lam_dealer_customer_ids = fields.One2many(
        "res.partner",
        "lam_dealer_id",
        string="Dealer's Terminal Customers",
        groups=ARCHIVE_GROUPS,
        domain=[("lam_customer_kind", "=", "terminal")],
    )
    lam_dealer_customer_file = fields.Binary(
        string="Dealer's Customer List",
        attachment=True,
        groups=ARCHIVE_GROUPS,
        help="The dealer's own list of his customers, as he gave it.",
    )
    lam_dealer_customer_filename = fields.Char(
        string="Customer List File Name", groups=ARCHIVE_GROUPS
    )
    # --- forecast (Art. 13.3) and purchase drops (Art. 13.2), for the company one works
    # in
    lam_next_purchase_date = fields.Date(
        string="Next Purchase Expected",
        compute="_compute_lam_forecast",
        groups=ARCHIVE_GROUPS,
        help="The last order plus the median interval between his orders of the last "
        "two years.",
    )
    lam_forecast_monthly = fields.Float(
        string="Expected Monthly Volume",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="The larger of his purchases of the last twelve months and his "
        "equipment's "
        "consumption, a month's worth, in the reference unit.",
    )
    lam_forecast_annual = fields.Float(
        string="Expected Annual Volume",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
    )
    lam_equipment_annual = fields.Float(
        string="Equipment Consumption a Year",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="What his equipment register says he uses a year, in the reference unit.",
    )
    lam_forecast_gap = fields.Float(
        string="Bought Elsewhere (Estimate)",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="What his equipment needs a year beyond what he bought from us in the "
        "last "
        "twelve months, when more than the share set in Settings: business going to a "
        "competitor.",
    )
    lam_purchase_drop = fields.Boolean(
        string="Purchases Dropped",
        compute="_compute_lam_purchase_drop",
        search="_search_lam_purchase_drop",
        groups=ARCHIVE_GROUPS,
    )
    lam_purchase_drop_note = fields.Char(
        string="Why Flagged",
        compute="_compute_lam_purchase_drop",
        groups=ARCHIVE_GROUPS,
    )
    lam_handoff_date = fields.Date(
        string="Handed to the Dealer On", groups=ARCHIVE_GROUPS
    )
    # --- key persons (on contacts) and the flag on the customer
    lam_is_key_person = fields.Boolean(
        string="Key Person", tracking=True, groups=ARCHIVE_GROUPS
    )
    lam_key_role = fields.Selection(
        [
            ("purchaser", "Purchaser"),
            ("purchasing_head", "Purchasing Head"),
            ("technician", "Technician"),
            ("equipment_officer", "Equipment Officer"),
            ("other", "Other"),
        ],
        string="Key Role",
        groups=ARCHIVE_GROUPS,
    )
    lam_influence = fields.Selection(
        [("high", "Strong"), ("medium", "Moderate"), ("low", "Weak")],
        string="Influence",
        groups=ARCHIVE_GROUPS,
    )
    lam_private_note = fields.Text(
        string="Private Notes",
        groups=CONFIDENTIAL_GROUPS,
        help="Confidential notes on this person, kept by the account manager.",
    )
    lam_key_person_ids = fields.One2many(
        "res.partner",
        "parent_id",
        string="Key Persons",
        domain=[("lam_is_key_person", "=", True)],
        context={
            "default_lam_is_key_person": True,
            "default_type": "contact",
            "default_is_company": False,
        },
        groups=ARCHIVE_GROUPS,
    )
    lam_missing_key_person = fields.Boolean(
        string="Key Person Missing",
        compute="_compute_lam_missing_key_person",
        search="_search_lam_missing_key_person",
        groups=ARCHIVE_GROUPS,
        help="A large or medium terminal customer has fewer key persons than the "
        "current company's "
        "settings require.",
    )

    _sql_constraints = [
        (
            "lam_counts_not_negative",
            "CHECK(COALESCE(lam_employee_count, 0) >= 0 AND "
            "COALESCE(lam_registered_capital, 0) >= 0)",
            "Employees and registered capital cannot be negative.",
        ),
        (
            "lam_uscc_unique",
            "UNIQUE(lam_uscc)",
            "Another customer already has this unified social credit code: open that "
            "archive instead.",
        ),
    ]

    @api.depends("lam_customer_kind")
    def _compute_lam_is_lubricant_customer(self):
        for partner, kind in zip(
            self, self.sudo().mapped("lam_customer_kind"), strict=False
        ):
            partner.lam_is_lubricant_customer = bool(kind)

    @api.depends_context("uid")
    def _compute_lam_can_reassign(self):
        user = self.env.user
        reassigns = user.has_group(
            "lubricant_account_manager.group_lam_department_manager"
        )
        self.lam_can_reassign = reassigns
        self.lam_can_change_credit = user._lam_may_change_credit()
        self.lam_manager_candidate_ids = (
            user._lam_reportable_managers() if reassigns else user
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
            accounting = partner.sudo()
            partner.lam_currency_id = self.env.company.currency_id
            partner.lam_credit_limit = (
                accounting.credit_limit if accounting.credit_limit != fallback else 0.0
            )
            partner.lam_payment_term_id = accounting.property_payment_term_id

    @api.depends("lam_equipment_ids.quantity", "lam_equipment_ids.oil_source")
    def _compute_lam_equipment_stats(self):
        for partner in self:
            total = sum(partner.lam_equipment_ids.mapped("quantity"))
            ours = sum(
                partner.lam_equipment_ids.filtered(
                    lambda e: e.oil_source == "ours"
                ).mapped("quantity")
            )
            partner.lam_equipment_count = total
            partner.lam_coverage_ratio = 100.0 * ours / total if total else 0.0

    def _compute_lam_work_counts(self):
        counts = {}
        for model, fname in (
            ("lam.visit", "lam_visit_count"),
            ("lam.communication", "lam_communication_count"),
        ):
            groups = self.env[model]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
            counts[fname] = {partner.id: count for partner, count in groups}
        for partner in self:
            for fname, by_partner in counts.items():
                partner[fname] = by_partner.get(partner.id, 0)

    @api.depends("lam_abc_grade", "lam_abc_computed_grade", "lam_abc_pinned_grade")
    @api.depends_context("company")
    def _compute_lam_abc_differs(self):
        for partner in self:
            partner.lam_abc_differs = bool(partner.lam_abc_pinned_grade) and (
                partner.lam_abc_pinned_grade != partner.lam_abc_computed_grade
            )

    def _search_lam_abc_differs(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("A differing grade can only be searched as set or not set.")
            )
        pinned = self.env["res.partner"].search([("lam_abc_pinned_grade", "!=", False)])
        differing = pinned.filtered(
            lambda partner: partner.lam_abc_pinned_grade
            != partner.lam_abc_computed_grade
        )
        return [("id", "in" if (operator == "=") == value else "not in", differing.ids)]

    @api.constrains("lam_dealer_id")
    def _check_lam_dealer_id(self):
        for partner in self.sudo().filtered("lam_dealer_id"):
            dealer = partner.lam_dealer_id
            if (
                dealer == partner
                or not dealer.is_company
                or dealer.lam_customer_kind != "dealer"
            ):
                raise ValidationError(
                    _(
                        "%(partner)s: the dealer is one of our dealers, not the "
                        "customer itself.",
                        partner=partner.name,
                    )
                )

    @api.depends("lam_prospect_score_ids.points")
    def _compute_lam_prospect_score(self):
        for partner in self:
            partner.lam_prospect_score = sum(
                partner.lam_prospect_score_ids.mapped("points")
            )

    @api.constrains("lam_stage", "user_id", "lam_dealer_id")
    def _check_lam_target_list(self):
        """A development manager keeps a short target list (Art. 32): a setting caps
        it."""
        targets = self.filtered(
            lambda partner: partner.lam_stage == "target" and partner.user_id
        )
        if not targets:
            return
        counts = dict(
            self.sudo()._read_group(
                [
                    ("user_id", "in", targets.user_id.ids),
                    ("lam_stage", "=", "target"),
                    ("lam_dealer_id", "=", False),
                    ("is_company", "=", True),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        for user, count in counts.items():
            cap = user.company_id.lam_target_list_cap
            if count > cap:
                raise ValidationError(
                    _(
                        "%(user)s would have %(count)s active targets; a target list "
                        "holds %(cap)s at most "
                        "(Settings). Drop a target before adding one.",
                        user=user.name,
                        count=count,
                        cap=cap,
                    )
                )

    def action_lam_score(self):
        """Create the missing marks of this prospect (one per active criterion)."""
        criteria = self.env["lam.prospect.criterion"].search([])
        for partner in self:
            missing = criteria - partner.lam_prospect_score_ids.criterion_id
            partner.lam_prospect_score_ids = [
                (0, 0, {"criterion_id": criterion.id}) for criterion in missing
            ]

    def action_lam_abc_unpin(self):
        self.env.user._lam_check_admin()
        self.env["lam.abc.grading"]._lam_unpin(self.filtered("lam_abc_pinned_grade"))

    def action_lam_make_target(self):
        self.write({"lam_stage": "target"})

    def _lam_reassign(self, from_user, to_user):
        """Give these customers of ``from_user`` to ``to_user`` with their open
        work; one chatter line per customer says who moved it, from whom, to
        whom. Work done keeps its doer."""
        # a dealer's terminal customers go with him
        self = self | self.sudo().lam_dealer_customer_ids.filtered(
            lambda customer: customer.user_id == from_user
        )
        self.write({"user_id": to_user.id})
        self.env["lam.complaint"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("state", "in", ("new", "in_progress", "escalated")),
            ]
        ).write({"user_id": to_user.id})
        # as the system: the open work hangs on the customers and on their records of
        # every kind
        Activity = self.env["mail.activity"].sudo()
        moved = Activity.search(
            [
                ("user_id", "=", from_user.id),
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self.ids),
            ]
        )
        for model in self.env["lam.customer.record.mixin"]._lam_record_models():
            if "activity_ids" in self.env[model]._fields:
                records = (
                    self.env[model].sudo().search([("partner_id", "in", self.ids)])
                )
                moved |= Activity.search(
                    [
                        ("user_id", "=", from_user.id),
                        ("res_model", "=", model),
                        ("res_id", "in", records.ids),
                    ]
                )
        moved.with_context(mail_activity_quick_update=True).write(
            {"user_id": to_user.id}
        )
        self.env["lam.visit"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("state", "=", "planned"),
            ]
        ).write({"user_id": to_user.id})
        self.env["lam.expansion.plan"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("stage", "in", ("planned", "in_progress")),
            ]
        ).write({"user_id": to_user.id})
        for partner in self:
            partner.message_post(
                body=_(
                    "%(who)s moved this customer from %(previous)s to %(new)s on "
                    "%(date)s.",
                    who=self.env.user.name,
                    previous=from_user.name,
                    new=to_user.name,
                    date=fields.Date.context_today(self),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_lam_request_senior_visit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Ask for a Senior Manager's Visit"),
            "res_model": "lam.senior.visit.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    @api.depends("credit_limit", "property_payment_term_id")
    @api.depends_context("company")
    def _compute_lam_is_credit_customer(self):
        # The accounting fields are restricted to accountants; whether a
        # customer buys on credit is every account manager's business.
        # "A credit limit" is one set on the partner (Odoo's use_partner_credit_limit),
        # not the company-wide default that every partner falls back on.
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(
            self.sudo()
        )
        for partner in self:
            accounting = partner.sudo()
            own_limit = (
                accounting.credit_limit != fallback and accounting.credit_limit > 0
            )
            term_days = accounting.property_payment_term_id.line_ids.mapped("nb_days")
            partner.lam_is_credit_customer = own_limit or any(
                days > 0 for days in term_days
            )

    def _search_lam_is_credit_customer(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Credit customers can only be searched as set or not set.")
            )
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(
            self.sudo()
        )
        # As superuser: the credit limit is an accountant's field, the
        # question "buys on credit?" is not.
        credit = self.sudo()._search(
            [
                "|",
                "&",
                ("credit_limit", "!=", fallback),
                ("credit_limit", ">", 0),
                ("property_payment_term_id.line_ids.nb_days", ">", 0),
            ]
        )
        return [("id", "in" if (operator == "=") == value else "not in", credit)]

    @api.depends(
        "is_company",
        "lam_customer_kind",
        "lam_size",
        "child_ids.lam_is_key_person",
        "child_ids.active",
    )
    @api.depends_context("company")
    def _compute_lam_missing_key_person(self):
        required = self.env.company.lam_key_person_min_count
        for partner in self:
            partner.lam_missing_key_person = (
                partner._lam_needs_key_persons()
                and len(partner.child_ids.filtered("lam_is_key_person")) < required
            )

    def _search_lam_missing_key_person(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Missing key persons can only be searched as set or not set.")
            )
        required = self.env.company.lam_key_person_min_count
        covered = (
            [
                parent.id
                for (parent,) in self.sudo()._read_group(
                    [("parent_id", "!=", False), ("lam_is_key_person", "=", True)],
                    ["parent_id"],
                    having=[("__count", ">=", required)],
                )
            ]
            if required > 0
            else None
        )
        missing = [
            ("is_company", "=", True),
            ("lam_customer_kind", "=", "terminal"),
            ("lam_size", "in", KEY_PERSON_SIZES),
        ] + (
            [("id", "not in", covered)] if covered is not None else [("id", "=", False)]
        )
        if (operator == "=") == value:
            return missing
        return ["!", *expression_and([missing])]

    @api.model
    def _lam_review_due_date(self):
        """Archives last reviewed before this date are overdue (company setting)."""
        months = self.env.company.lam_archive_review_months
        return fields.Date.context_today(self) - relativedelta(months=months)

    @api.depends("lam_last_review_date", "lam_customer_kind")
    @api.depends_context("company")
    def _compute_lam_review_overdue(self):
        due = self._lam_review_due_date()
        for partner in self:
            partner.lam_review_overdue = bool(partner.lam_customer_kind) and (
                not partner.lam_last_review_date or partner.lam_last_review_date < due
            )

    def _search_lam_review_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Overdue reviews can only be searched as set or not set.")
            )
        overdue = [
            ("lam_customer_kind", "!=", False),
            "|",
            ("lam_last_review_date", "=", False),
            ("lam_last_review_date", "<", self._lam_review_due_date()),
        ]
        return (
            overdue if (operator == "=") == value else ["!", *expression_and([overdue])]
        )

    def _lam_needs_key_persons(self):
        self.ensure_one()
        return (
            self.is_company
            and self.lam_customer_kind == "terminal"
            and self.lam_size in KEY_PERSON_SIZES
        )

    @api.constrains("lam_uscc")
    def _check_lam_uscc(self):
        messages = {
            "length": _("A unified social credit code has exactly 18 characters."),
            "chars": _(
                "A unified social credit code uses only digits and the capital letters "
                "A-H, J-N, P-R, T, U, W, X, Y (no I, O, Z, S, V)."
            ),
            "check": _(
                "The check character (18th) of this unified social credit code is "
                "wrong."
            ),
        }
        for partner in self.filtered("lam_uscc"):
            error = uscc_error(partner.lam_uscc)
            if error:
                raise ValidationError(
                    _(
                        "%(partner)s: %(code)s is not valid. %(reason)s",
                        partner=partner.display_name,
                        code=partner.lam_uscc,
                        reason=messages[error],
                    )
                )

    @api.constrains("lam_last_review_date")
    def _check_lam_last_review_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.lam_last_review_date and partner.lam_last_review_date > today:
                raise ValidationError(
                    _(
                        "%(partner)s: an archive cannot be reviewed in the future "
                        "(%(date)s).",
                        partner=partner.display_name,
                        date=partner.lam_last_review_date,
                    )
                )

    @api.constrains("is_company", "lam_customer_kind", "lam_is_key_person")
    def _check_lam_person_or_company(self):
        for partner in self:
            if partner.lam_customer_kind and not partner.is_company:
                raise ValidationError(
                    _(
                        "%(partner)s: only a company is a lubricant customer; a person "
                        "is one of its contacts.",
                        partner=partner.display_name,
                    )
                )
            if partner.lam_is_key_person and partner.is_company:
                raise ValidationError(
                    _(
                        "%(partner)s: a key person is a person of the customer, not a "
                        "company.",
                        partner=partner.display_name,
                    )
                )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if values.get("parent_id"):
            # A contact made under a company (key persons, addresses) is a
            # person: the customer action's defaults must not leak into it.
            values["is_company"] = False
            values.pop("lam_customer_kind", None)
        return values

    @api.model_create_multi
    def create(self, vals_list):
        context = self.env.context
        for vals in vals_list:
            if vals.get("parent_id"):
                # Lines added under a company (key persons, addresses) are
                # saved with the customer form's context: its defaults for
                # new customers must not turn them into companies.
                if context.get("default_is_company"):
                    vals.setdefault("is_company", False)
                if context.get("default_lam_customer_kind"):
                    vals.setdefault("lam_customer_kind", False)
            self._lam_prepare_vals(vals)
            if vals.get("lam_customer_kind"):
                for fname in RISK_INCLUDES:
                    vals.setdefault(fname, True)
            if vals.get("lam_credit_rating") or (
                vals.get("lam_customer_kind")
                and any(vals.get(fname) for fname in self._lam_credit_fields)
            ):
                self._lam_check_credit_rights()
        partners = super().create(vals_list)
        linked = partners.filtered("lam_dealer_id")
        if linked:
            linked._lam_sync_dealer_customers({"lam_dealer_id"}, {})
        return partners

    def write(self, vals):
        self._lam_prepare_vals(vals)
        if vals.get("lam_customer_kind"):
            vals = dict(dict.fromkeys(RISK_INCLUDES, True), **vals)
        self._lam_check_protected_changes(vals)
        customers = (
            self.filtered("is_company")
            if set(vals).intersection(self._lam_credit_fields)
            else self.browse()
        )
        before = {partner.id: partner._lam_credit_snapshot() for partner in customers}
        previous_managers = (
            {partner: partner.user_id for partner in self.sudo()}
            if "user_id" in vals
            else {}
        )
        result = super().write(vals)
        if customers:
            customers._lam_log_credit_changes(before)
        if set(vals).intersection(LINK_FIELDS):
            # Record rules are checked before a write: a manager may not move
            # a partner (or turn one into a lubricant customer) out of his reach.
            self.check_access("write")
        if previous_managers:
            self._lam_hand_over_followers(previous_managers)
        if {"lam_dealer_id", "lam_customer_kind", "user_id"}.intersection(vals):
            self._lam_sync_dealer_customers(set(vals), previous_managers)
        return result

    def _lam_sync_dealer_customers(self, fnames, previous_managers):
        """A dealer's terminal customers are managed by the dealer's channel
        manager: linking one (or making a linked partner a terminal customer)
        moves it to him, which only he, his department manager or an
        administrator does; a dealer moving to another manager takes along the
        terminal customers he had; a linked terminal customer does not move
        alone (``previous_managers``: {partner: manager before the write})."""
        partners = self.sudo()
        if {"lam_dealer_id", "lam_customer_kind"}.intersection(fnames):
            linked = partners.filtered(
                lambda partner: partner.lam_customer_kind == "terminal"
                and partner.lam_dealer_id
                and partner.user_id != partner.lam_dealer_id.user_id
            )
            for customer in linked:
                if not self._lam_may_link_to_dealer(customer.lam_dealer_id):
                    raise AccessError(
                        _(
                            "%(customer)s: a dealer's customer is managed by the "
                            "dealer's channel manager; "
                            "ask him or your department manager to link it.",
                            customer=customer.name,
                        )
                    )
            for manager, customers in linked.grouped(
                lambda customer: customer.lam_dealer_id.user_id
            ).items():
                customers.write({"user_id": manager.id})
        for dealer in partners.filtered(
            lambda partner: partner.lam_customer_kind == "dealer"
            and partner in previous_managers
            and previous_managers[partner] != partner.user_id
        ):
            moving = dealer.lam_dealer_customer_ids.filtered(
                lambda customer, before=previous_managers[dealer]: customer.user_id
                == before
            )
            if moving:
                moving.write({"user_id": dealer.user_id.id})
        if "user_id" in fnames and not self.env.su:
            strays = partners.filtered(
                lambda partner: partner.lam_customer_kind == "terminal"
                and partner.lam_dealer_id
                and partner.user_id != partner.lam_dealer_id.user_id
            )
            if strays:
                raise UserError(
                    _(
                        "%(customers)s: a dealer's terminal customer is managed with "
                        "its dealer; unlink it "
                        "from the dealer first, or reassign the dealer.",
                        customers=", ".join(strays.mapped("name")),
                    )
                )

    @api.depends_context("company")
    def _compute_lam_forecast(self):
        values = self._lam_forecast_values()
        for partner in self:
            forecast = values[partner.id]
            partner.lam_next_purchase_date = forecast["next"]
            partner.lam_forecast_monthly = forecast["monthly"]
            partner.lam_forecast_annual = forecast["annual"]
            partner.lam_equipment_annual = forecast["equipment"]
            partner.lam_forecast_gap = forecast["gap"]

    def _lam_forecast_values(self):
        """{partner id: {next, monthly, annual, equipment, gap}} for these
        customers in the current company: one query for the order days, one
        purchases-service call, one grouped read of the equipment."""
        empty = {
            "next": False,
            "monthly": 0.0,
            "annual": 0.0,
            "equipment": 0.0,
            "gap": 0.0,
        }
        result = defaultdict(lambda: dict(empty))
        customers = self.sudo().filtered(
            lambda partner: partner.id
            and partner.is_company
            and partner.lam_customer_kind
        )
        if not customers:
            return result
        company = self.env.company
        today = fields.Date.context_today(self)
        first = month_bounds(today)[0]
        self.env["sale.order"].flush_model(
            ["partner_id", "state", "date_order", "company_id"]
        )
        days = dict(
            self.env.execute_query(
                SQL(
                    """SELECT rp.commercial_partner_id, array_agg(DISTINCT
                        so.date_order::date)
                 FROM sale_order so JOIN res_partner rp ON rp.id = so.partner_id
                WHERE so.state IN ('sale', 'done') AND so.company_id = %s AND
                    so.date_order >= %s
                  AND rp.commercial_partner_id = ANY(%s)
                GROUP BY rp.commercial_partner_id""",
                    company.id,
                    first - relativedelta(years=2),
                    customers.ids,
                )
            )
        )
        rows = (
            self.env["lam.purchase.analysis"]
            .sudo()
            ._lam_purchases(
                first - relativedelta(months=12),
                first - relativedelta(days=1),
                partners=customers,
                groupby=("partner",),
                company=company,
                refunds=True,
            )["rows"]
        )
        bought = {row["partner_id"]: row["qty"] for row in rows}
        litres = (
            company._lam_reference_factor(self.env.ref("uom.product_uom_litre")) or 0.0
        )
        equipment = dict(
            self.env["lam.equipment"]
            .sudo()
            ._read_group(
                [("partner_id", "in", customers.ids)],
                ["partner_id"],
                ["annual_consumption:sum"],
            )
        )
        gap_share = company.lam_forecast_gap_share / 100.0
        for customer in customers:
            annual_bought = bought.get(customer.id, 0.0)
            needs = (equipment.get(customer) or 0.0) * litres
            order_days = sorted(days.get(customer.id) or [])
            interval = median_interval(order_days)
            annual = max(annual_bought, needs)
            result[customer.id] = {
                "next": order_days[-1] + relativedelta(days=round(interval))
                if interval
                else False,
                "monthly": annual / 12.0,
                "annual": annual,
                "equipment": needs,
                "gap": needs - annual_bought
                if needs > annual_bought * (1 + gap_share)
                else 0.0,
            }
        return result

    @api.depends_context("company")
    def _compute_lam_purchase_drop(self):
        drops = {
            drop.partner_id.id: drop
            for drop in self.env["lam.purchase.drop"]
            .sudo()
            .search(
                [
                    (
                        "partner_id",
                        "in",
                        [partner_id for partner_id in self.ids if partner_id],
                    ),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        }
        for partner in self:
            drop = drops.get(partner.id)
            partner.lam_purchase_drop = bool(drop)
            partner.lam_purchase_drop_note = drop.note if drop else False

    def _search_lam_purchase_drop(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search dropped purchases with = or !=."))
        flagged = (
            self.env["lam.purchase.drop"]
            .sudo()
            ._search([("company_id", "=", self.env.company.id)])
        )
        subquery = flagged.subselect("partner_id")
        return [("id", "in" if (operator == "=") == value else "not in", subquery)]

    def _lam_may_link_to_dealer(self, dealer):
        """Whether the user may give a customer to ``dealer``'s channel manager."""
        user = self.env.user
        return (
            self.env.su
            or user == dealer.user_id
            or user in dealer.user_id._lam_department_managers()
            or user.has_group("lubricant_account_manager.group_lam_admin")
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lubricant_customer(self):
        """A customer's archive is kept: only administrators of the addon delete a
        lubricant customer."""
        if self.env.su or self.env.user.has_group(
            "lubricant_account_manager.group_lam_admin"
        ):
            return
        customers = self.sudo().filtered("lam_customer_kind")
        if customers:
            raise AccessError(
                _(
                    "%(customers)s: a lubricant customer's archive is kept; archive "
                    "the customer, or ask an "
                    "administrator of account management.",
                    customers=", ".join(customers.mapped("display_name")),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_credit_history(self):
        customers = (
            self.env["lam.credit.event"]
            .sudo()
            .search([("partner_id", "in", self.ids)])
            .partner_id
        )
        if customers:
            raise UserError(
                _(
                    "%(customers)s has a credit history, which is kept: archive the "
                    "customer instead of deleting it.",
                    customers=", ".join(customers.sudo().mapped("display_name")),
                )
            )

    def action_lam_mark_reviewed(self):
        """Record a review of each archive: who, when, and what changed since
        the previous one; a second review the same day updates the first."""
        Review = self.env["lam.archive.review"]
        today = fields.Date.context_today(self)
        todays = Review.search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", self.env.uid),
                ("day", "=", today),
            ]
        )
        for partner in self:
            review = todays.filtered(
                lambda review, partner=partner: review.partner_id == partner
            )[:1]
            if review:
                review.write(
                    {
                        "date": fields.Datetime.now(),
                        "updated": partner._lam_changes_since_review(exclude=review),
                    }
                )
            else:
                Review.create(
                    {
                        "partner_id": partner.id,
                        "updated": partner._lam_changes_since_review(),
                    }
                )

    def action_lam_log_communication(self):
        """Log a call, a chat or an email with this customer: a form in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log a Communication"),
            "res_model": "lam.communication",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "lubricant_account_manager.lam_communication_view_form_quick"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {"default_partner_id": self.id, "default_channel": "phone"},
        }

    def action_lam_open_visits(self):
        return self._lam_open_work("lubricant_account_manager.lam_visit_action")

    def action_lam_open_communications(self):
        return self._lam_open_work("lubricant_account_manager.lam_communication_action")

    def _lam_open_work(self, action_ref):
        """The visits or communications of this customer, by whoever did them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(action_ref)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _lam_changes_since_review(self, exclude=None):
        """What changed in the archive since the last review (``exclude``: a
        review being redone): the fields tracked in the chatter, and the
        equipment, oil usage, samples and key persons added or changed."""
        self.ensure_one()
        domain = [
            ("mail_message_id.model", "=", "res.partner"),
            ("mail_message_id.res_id", "=", self.id),
        ]
        last = max(
            (
                self.lam_archive_review_ids
                - (exclude or self.env["lam.archive.review"])
            ).mapped("date"),
            default=False,
        )
        if last:
            domain.append(("mail_message_id.date", ">", last))
        tracked = self.env["mail.tracking.value"].sudo().search(domain)
        labels = sorted(set(tracked.field_id.mapped("field_description")))
        for model, link, extra, label in (
            ("lam.equipment", "partner_id", [], _("Equipment")),
            ("lam.oil.usage", "partner_id", [], _("Oil Usage")),
            ("lam.oil.sample", "partner_id", [], _("Oil Samples")),
            (
                "res.partner",
                "parent_id",
                [("lam_is_key_person", "=", True)],
                _("Key Persons"),
            ),
        ):
            changed = self.env[model].search_count(
                [
                    (link, "=", self.id),
                    *extra,
                    *([("write_date", ">", last)] if last else []),
                ]
            )
            if changed:
                labels.append(f"{label}（{changed}）")
        return (
            "、".join(labels)
            if labels
            else _("No archive field changed since the previous review.")
        )

    def action_lam_print_p9(self):
        return self.env.ref("lubricant_account_manager.action_report_p9").report_action(
            self
        )

    def action_lam_print_p7(self):
        return self.env.ref("lubricant_account_manager.action_report_p7").report_action(
            self
        )

    def action_lam_print_p8(self):
        return self.env.ref("lubricant_account_manager.action_report_p8").report_action(
            self
        )

    def action_lam_print_p10(self):
        return self.env.ref(
            "lubricant_account_manager.action_report_p10"
        ).report_action(self)

    @api.model
    def _lam_prepare_vals(self, vals):
        """Validate the archive's values before they reach the database."""
        check_vals(self, vals, [fname for fname in vals if fname.startswith("lam_")])
        computed = [
            fname
            for fname in (
                "lam_is_credit_customer",
                "lam_missing_key_person",
                "lam_equipment_count",
                "lam_coverage_ratio",
                "lam_prospect_score",
                "lam_abc_differs",
            )
            if fname in vals
        ]
        if computed:
            raise UserError(
                _(
                    "%(fields)s cannot be changed: the system computes it.",
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in computed
                    ),
                )
            )
        if "lam_uscc" in vals:
            if vals["lam_uscc"] and not isinstance(vals["lam_uscc"], str):
                raise ValidationError(
                    _("A unified social credit code is a text of 18 characters.")
                )
            # an empty code is no code (NULL): never a duplicate of another empty one
            vals["lam_uscc"] = compact_uscc(vals["lam_uscc"]) or False

    def _lam_check_protected_changes(self, vals):
        """Who may change what on a lubricant customer, checked before the write.

        - nobody writes the commercial partner, which the rules follow;
        - users outside the addon see an ordinary contact: they may fix an
          address, not change its manager, archive it, move it, or its credit
          terms (unless they do the accounting);
        - account managers see credit terms, finance and the department
          manager change them; only the latter clear a customer's kind.
        """
        if self.env.su:
            return
        if set(vals).intersection(ABC_FIELDS):
            raise UserError(
                _(
                    "The ABC grade is computed from the sales; an administrator pins "
                    "it with Pin the Grade."
                )
            )
        if "commercial_partner_id" in vals:
            raise UserError(
                _(
                    "The commercial entity of a contact follows its company: it is not "
                    "written."
                )
            )
        user = self.env.user
        customers = self.sudo().filtered("lam_customer_kind")
        credit_changes = customers._lam_credit_changes(vals)
        if not user._lam_is_addon_user():
            if customers and (
                set(vals).intersection(OUTSIDER_LOCKED_FIELDS)
                or (
                    credit_changes
                    and not user.has_group("account.group_account_invoice")
                )
            ):
                raise AccessError(
                    _(
                        "Only account management (managers, department managers, "
                        "finance, administrators) changes "
                        "the manager, the status, the company or the credit terms of a "
                        "lubricant customer."
                    )
                )
            return
        if user._lam_may_change_credit():
            return
        if credit_changes or self.sudo()._lam_credit_changes(
            {key: value for key, value in vals.items() if key == "lam_credit_rating"}
        ):
            raise self._lam_credit_change_error()
        if "lam_customer_kind" in vals:
            if not vals["lam_customer_kind"] and customers:
                raise AccessError(
                    _(
                        "%(customers)s: only the department manager takes a customer "
                        "out of the archive.",
                        customers=", ".join(customers.mapped("display_name")),
                    )
                )
            if (
                vals["lam_customer_kind"]
                and (self - customers).sudo()._lam_has_credit_terms()
            ):
                raise self._lam_credit_change_error()
            if vals["lam_customer_kind"] and (self - customers)._lam_credit_changes(
                vals
            ):
                raise self._lam_credit_change_error()

    def _lam_credit_changes(self, vals):
        """The credit fields ``vals`` would change on these partners (read as
        superuser)."""
        return [
            fname
            for fname in set(vals).intersection(self._lam_credit_fields)
            if any(
                partner._fields[fname].convert_to_write(partner.sudo()[fname], partner)
                != (vals[fname] or False)
                for partner in self
            )
        ]

    def _lam_has_credit_terms(self):
        """True when one of these partners has a credit rating, limit or payment term
        (superuser)."""
        return any(
            partner.lam_credit_rating or partner.lam_is_credit_customer
            for partner in self
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

    def _lam_hand_over_followers(self, previous_managers):
        """After a reassignment the former manager no longer follows the
        customer and what hangs on it; the new one follows the customer."""
        for partner, previous in previous_managers.items():
            if previous == partner.user_id or not partner.lam_customer_kind:
                continue
            if previous:
                for record in partner._lam_followed_records():
                    record.message_unsubscribe(partner_ids=previous.partner_id.ids)
            if partner.user_id:
                partner.message_subscribe(partner_ids=partner.user_id.partner_id.ids)

    def _lam_followed_records(self):
        """The customer and its records that have followers (superuser: all of them)."""
        self.ensure_one()
        records = [self]
        for model in self.env["lam.customer.record.mixin"]._lam_record_models():
            if "message_follower_ids" in self.env[model]._fields:
                records.append(
                    self.env[model].sudo().search([("partner_id", "=", self.id)])
                )
        return records

    def _lam_credit_snapshot(self):
        self.ensure_one()
        # Read as superuser: the credit limit is restricted to accountants,
        # but its history must be kept whoever changes it.
        partner = self.sudo()
        return {
            "rating": partner.lam_credit_rating,
            "limit": partner.credit_limit,
            "payment_term": partner.property_payment_term_id.with_env(self.env),
        }

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
