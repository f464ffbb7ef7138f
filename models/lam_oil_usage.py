# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models


class LamOilUsage(models.Model):
    _name = "lam.oil.usage"
    _description = "Customer Oil Usage Record"
    _inherit = ["lam.customer.record.mixin", "lam.equipment.link.mixin"]
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The company whose reference unit the usage is expressed in.",
    )
    product_id = fields.Many2one(
        "product.product", string="Product", domain=[("lam_is_lubricant", "=", True)]
    )
    brand = fields.Char(help="Brand used when it is not one of our products.")
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        default=lambda self: self.env.ref(
            "uom.product_uom_litre", raise_if_not_found=False
        ),
    )
    reference_qty = fields.Float(
        string="Quantity (Reference Unit)",
        compute="_compute_reference_qty",
        store=True,
        digits="Lubricant Volume",
        help="The quantity in the reference unit of the record's company; "
        "recomputed when that setting changes.",
    )
    reference_uom_id = fields.Many2one(
        "uom.uom",
        string="Reference Unit",
        compute="_compute_reference_qty",
        store=True,
    )
    reference_unconvertible = fields.Boolean(
        string="Cannot Convert",
        compute="_compute_reference_qty",
        store=True,
        help="The unit cannot be converted into the reference unit (for instance "
        "pieces): "
        "the usage is left out of totals.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "quantity_not_negative",
            "CHECK(quantity >= 0)",
            "A used quantity cannot be negative.",
        ),
    ]

    @api.depends(
        "quantity",
        "uom_id",
        "product_id.lam_density",
        "company_id.lam_reference_uom_id",
        "company_id.lam_default_density",
    )
    def _compute_reference_qty(self):
        for usage in self:
            company = usage.company_id or self.env.company
            qty = usage.uom_id and company._lam_to_reference_qty(
                usage.quantity, usage.uom_id, usage.product_id, raise_if_failure=False
            )
            usage.reference_uom_id = company._lam_reference_uom()
            usage.reference_unconvertible = bool(usage.uom_id) and qty is None
            usage.reference_qty = qty or 0.0

    @api.depends("partner_id", "date", "product_id", "brand", "quantity", "uom_id")
    def _compute_display_name(self):
        for usage in self:
            usage.display_name = _(
                "%(customer)s, %(date)s: %(quantity)s %(unit)s %(oil)s",
                customer=usage.partner_id._lam_work_name(),
                date=usage.date or "",
                quantity=usage.quantity,
                unit=usage.uom_id.name or "",
                oil=usage.product_id.name or usage.brand or "",
            ).strip()

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.uom_id = self.product_id.uom_id
