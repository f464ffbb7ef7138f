# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import hashlib

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

# Fields the order's buttons set (confirm, cancel, back to quotation, lock):
# a user's write of them would skip the credit check. The buttons pass this
# object in the context, which no RPC call (JSON) can build.
ORDER_BUTTON = object()
BUTTON_FIELDS = ("state", "locked")
# set on a confirmed order by the confirmation only
CONFIRMED_FIELDS = ("date_order",)
# what a user's write may set directly: a quotation marked as sent
FREE_STATES = ("sent",)
ADDRESS_FIELDS = ("partner_id", "partner_invoice_id", "partner_shipping_id")


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
        which any RPC call can send: only the system and risk managers skip it.
        OCA judges the invoice address; the order's customer is judged too."""
        if self.env.context.get("bypass_risk") and not self._lam_may_bypass_risk():
            self = self.with_context(bypass_risk=False)
        if not self.env.context.get("bypass_risk"):
            for order in self.filtered(
                lambda so: not so.company_id.allow_overrisk_sale_confirmation
            ):
                partner, message = order._lam_customer_risk()
                if message:
                    return (
                        self.env["partner.risk.exceeded.wiz"]
                        .create(
                            {
                                "exception_msg": message,
                                "partner_id": partner.id,
                                "origin_reference": f"{order._name},{order.id}",
                                "continue_method": "action_confirm",
                            }
                        )
                        .action_show()
                    )
        return super(SaleOrder, self._lam_button()).action_confirm()

    def _lam_customer_risk(self):
        """(customer, why the order is held) when the order's customer, other
        than its invoice address (which OCA judges), would exceed his risk."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        if customer == self.partner_invoice_id.commercial_partner_id:
            return customer, ""
        return customer, self.evaluate_risk_message(customer)

    def _lam_risk_hold(self):
        """(partner, why the order is held) by the invoice address or the
        customer, or (customer, "") when neither holds it."""
        self.ensure_one()
        invoiced = self.partner_invoice_id.commercial_partner_id
        message = self.evaluate_risk_message(invoiced)
        if message:
            return invoiced, message
        return self._lam_customer_risk()

    def _lam_button(self):
        return self.with_context(lam_order_button=ORDER_BUTTON)

    def _action_cancel(self):
        return super(SaleOrder, self._lam_button())._action_cancel()

    def action_draft(self):
        return super(SaleOrder, self._lam_button()).action_draft()

    def action_lock(self):
        return super(SaleOrder, self._lam_button()).action_lock()

    def action_unlock(self):
        return super(SaleOrder, self._lam_button()).action_unlock()

    def _lam_check_button_fields(self, vals):
        """The state, the lock and a confirmed order's date are the buttons'."""
        if self.env.su or self.env.context.get("lam_order_button") is ORDER_BUTTON:
            return
        refused = set(vals).intersection(BUTTON_FIELDS)
        if refused == {"state"} and vals["state"] in FREE_STATES:
            refused = set()
        if set(vals).intersection(CONFIRMED_FIELDS) and self.filtered(
            lambda order: order.state == "sale"
        ):
            refused |= set(vals).intersection(CONFIRMED_FIELDS)
        if refused:
            raise UserError(
                _(
                    "%(fields)s of an order are set by its buttons: confirm it "
                    "(the credit check runs), cancel it, set it back to quotation "
                    "or lock it.",
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in sorted(refused)
                    ),
                )
            )

    def _lam_check_addresses(self):
        """An account manager invoices and delivers an order to its customer, or
        to another customer he manages."""
        if self.env.su or not self.env.user.has_group(
            "lubricant_account_manager.group_lam_user"
        ):
            return
        # as the system: the addresses' companies and their managers, which the
        # manager may not read when they are a colleague's
        for order in self.sudo():
            customer = order.partner_id.commercial_partner_id
            for address in order.partner_invoice_id | order.partner_shipping_id:
                company = address.commercial_partner_id
                if company != customer and not (
                    company.lam_customer_kind and company.user_id == self.env.user
                ):
                    raise UserError(
                        _(
                            "%(order)s: the invoice and delivery addresses are "
                            "addresses of the customer %(customer)s or of another "
                            "customer of yours.",
                            order=order.name,
                            customer=customer.name,
                        )
                    )

    def _lam_approval_checksum(self):
        """What an approval binds: the customer, the addresses, the currency,
        the total and every line (product, quantity, unit, price, discount,
        taxes)."""
        self.ensure_one()
        # as the system: the approver may not read the order's lines
        order = self.sudo()
        lines = sorted(
            (
                line.product_id.id,
                line.product_uom_qty,
                line.product_uom.id,
                line.price_unit,
                line.discount,
                tuple(sorted(line.tax_id.ids)),
                line.display_type or "",
            )
            for line in order.order_line
        )
        signed = repr(
            (
                order.partner_id.id,
                order.partner_invoice_id.id,
                order.partner_shipping_id.id,
                order.currency_id.id,
                order.amount_total,
                lines,
            )
        )
        return hashlib.sha256(signed.encode()).hexdigest()

    def _lam_may_bypass_risk(self):
        return (
            self.env.su
            or self.env.uid == SUPERUSER_ID
            or self.env.user.has_group(
                "account_financial_risk.group_account_financial_risk_manager"
            )
        )

    def evaluate_risk_message(self, partner):
        """A lubricant customer without a credit limit has none to exceed:
        OCA's risk would hold every order of his, its exposure being over zero.
        Other partners keep OCA's behaviour."""
        # as the system: the credit limit and the kind are restricted fields; the
        # risk check runs for every salesman
        accounting = partner.sudo()
        if (
            accounting.lam_customer_kind
            and not accounting.credit_limit
            and not accounting.risk_sale_order_limit
            and not partner.risk_exception
        ):
            return ""
        # OCA's message, read in its source language, said in the addon's words
        # (and language): the dialog and the hold reason finance reads
        message = super(
            SaleOrder, self.with_context(lang="en_US")
        ).evaluate_risk_message(partner)
        return self._lam_risk_text(message)

    def _lam_risk_text(self, message):
        texts = {
            "Financial risk exceeded.\n": self.env._(
                "The customer's financial risk is exceeded (a risk exception is "
                "set on him)."
            ),
            "This sale order exceeds the sales orders risk.\n": self.env._(
                "This order takes the customer's open orders past their limit."
            ),
            "This sale order exceeds the financial risk.\n": self.env._(
                "This order takes the customer past his credit limit."
            ),
        }
        return texts.get(message, message)

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
        for vals in vals_list:
            if vals.get("state", "draft") not in ("draft", *FREE_STATES):
                self._lam_check_button_fields({"state": vals["state"]})
            if vals.get("locked"):
                self._lam_check_button_fields({"locked": vals["locked"]})
        orders = super().create(vals_list)
        orders._lam_check_customer_access()
        orders._lam_check_addresses()
        return orders

    def write(self, vals):
        self._lam_check_button_fields(vals)
        before = self._lam_confirmed_terms()
        result = super().write(vals)
        if "partner_id" in vals:
            self._lam_check_customer_access()
        if set(vals).intersection(ADDRESS_FIELDS):
            self._lam_check_addresses()
        self._lam_check_confirmed_risk(before)
        return result

    def _lam_confirmed_terms(self):
        """{order id: (total, customer, invoiced partner)} of the confirmed
        orders among these, before a change: what the credit check passed."""
        if self._lam_may_bypass_risk():
            return {}
        # as the system: the figures of the orders being changed
        return {
            order.id: (
                order.amount_total,
                order.partner_id.commercial_partner_id,
                order.partner_invoice_id.commercial_partner_id,
            )
            for order in self.sudo()
            if order.state == "sale"
        }

    def _lam_check_confirmed_risk(self, before):
        """A confirmed order that grows, or moves to another customer or invoice
        address, is judged again: the credit check passed the order as it was
        confirmed (or approved), not what it became."""
        if not before:
            return
        self.env.flush_all()
        # as the system: the orders and the partners' risk, restricted fields
        for order in self.sudo().filtered(lambda order: order.id in before):
            total, customer, invoiced = before[order.id]
            partners = (
                order.partner_id.commercial_partner_id
                | order.partner_invoice_id.commercial_partner_id
            )
            if order.amount_total <= total and partners == customer | invoiced:
                continue
            partners.invalidate_recordset()
            for partner in partners:
                if partner.risk_exception:
                    raise UserError(
                        _(
                            "%(order)s is confirmed: changed, it takes %(customer)s "
                            "over the credit limit. Cancel it and confirm it again "
                            "(the credit check runs and asks for an approval), or "
                            "leave it as it was.",
                            order=order.name,
                            customer=partner.name,
                        )
                    )

    def _lam_check_customer_access(self):
        """An account manager sells to the customers he may read: an order on a
        colleague's customer would show him the customer and count in its archive."""
        if self.env.su or not self.env.user.has_group(
            "lubricant_account_manager.group_lam_user"
        ):
            return
        self.partner_id.commercial_partner_id.check_access("read")
