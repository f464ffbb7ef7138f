# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The customer archive (Art. 9-12): registration, scale, needs, the archive's
records and its periodic review."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv.expression import AND as expression_and

from ..tools.uscc import uscc_error
from .lam_archive_field import COMPLETENESS_FIELDS
from .res_partner import ARCHIVE_GROUPS, CONFIDENTIAL_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        help="The archive review cadence the customer is on is not met (Art. 12.3: "
        "quarterly; A customers monthly): the same reviews the cadence counts.",
    )
    # --- archive records
    # --- completeness (档案完整度): the weighted share of the counted P9 fields
    lam_archive_completeness = fields.Float(
        string="Archive Completeness (%)",
        compute="_compute_lam_archive_completeness",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        groups=ARCHIVE_GROUPS,
        help="Weighted share of the archive fields filled in; the fields and their "
        "weights are set in Configuration, Archive Fields.",
    )
    lam_archive_missing = fields.Char(
        string="Missing in the Archive",
        compute="_compute_lam_archive_missing",
        groups=ARCHIVE_GROUPS,
    )
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
    lam_archive_review_ids = fields.One2many(
        "lam.archive.review",
        "partner_id",
        string="Archive Reviews",
        groups=ARCHIVE_GROUPS,
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

    @api.depends(
        *COMPLETENESS_FIELDS, "lam_customer_kind", "child_ids.lam_is_key_person"
    )
    def _compute_lam_archive_completeness(self):
        weights = self.env["lam.archive.field"]._lam_weights()
        total = sum(weights.values())
        for partner in self:
            # as the system: the share counts fields a user may not read
            record = partner.sudo()
            filled = sum(weight for name, weight in weights.items() if record[name])
            partner.lam_archive_completeness = (
                100.0 * filled / total if total and record.lam_customer_kind else 0.0
            )

    @api.depends(
        *COMPLETENESS_FIELDS, "lam_customer_kind", "child_ids.lam_is_key_person"
    )
    @api.depends_context("lang")
    def _compute_lam_archive_missing(self):
        weights = self.env["lam.archive.field"]._lam_weights()
        labels = {
            name: self._fields[name]._description_string(self.env) for name in weights
        }
        for partner in self:
            record = partner.sudo()
            partner.lam_archive_missing = (
                "、".join(labels[name] for name in weights if not record[name])
                if record.lam_customer_kind
                else False
            )

    @api.model
    def _lam_recompute_completeness(self):
        """Recompute every customer's completeness (the counted fields or their
        weights changed), in batches of the ORM."""
        customers = (
            self.sudo()
            .with_context(active_test=False)
            .search([("lam_customer_kind", "!=", False)])
        )
        self.env.add_to_compute(self._fields["lam_archive_completeness"], customers)
        customers._recompute_recordset(["lam_archive_completeness"])

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

    def _lam_review_statuses(self):
        """The statuses of the archive review cadences the customers are judged
        on (the last run of the cadences, or the review just recorded)."""
        # as the system: the statuses are the dashboard's, the fields' groups were
        # checked by the caller
        return (
            self.env["lam.cadence.status"]
            .sudo()
            ._search([("rule_id.contact_type", "=", "review"), ("covered", "=", False)])
        )

    @api.depends("lam_last_review_date", "lam_customer_kind")
    def _compute_lam_review_overdue(self):
        # as the system: the statuses are the dashboard's, the field's groups apply
        statuses = (
            self.env["lam.cadence.status"]
            .sudo()
            .search(
                [
                    ("id", "in", self._lam_review_statuses()),
                    ("partner_id", "in", self._origin.ids),
                ]
            )
        )
        uncovered = set(statuses.partner_id.ids)
        for partner in self:
            partner.lam_review_overdue = partner._origin.id in uncovered

    def _search_lam_review_overdue(self, operator, value):
        self._lam_check_search_access("lam_review_overdue")
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Overdue reviews can only be searched as set or not set.")
            )
        overdue = [("id", "in", self._lam_review_statuses().subselect("partner_id"))]
        return (
            overdue if (operator == "=") == value else ["!", *expression_and([overdue])]
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

    @api.model
    def _lam_check_review_date(self, vals):
        """The date of the last review comes from the reviews, dated by the
        server: nobody writes it or backdates it."""
        if not self.env.su and vals.get("lam_last_review_date"):
            raise UserError(
                _(
                    "The archive's last review is dated by Mark as Reviewed, not "
                    "written."
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
                review.check_access("write")
                # as the system: the server dates the review (a system field);
                # write access was checked just before
                review.sudo().write(
                    {
                        "date": fields.Datetime.now(),
                        "updated": Review._lam_changes_of(partner, exclude=review),
                    }
                )
            else:
                Review.create(
                    {
                        "partner_id": partner.id,
                        "updated": Review._lam_changes_of(partner),
                    }
                )
        # the review cadences judge these archives again at once (their status and
        # activities, which the overdue flag reads), not at the next daily run;
        # as the system: the cadence engine writes activities for every rule
        self.env["lam.cadence.engine"].sudo()._lam_enforce(self)
