# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The lubricant customer on res.partner: what it is and who may change what.

The partner's side of each feature lives beside it, in res_partner_*.py
(archive, key persons, credit, grading, forecast, dealer link, development,
field work, reassignment); create and write are here, once.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.uscc import compact_uscc

# Managers of every category, department managers and admins (all imply
# group_lam_user), not finance: confidential commercial information.
CONFIDENTIAL_GROUPS = "lubricant_account_manager.group_lam_user"
# The archive (and credit information) is read by the managers and finance;
# other internal users see a lubricant customer as an ordinary contact.
ARCHIVE_GROUPS = (
    "lubricant_account_manager.group_lam_user,"
    "lubricant_account_manager.group_lam_finance"
)
# Fields whose change can move a partner out of the user's reach: the rules
# are checked again after the write.
LINK_FIELDS = ("user_id", "parent_id", "is_company", "lam_customer_kind")
# What users outside the addon may not change on a lubricant customer.
OUTSIDER_LOCKED_FIELDS = ("user_id", "active", "parent_id", "is_company", "company_id")
# set by the hand-off wizard only
HANDOFF_FIELDS = ("lam_handoff_date",)
CUSTOMER_KINDS = [
    ("terminal", "Terminal Customer"),
    ("dealer", "Dealer"),
    ("prospect", "Prospect"),
]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "lam.validated.mixin"]
    _lam_validated_prefix = "lam_"

    # The rules of the addon filter customers on their account manager.
    user_id = fields.Many2one(index=True)
    # --- classification
    lam_is_lubricant_customer = fields.Boolean(
        compute="_compute_lam_is_lubricant_customer",
        help="Technical: whether the partner is a lubricant customer, for every user "
        "(the kind is restricted).",
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

    @api.depends("lam_customer_kind")
    def _compute_lam_is_lubricant_customer(self):
        for partner, kind in zip(
            # as the system: the kind is restricted to the archive groups, the flag is
            # for every reader
            self,
            self.sudo().mapped("lam_customer_kind"),
            strict=False,
        ):
            partner.lam_is_lubricant_customer = bool(kind)

    @api.model
    def _lam_check_search_access(self, fname):
        """A search method answers for its field: only who may read the field
        searches on it (its answer would tell what the field holds)."""
        field = self._fields[fname]
        if not self.env.su and not field.is_accessible(self.env):
            raise AccessError(
                _(
                    "You may not search on %(field)s.",
                    field=field._description_string(self.env),
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
            if (
                context.get("import_file")
                and "user_id" in vals
                and not vals["user_id"]
                and context.get("default_user_id")
            ):
                # an empty cell of the import's manager column: the importer's
                # default, as when the column is left out
                del vals["user_id"]
            self._lam_prepare_vals(vals)
            self._lam_check_grade_fields(vals, creating=True)
            self._lam_check_review_date(vals)
            if vals.get("lam_customer_kind"):
                for fname in self._lam_risk_includes:
                    vals.setdefault(fname, True)
            if vals.get("lam_customer_kind") == "prospect" and vals.get(
                "is_company", context.get("default_is_company")
            ):
                # a new prospect starts at the first development stage (Art. 32)
                vals.setdefault("lam_stage", "potential")
            self._lam_set_company(vals)
            if vals.get("lam_credit_rating") or (
                vals.get("lam_customer_kind")
                and (
                    any(vals.get(fname) for fname in self._lam_credit_fields)
                    or self._lam_risk_settings_given(vals)
                )
            ):
                self._lam_check_credit_rights()
        self._lam_check_uscc_free([vals.get("lam_uscc") for vals in vals_list])
        partners = super().create(vals_list)
        linked = partners.filtered("lam_dealer_id")
        if linked:
            linked._lam_sync_dealer_customers({"lam_dealer_id"}, {})
        return partners

    def write(self, vals):
        self._lam_prepare_vals(vals)
        self._lam_check_protected_changes(vals)
        if vals.get("lam_uscc"):
            self._lam_check_uscc_free([vals["lam_uscc"]] * len(self))
        customers = (
            self.filtered("is_company")
            if set(vals).intersection(
                self._lam_credit_fields + self._lam_risk_setting_fields
            )
            else self.browse()
        )
        if vals.get("lam_customer_kind"):
            # the addon's own risk settings for a new customer, after the checks
            # (not a change of credit terms: the history does not follow them);
            # only who changes credit terms adopts a partner with others
            includes = dict.fromkeys(self._lam_risk_includes, True)
            vals = (
                dict(includes, **vals)
                if self.env.su or self.env.user._lam_may_change_credit()
                else dict(vals, **includes)
            )
        before = {partner.id: partner._lam_credit_snapshot() for partner in customers}
        previous_managers = (
            # as the system: the managers before the write, whoever may read them
            {partner: partner.user_id for partner in self.sudo()}
            if "user_id" in vals
            else {}
        )
        orders, confirmed = self._lam_confirmed_orders_moved(vals)
        result = super().write(vals)
        orders._lam_check_confirmed_risk(confirmed)
        if customers:
            customers._lam_log_credit_changes(before)
        if set(vals).intersection(LINK_FIELDS):
            # Record rules are checked before a write: a manager may not move
            # a partner (or turn one into a lubricant customer) out of his reach.
            self.check_access("write")
        if vals.get("lam_customer_kind"):
            self._lam_give_company()
        if previous_managers:
            self._lam_hand_over_followers(previous_managers)
        if {"lam_dealer_id", "lam_customer_kind", "user_id"}.intersection(vals):
            self._lam_sync_dealer_customers(set(vals), previous_managers)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lubricant_customer(self):
        """A customer's archive is kept: only administrators of the addon delete a
        lubricant customer."""
        if self.env.su or self.env.user.has_group(
            "lubricant_account_manager.group_lam_admin"
        ):
            return
        # as the system: the kind is restricted; lam admins and the system returned
        # above
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

    def _lam_confirmed_orders_moved(self, vals):
        """The confirmed orders of these partners (and their contacts), and what
        the credit check passed, when the write moves them to another company
        partner: a contact moved under a credit customer takes its orders along."""
        orders = self.env["sale.order"]
        if self.env.su or not {"parent_id", "is_company"}.intersection(vals):
            return orders, {}
        # as the system: the orders of these partners, whoever sold them
        orders = (
            orders.sudo()
            .search(
                [
                    ("state", "=", "sale"),
                    "|",
                    ("partner_id", "child_of", self.ids),
                    ("partner_invoice_id", "child_of", self.ids),
                ]
            )
            .with_env(self.env)
        )
        return orders, orders._lam_confirmed_terms()

    def _lam_check_company_change(self, vals):
        """A lubricant customer and his contacts stay in their company (Odoo's
        partner rule keeps the other companies out): an administrator of the
        addon moves or shares them."""
        if "company_id" not in vals or self.env.user.has_group(
            "lubricant_account_manager.group_lam_admin"
        ):
            return
        # as the system: the kind of the contacts' companies is restricted
        moved = self.sudo().filtered(
            lambda partner: partner.commercial_partner_id.lam_customer_kind
            and partner.company_id.id != (vals["company_id"] or False)
        )
        if moved:
            raise AccessError(
                _(
                    "%(partners)s: a lubricant customer and his contacts stay in "
                    "their company; an administrator of account management moves "
                    "them.",
                    partners=", ".join(moved.mapped("display_name")),
                )
            )

    @api.model
    def _lam_customer_company(self, manager):
        """The company a lubricant customer belongs to: the current one, if the
        manager works in it, or the manager's own."""
        if not manager or self.env.company in manager.company_ids:
            return self.env.company
        return manager.company_id

    @api.model
    def _lam_set_company(self, vals):
        """A lubricant customer belongs to a company (Odoo's multi-company rule
        on partners keeps it from the others'), his contacts to his."""
        if vals.get("company_id"):
            return
        if vals.get("lam_customer_kind"):
            manager = self.env["res.users"].browse(vals.get("user_id"))
            vals["company_id"] = self._lam_customer_company(manager.sudo()).id
        elif vals.get("parent_id"):
            # as the system: the parent's company, which its contact takes (a
            # customer's contact is in his company, whatever was given)
            parent = self.browse(vals["parent_id"]).sudo()
            if parent.company_id and (
                "company_id" not in vals
                or parent.commercial_partner_id.lam_customer_kind
            ):
                vals["company_id"] = parent.company_id.id

    def _lam_give_company(self):
        """Partners made lubricant customers take a company (their contacts too)."""
        # as the system: the company is set after the write was allowed; a partner
        # of a user keeps his own
        for partner in self.sudo().filtered(
            lambda partner: partner.is_company
            and not partner.company_id
            and not partner.user_ids
        ):
            partner.company_id = self._lam_customer_company(partner.user_id)

    def _lam_check_uscc_free(self, codes):
        """A unified social credit code belongs to one customer: refused with a
        clear message before the database's unique constraint (whose error
        names the column), in one query for a batch."""
        codes = [code for code in codes if code]
        if not codes:
            return
        taken = (
            self.sudo()
            .with_context(active_test=False)
            .search([("lam_uscc", "in", codes), ("id", "not in", self.ids)], limit=1)
        )
        if taken or len(set(codes)) < len(codes):
            raise ValidationError(
                _(
                    "Another customer already has the unified social credit code "
                    "%(code)s: open that archive instead.",
                    code=taken.lam_uscc
                    or next(code for code in codes if codes.count(code) > 1),
                )
            )

    @api.model
    def _lam_prepare_vals(self, vals):
        """Validate the archive's values before they reach the database."""
        computed = [
            fname
            for fname in (
                "lam_is_credit_customer",
                "lam_missing_key_person",
                "lam_equipment_count",
                "lam_coverage_ratio",
                "lam_prospect_score",
                "lam_abc_differs",
                "lam_archive_completeness",
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
        self._lam_check_grade_fields(vals)
        self._lam_check_review_date(vals)
        if "commercial_partner_id" in vals:
            raise UserError(
                _(
                    "The commercial entity of a contact follows its company: it is not "
                    "written."
                )
            )
        user = self.env.user
        if set(vals).intersection(HANDOFF_FIELDS):
            raise UserError(_("A hand-off is dated by the hand-off, not written."))
        self._lam_check_company_change(vals)
        # as the system: the kind and credit terms are restricted; this check decides
        # who may write them
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
        # as the system: the current rating, to see whether the write changes it
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
            if vals["lam_customer_kind"]:
                (self - customers)._lam_check_may_adopt()
            if (
                vals["lam_customer_kind"]
                # as the system: the credit terms of the partners becoming customers
                and (self - customers).sudo()._lam_has_credit_terms()
            ):
                raise self._lam_credit_change_error()
            if vals["lam_customer_kind"] and (self - customers)._lam_credit_changes(
                vals
            ):
                raise self._lam_credit_change_error()

    def _lam_work_name(self):
        """The customer's name as work done on him shows it: his manager's
        work stays its doer's after the customer moves to a colleague (Art.
        16), with the name, not the archive."""
        # as the system: the name only, for a record the user reads already
        return self.sudo().name or ""
