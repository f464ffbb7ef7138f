# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.exceptions import UserError


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _create_invoices(self, sale_orders):
        """An order is invoiced once confirmed: a down payment on a quotation
        (an order the credit check holds) would put an invoice past the hold."""
        unconfirmed = sale_orders.filtered(lambda order: order.state != "sale")
        if unconfirmed and not self.env.su:
            raise UserError(
                _(
                    "%(orders)s: an order is invoiced once confirmed (the credit "
                    "check runs when it is).",
                    orders=", ".join(unconfirmed.mapped("name")),
                )
            )
        return super()._create_invoices(sale_orders)
