# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.validation import MAX_CHANGE_INTERVAL_DAYS, shift_date


class LamEquipment(models.Model):
    _name = "lam.equipment"
    _description = "Customer Oil-Using Equipment"
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "partner_id, equipment_type, name"

    name = fields.Char(string="Equipment", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    equipment_type = fields.Selection(
        [
            ("engine", "Engine / Vehicle"),
            ("hydraulic", "Hydraulic System"),
            ("gear", "Gearbox"),
            ("compressor", "Compressor"),
            ("turbine", "Turbine"),
            ("transformer", "Transformer"),
            ("machine_tool", "Machine Tool"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="other",
    )
    make_model = fields.Char(string="Make / Model")
    quantity = fields.Integer(default=1, required=True)
    oil_capacity = fields.Float(string="Oil Capacity per Unit (L)", digits=(12, 1))
    oil_source = fields.Selection(
        [
            ("ours", "Our Product"),
            ("competitor", "Competitor Brand"),
            ("unknown", "Unknown"),
        ],
        string="Oil in Use",
        required=True,
        default="unknown",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Our Product",
        domain=[("lam_is_lubricant", "=", True)],
    )
    competitor_brand = fields.Char()
    change_interval_days = fields.Integer(string="Change Interval (days)")
    last_change_date = fields.Date(string="Last Oil Change", tracking=True)
    next_change_date = fields.Date(
        compute="_compute_next_change_date",
        string="Next Oil Change",
        store=True,
        index="btree_not_null",
    )
    change_due = fields.Boolean(
        string="Oil Change Due",
        compute="_compute_change_due",
        search="_search_change_due",
        help="The next oil change falls within the number of days set in the settings "
        "(or is past).",
    )
    annual_consumption = fields.Float(
        string="Estimated Annual Consumption (L)",
        compute="_compute_annual_consumption",
        store=True,
        readonly=False,
        digits=(12, 1),
        help="Quantity x capacity x changes per year; overwrite it with what the "
        "customer reports.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "quantities_not_negative",
            "CHECK(quantity >= 0 AND COALESCE(oil_capacity, 0) >= 0 "
            "AND COALESCE(change_interval_days, 0) >= 0 AND "
            "COALESCE(annual_consumption, 0) >= 0)",
            "Quantities, capacities, change intervals and consumptions cannot be "
            "negative.",
        ),
        (
            "change_interval_bounded",
            f"CHECK(COALESCE(change_interval_days, 0) <= {MAX_CHANGE_INTERVAL_DAYS})",
            "An oil change interval cannot be longer than ten years.",
        ),
    ]

    @api.depends("last_change_date", "change_interval_days")
    def _compute_next_change_date(self):
        for equipment in self:
            equipment.next_change_date = (
                shift_date(equipment.last_change_date, equipment.change_interval_days)
                if equipment.last_change_date and equipment.change_interval_days
                else False
            )

    @api.model
    def _change_due_limit(self):
        return fields.Date.context_today(self) + relativedelta(
            days=self.env.company.lam_oil_change_due_days
        )

    @api.depends("next_change_date")
    @api.depends_context("company")
    def _compute_change_due(self):
        limit = self._change_due_limit()
        for equipment in self:
            equipment.change_due = (
                bool(equipment.next_change_date) and equipment.next_change_date <= limit
            )

    def _search_change_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(
                _("Oil changes due can only be searched as set or not set.")
            )
        due = [
            ("next_change_date", "!=", False),
            ("next_change_date", "<=", self._change_due_limit()),
        ]
        return (
            due
            if (operator == "=") == value
            else [
                "|",
                ("next_change_date", "=", False),
                ("next_change_date", ">", self._change_due_limit()),
            ]
        )

    @api.depends("quantity", "oil_capacity", "change_interval_days")
    def _compute_annual_consumption(self):
        for equipment in self:
            changes = (
                365.0 / equipment.change_interval_days
                if equipment.change_interval_days
                else 0.0
            )
            equipment.annual_consumption = (
                equipment.quantity * equipment.oil_capacity * changes
            )

    @api.constrains("change_interval_days")
    def _check_change_interval_days(self):
        for equipment in self:
            if not 0 <= equipment.change_interval_days <= MAX_CHANGE_INTERVAL_DAYS:
                raise ValidationError(
                    _(
                        "%(equipment)s: an oil change interval is between 0 and "
                        "%(max)s days, not %(days)s.",
                        equipment=equipment.name,
                        max=MAX_CHANGE_INTERVAL_DAYS,
                        days=equipment.change_interval_days,
                    )
                )

    @api.onchange("oil_source")
    def _onchange_oil_source(self):
        if self.oil_source != "ours":
            self.product_id = False
        if self.oil_source != "competitor":
            self.competitor_brand = False

    @api.model
    def _cron_full_range_activities(self):
        """Daily (Art. 13.4): a customer with equipment not on our products
        gives his manager one full-range recommendation (an activity on the
        customer, not one per unit), closed when the coverage changes; marked
        done with the reason why not, it is not asked again for the same
        coverage. A few grouped queries, whatever the number of customers."""
        # as the system: every company's equipment and activities, for the managers
        groups = self.sudo()._read_group(
            [("partner_id", "!=", False)],
            ["partner_id", "oil_source"],
            ["quantity:sum"],
        )
        units, ours = defaultdict(int), defaultdict(int)
        for partner, source, quantity in groups:
            units[partner] += quantity
            if source == "ours":
                ours[partner] += quantity
        signatures = {
            partner: f"{ours[partner]}/{total}"
            for partner, total in units.items()
            if total > ours[partner]
            and partner.user_id
            and partner.is_company
            and partner.lam_customer_kind
        }
        Activity = self.env["mail.activity"].sudo().with_context(active_test=False)
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_full_range"
        )
        activities = Activity.search(
            [
                ("res_model", "=", "res.partner"),
                ("lam_coverage_signature", "!=", False),
            ]
        )
        Partner = self.env["res.partner"].sudo()
        answered = {
            (activity.res_id, activity.lam_coverage_signature)
            for activity in activities
        }
        changed = activities.filtered(
            lambda activity: activity.active
            and signatures.get(Partner.browse(activity.res_id))
            != activity.lam_coverage_signature
        )
        if changed:
            changed.action_feedback(feedback=_("The equipment coverage changed."))
        partner_model = self.env["ir.model"]._get_id("res.partner")
        today = fields.Date.context_today(self)
        Activity._lam_create_bulk(
            [
                {
                    "res_model_id": partner_model,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "user_id": partner.user_id.id,
                    "date_deadline": today
                    + relativedelta(days=activity_type.delay_count),
                    "summary": self.with_context(
                        lang=partner.user_id.lang or self.env.lang
                    ).env._(
                        "Full range for %(customer)s: %(ours)s of %(units)s units on "
                        "our products",
                        customer=partner.name,
                        ours=ours[partner],
                        units=units[partner],
                    ),
                    "note": self.with_context(
                        lang=partner.user_id.lang or self.env.lang
                    ).env._(
                        "Recommend our products for the equipment not yet on them; "
                        "if the customer will not change, mark this done with the "
                        "reason."
                    ),
                    "lam_coverage_signature": signature,
                }
                for partner, signature in signatures.items()
                if (partner.id, signature) not in answered
            ]
        )
