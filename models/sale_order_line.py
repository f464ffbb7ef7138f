# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        before = orders._lam_confirmed_terms()
        lines = super().create(vals_list)
        lines.order_id._lam_check_confirmed_risk(before)
        return lines

    def write(self, vals):
        orders = self.order_id | self.env["sale.order"].browse(vals.get("order_id"))
        before = orders._lam_confirmed_terms()
        result = super().write(vals)
        orders._lam_check_confirmed_risk(before)
        return result
