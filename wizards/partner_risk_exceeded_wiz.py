# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.exceptions import AccessError, UserError


class PartnerRiskExceededWiz(models.TransientModel):
    """OCA's "risk exceeded" dialog: an account manager, who may not go past
    it, asks finance and his department manager to approve the order."""

    _inherit = "partner.risk.exceeded.wiz"

    def action_show(self):
        action = super().action_show()
        action["name"] = self.env._("Credit Limit Exceeded")
        return action

    def button_continue(self):
        """Going past the risk is for risk managers, and only to confirm a sale order
        (the dialog's method and record are values anyone can send)."""
        self.ensure_one()
        if not (
            self.env.su
            or self.env.user.has_group(
                "account_financial_risk.group_account_financial_risk_manager"
            )
        ):
            raise AccessError(
                _(
                    "Only a risk manager confirms past the credit limit; request an "
                    "approval."
                )
            )
        if (
            self.continue_method != "action_confirm"
            or self.origin_reference._name != "sale.order"
        ):
            raise UserError(_("Only a sale order is held for a credit approval."))
        return super().button_continue()

    def button_lam_request_approval(self):
        self.ensure_one()
        order = self.origin_reference
        if not order or order._name != "sale.order":
            raise UserError(_("Only a sale order is held for a credit approval."))
        order.check_access("write")
        # why it is held is worked out again, not taken from the dialog
        partner, reason = order._lam_risk_hold()
        if order.state != "draft" or not reason:
            raise UserError(
                _("%(order)s is not held over the credit limit.", order=order.name)
            )
        approval = self.env["lam.credit.approval"]._lam_request(order, reason, partner)
        return {
            "type": "ir.actions.act_window",
            "res_model": "lam.credit.approval",
            "res_id": approval.id,
            "view_mode": "form",
            "target": "current",
        }
