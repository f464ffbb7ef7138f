# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The P9 fields an archive's completeness may count (DOMAIN §12): which count, and
# with what weight, is the administrator's choice (Configuration, Archive Fields).
COMPLETENESS_FIELDS = (
    "phone",
    "street",
    "industry_id",
    "lam_size",
    "lam_uscc",
    "lam_legal_representative",
    "lam_registered_capital",
    "lam_established_date",
    "lam_business_scope",
    "lam_employee_count",
    "lam_annual_output",
    "lam_oil_demand",
    "lam_technical_requirements",
    "lam_purchase_requester",
    "lam_purchase_approver",
    "lam_purchase_cycle",
    "lam_current_suppliers",
    "lam_current_brands",
    "lam_competitor_prices",
    "lam_key_person_ids",
    "lam_equipment_ids",
)


class LamArchiveField(models.Model):
    """A field of the customer archive (P9) counted in its completeness
    (档案完整度), with its weight."""

    _name = "lam.archive.field"
    _description = "Archive Completeness Field"
    _inherit = ["lam.validated.mixin"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    field_name = fields.Selection(
        selection="_selection_field_name", string="Field", required=True
    )
    weight = fields.Integer(
        required=True, default=1, help="Counted this many times in the share filled."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("field_name_unique", "UNIQUE(field_name)", "A field is counted once."),
        (
            "weight_bounded",
            "CHECK(weight BETWEEN 1 AND 100)",
            "A weight is between 1 and 100.",
        ),
    ]

    @api.model
    def _selection_field_name(self):
        partner_fields = self.env["res.partner"]._fields
        return [
            (name, partner_fields[name]._description_string(self.env))
            for name in COMPLETENESS_FIELDS
        ]

    @api.constrains("field_name")
    def _check_field_name(self):
        for line in self:
            if line.field_name not in COMPLETENESS_FIELDS:
                raise ValidationError(
                    _("%(field)s is not a field of the archive.", field=line.field_name)
                )

    @api.model
    def _lam_weights(self):
        """{field name: weight} of the fields counted, in their order."""
        lines = self.sudo().with_context(active_test=True).search([])
        return {line.field_name: line.weight for line in lines}

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env["res.partner"]._lam_recompute_completeness()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.env["res.partner"]._lam_recompute_completeness()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.partner"]._lam_recompute_completeness()
        return result
