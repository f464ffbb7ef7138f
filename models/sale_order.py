# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import SUPERUSER_ID, api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    lam_credit_approval_state = fields.Selection(
        [
            ("requested", "Approval Requested"),
            ("approved", "Approved over the Limit"),
            ("refused", "Refused"),
        ],
        string="Credit Approval",
        compute="_compute_lam_credit_approval_state",
        help="The last request to confirm this order over the customer's credit limit.",
    )

    def action_confirm(self):
        """OCA's risk check is skipped with ``bypass_risk`` in the context,
        which any RPC call can send: only the system and risk managers skip it."""
        if self.env.context.get("bypass_risk") and not self._lam_may_bypass_risk():
            self = self.with_context(bypass_risk=False)
        return super().action_confirm()

    def _lam_may_bypass_risk(self):
        return (
            self.env.su
            or self.env.uid == SUPERUSER_ID
            or self.env.user.has_group(
                "account_financial_risk.group_account_financial_risk_manager"
            )
        )

    def evaluate_risk_message(self, partner):
        """A customer without a credit limit has none to exceed: OCA's risk
        would hold every order of his, its exposure being over zero."""
        # as the system: the credit limit is an accountant's field; the risk check runs
        # for every salesman
        if not partner.sudo().credit_limit and not partner.risk_exception:
            return ""
        return super().evaluate_risk_message(partner)

    def _compute_lam_credit_approval_state(self):
        approvals = (
            self.env["lam.credit.approval"]
            # as the system: the approvals of these orders, whoever requested them
            .sudo()
            .search([("order_id", "in", self.ids)], order="create_date desc, id desc")
        )
        last = {}
        for approval in approvals:
            last.setdefault(approval.order_id.id, approval.state)
        for order in self:
            order.lam_credit_approval_state = last.get(order.id, False)

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
        if self.env.su or not self.env.user.has_group(
            "lubricant_account_manager.group_lam_user"
        ):
            return
        self.partner_id.commercial_partner_id.check_access("read")
