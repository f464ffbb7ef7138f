# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.uscc import compact_uscc, uscc_error

# Managers of every category, department managers and admins (all imply
# group_lam_user), not finance: confidential commercial information.
CONFIDENTIAL_GROUPS = "lubricant_account_manager.group_lam_user"
# Credit information is also finance's business.
CREDIT_GROUPS = "lubricant_account_manager.group_lam_user,lubricant_account_manager.group_lam_finance"

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
    _lam_credit_fields = ("credit_limit", "property_payment_term_id", "lam_credit_rating")

    # --- classification
    lam_customer_kind = fields.Selection(
        CUSTOMER_KINDS,
        string="Lubricant Customer Kind",
        tracking=True,
        index=True,
        help="Set on the companies that are lubricant customers: only those are archives of a manager.",
    )
    lam_size = fields.Selection(
        [("large", "Large"), ("medium", "Medium"), ("small", "Small")],
        string="Size Class",
        tracking=True,
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
    )
    # --- business registration
    lam_uscc = fields.Char(string="Unified Social Credit Code", size=18, tracking=True, copy=False)
    lam_legal_representative = fields.Char(string="Legal Representative")
    lam_registered_capital = fields.Float(string="Registered Capital (10k CNY)", digits=(16, 2))
    lam_established_date = fields.Date(string="Established On")
    lam_business_scope = fields.Text(string="Business Scope")
    # --- production scale
    lam_employee_count = fields.Integer(string="Employees")
    lam_annual_output = fields.Char(string="Annual Output")
    lam_equipment_count = fields.Integer(
        string="Equipment Units", compute="_compute_lam_equipment_stats"
    )
    lam_coverage_ratio = fields.Float(
        string="Coverage by Our Products (%)",
        compute="_compute_lam_equipment_stats",
        digits=(5, 1),
        help="Share of equipment units running on our products (full-range promotion).",
    )
    # --- needs and purchasing
    lam_oil_demand = fields.Text(string="Oil Demand")
    lam_technical_requirements = fields.Text(string="Technical Requirements")
    lam_purchase_requester = fields.Char(string="Purchase Requested By")
    lam_purchase_approver = fields.Char(string="Purchase Approved By")
    lam_purchase_by_tender = fields.Boolean(string="Purchases by Tender")
    lam_purchase_cycle = fields.Char(string="Purchase Cycle")
    lam_current_suppliers = fields.Char(string="Current Suppliers")
    lam_current_brands = fields.Char(string="Brands in Use")
    lam_competitor_prices = fields.Text(
        string="Competitor Purchase Prices",
        groups=CONFIDENTIAL_GROUPS,
        help="Confidential: prices the customer pays other suppliers.",
    )
    lam_last_review_date = fields.Date(string="Archive Last Reviewed", tracking=True, copy=False)
    # --- credit
    lam_credit_rating = fields.Selection(
        CREDIT_RATINGS, string="Credit Rating", groups=CREDIT_GROUPS, copy=False
    )
    lam_is_credit_customer = fields.Boolean(
        string="Credit Customer",
        compute="_compute_lam_is_credit_customer",
        store=True,
        help="A credit limit is set, or the payment term is longer than immediate payment.",
    )
    lam_credit_event_ids = fields.One2many(
        "lam.credit.event", "partner_id", string="Credit History", groups=CREDIT_GROUPS
    )
    # --- archive records
    lam_equipment_ids = fields.One2many("lam.equipment", "partner_id", string="Equipment")
    lam_oil_usage_ids = fields.One2many("lam.oil.usage", "partner_id", string="Oil Usage")
    lam_oil_sample_ids = fields.One2many("lam.oil.sample", "partner_id", string="Oil Samples")
    # --- key persons (on contacts) and the flag on the customer
    lam_is_key_person = fields.Boolean(string="Key Person", tracking=True)
    lam_key_role = fields.Selection(
        [
            ("purchaser", "Purchaser"),
            ("purchasing_head", "Purchasing Head"),
            ("technician", "Technician"),
            ("equipment_officer", "Equipment Officer"),
            ("other", "Other"),
        ],
        string="Key Role",
    )
    lam_influence = fields.Selection(
        [("high", "Strong"), ("medium", "Moderate"), ("low", "Weak")], string="Influence"
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
        context={"default_lam_is_key_person": True, "default_type": "contact"},
    )
    lam_missing_key_person = fields.Boolean(
        string="Key Person Missing",
        compute="_compute_lam_missing_key_person",
        store=True,
        help="A large or medium terminal customer has fewer key persons than the settings require.",
    )

    _sql_constraints = [
        (
            "lam_counts_not_negative",
            "CHECK(COALESCE(lam_employee_count, 0) >= 0 AND COALESCE(lam_registered_capital, 0) >= 0)",
            "Employees and registered capital cannot be negative.",
        ),
        (
            "lam_uscc_unique",
            "UNIQUE(lam_uscc)",
            "Another customer already has this unified social credit code: open that archive instead.",
        ),
    ]

    @api.depends("lam_equipment_ids.quantity", "lam_equipment_ids.oil_source")
    def _compute_lam_equipment_stats(self):
        for partner in self:
            total = sum(partner.lam_equipment_ids.mapped("quantity"))
            ours = sum(partner.lam_equipment_ids.filtered(lambda e: e.oil_source == "ours").mapped("quantity"))
            partner.lam_equipment_count = total
            partner.lam_coverage_ratio = 100.0 * ours / total if total else 0.0

    @api.depends("credit_limit", "property_payment_term_id.line_ids.nb_days")
    def _compute_lam_is_credit_customer(self):
        # The accounting fields are restricted to accountants; whether a
        # customer buys on credit is everyone's business.
        for partner in self.sudo():
            term_days = partner.property_payment_term_id.line_ids.mapped("nb_days")
            partner.lam_is_credit_customer = bool(partner.credit_limit) or any(days > 0 for days in term_days)

    @api.depends(
        "is_company", "lam_customer_kind", "lam_size", "company_id", "child_ids.lam_is_key_person", "child_ids.active"
    )
    def _compute_lam_missing_key_person(self):
        for partner in self:
            required = (partner.company_id or self.env.company).lam_key_person_min_count
            partner.lam_missing_key_person = (
                partner.is_company
                and partner.lam_customer_kind == "terminal"
                and partner.lam_size in KEY_PERSON_SIZES
                and len(partner.child_ids.filtered("lam_is_key_person")) < required
            )

    @api.constrains("lam_uscc")
    def _check_lam_uscc(self):
        messages = {
            "length": _("A unified social credit code has exactly 18 characters."),
            "chars": _(
                "A unified social credit code uses only digits and the capital letters "
                "A-H, J-N, P-R, T, U, W, X, Y (no I, O, Z, S, V)."
            ),
            "check": _("The check character (18th) of this unified social credit code is wrong."),
        }
        for partner in self.filtered("lam_uscc"):
            error = uscc_error(partner.lam_uscc)
            if error:
                raise ValidationError(
                    _("%(partner)s: %(code)s is not valid. %(reason)s",
                      partner=partner.display_name, code=partner.lam_uscc, reason=messages[error])
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
        for vals in vals_list:
            if vals.get("parent_id"):
                # Lines added under a company (key persons, addresses) are
                # saved with the customer form's context: its defaults for
                # new customers must not turn them into companies.
                vals.setdefault("is_company", False)
                vals.setdefault("lam_customer_kind", False)
            if vals.get("lam_uscc"):
                vals["lam_uscc"] = compact_uscc(vals["lam_uscc"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("lam_uscc"):
            vals["lam_uscc"] = compact_uscc(vals["lam_uscc"])
        tracked = set(vals).intersection(self._lam_credit_fields)
        if not tracked:
            return super().write(vals)
        customers = self.filtered("lam_customer_kind")
        before = {partner.id: partner._lam_credit_snapshot() for partner in customers}
        result = super().write(vals)
        customers._lam_log_credit_changes(before)
        return result

    def action_lam_mark_reviewed(self):
        self.write({"lam_last_review_date": fields.Date.context_today(self)})

    def action_lam_print_p9(self):
        return self.env.ref("lubricant_account_manager.action_report_p9").report_action(self)

    def action_lam_print_p10(self):
        return self.env.ref("lubricant_account_manager.action_report_p10").report_action(self)

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
        """Write one credit event per customer whose credit terms changed."""
        reason = self.env.context.get("lam_credit_reason") or _("Changed on the customer form")
        events_vals = []
        for partner in self:
            old, new = before[partner.id], partner._lam_credit_snapshot()
            if old == new:
                continue
            events_vals.append({
                "partner_id": partner.id,
                "changed_by_id": self.env.user.id,
                "old_rating": old["rating"],
                "new_rating": new["rating"],
                "old_limit": old["limit"],
                "new_limit": new["limit"],
                "old_payment_term_id": old["payment_term"].id,
                "new_payment_term_id": new["payment_term"].id,
                "reason": reason,
            })
        if not events_vals:
            return
        # The credit history is an audit trail written by the system for
        # whoever changed the terms: nobody may create events by hand.
        events = self.env["lam.credit.event"].sudo().create(events_vals)
        for event in events:
            event.partner_id.sudo().message_post(
                body=Markup("<p>%s</p><p>%s</p>") % (_("Credit status changed"), event.summary),
                subtype_xmlid="mail.mt_note",
            )
