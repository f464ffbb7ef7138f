# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamCustomerStock(models.Model):
    """A customer's stock on hand of one of our products, as the manager saw
    or was told it on a day (P7)."""

    _name = "lam.customer.stock"
    _description = "Customer Stock on Hand"
    _inherit = ["lam.customer.record.mixin", "lam.volume.mixin"]
    _lam_volume_fields = ("quantity",)
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        domain=[("lam_is_lubricant", "=", True)],
    )
    quantity = fields.Float(
        digits="Lubricant Volume", required=True, help="In the reference unit."
    )
    note = fields.Char()

    _sql_constraints = [
        ("quantity_not_negative", "CHECK(quantity >= 0)", "A stock cannot be negative.")
    ]

    @api.constrains("product_id", "date")
    def _check_product(self):
        today = fields.Date.context_today(self)
        for stock in self:
            if not stock.product_id.lam_is_lubricant:
                raise ValidationError(
                    _(
                        "%(product)s: stocks on hand are of lubricants.",
                        product=stock.product_id.display_name,
                    )
                )
            if stock.date > today:
                raise ValidationError(
                    _("A stock is recorded as seen, today or before.")
                )
