# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.exceptions import UserError


class PartnerRiskExceededWiz(models.TransientModel):
    """OCA's "risk exceeded" dialog: an account manager, who may not go past
    it, asks finance and his department manager to approve the order."""

    _inherit = "partner.risk.exceeded.wiz"

    def button_lam_request_approval(self):
        self.ensure_one()
        order = self.origin_reference
        if not order or order._name != "sale.order":
            raise UserError(_("Only a sale order is held for a credit approval."))
        order.check_access("write")
        approval = self.env["lam.credit.approval"]._lam_request(order, self.exception_msg or "")
        return {"type": "ir.actions.act_window", "res_model": "lam.credit.approval", "res_id": approval.id,
                "view_mode": "form", "target": "current"}
