# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models


class LamOilUsage(models.Model):
    _name = "lam.oil.usage"
    _description = "Customer Oil Usage Record"
    _inherit = ["lam.customer.record.mixin"]
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    equipment_id = fields.Many2one(
        "lam.equipment", string="Equipment", domain="[('partner_id', '=', partner_id)]"
    )
    product_id = fields.Many2one("product.product", string="Product")
    brand = fields.Char(help="Brand used when it is not one of our products.")
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        default=lambda self: self.env.ref("uom.product_uom_litre", raise_if_not_found=False),
    )
    reference_qty = fields.Float(
        string="Quantity (Reference Unit)",
        compute="_compute_reference_qty",
        store=True,
        digits="Product Unit of Measure",
        help="The quantity in the company's reference volume unit (empty when it cannot be converted).",
    )
    note = fields.Char()

    _sql_constraints = [
        ("quantity_not_negative", "CHECK(quantity >= 0)", "A used quantity cannot be negative."),
    ]

    @api.depends("quantity", "uom_id", "product_id.lam_density")
    def _compute_reference_qty(self):
        company = self.env.company
        for usage in self:
            qty = usage.uom_id and company._lam_to_reference_qty(
                usage.quantity, usage.uom_id, usage.product_id, raise_if_failure=False
            )
            usage.reference_qty = qty or 0.0

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.uom_id = self.product_id.uom_id
