# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""Key persons (Art. 33) on the customer's contacts, and the missing ones."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv.expression import AND as expression_and

from .res_partner import ARCHIVE_GROUPS, CONFIDENTIAL_GROUPS

# Art. 33: every large and medium terminal customer has key persons.
KEY_PERSON_SIZES = ("large", "medium")


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        self._lam_check_search_access("lam_missing_key_person")
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Missing key persons can only be searched as set or not set.")
            )
        required = self.env.company.lam_key_person_min_count
        covered = (
            [
                parent.id
                # as the system: key persons of every customer, to find the ones covered
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

    def _lam_needs_key_persons(self):
        self.ensure_one()
        return (
            self.is_company
            and self.lam_customer_kind == "terminal"
            and self.lam_size in KEY_PERSON_SIZES
        )
