# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._lam_check_customer_access()
        return orders

    def write(self, vals):
        result = super().write(vals)
        if "partner_id" in vals:
            self._lam_check_customer_access()
        return result

    def _lam_check_customer_access(self):
        """An account manager sells to the customers he may read: an order on a
        colleague's customer would show him the customer and count in its archive."""
        if self.env.su or not self.env.user.has_group("lubricant_account_manager.group_lam_user"):
            return
        self.partner_id.commercial_partner_id.check_access("read")
