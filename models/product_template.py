# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "lam.validated.mixin"]
    _lam_validated_prefix = "lam_"

    lam_is_lubricant = fields.Boolean(
        string="Lubricant",
        help="Counted in lubricant volumes (grades, plans, purchase tracking).",
    )
    lam_density = fields.Float(
        string="Density (kg/L)",
        digits=(12, 3),
        help="Converts this product between volume and weight units. "
        "Leave empty to use the company default density.",
    )

    _sql_constraints = [
        (
            "lam_density_not_negative",
            "CHECK(lam_density >= 0)",
            "A density cannot be negative.",
        ),
    ]
