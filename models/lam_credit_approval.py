# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.robots import escape as md

APPROVER_GROUPS = (
    "lubricant_account_manager.group_lam_finance",
    "lubricant_account_manager.group_lam_department_manager",
)


class LamCreditApproval(models.Model):
    """An order held because the customer's exposure would exceed his credit
    limit (OCA's sale_financial_risk), and the manager's request to confirm
    it anyway: finance or the department manager approves (the order is
    confirmed as the system, who and when logged) or refuses with a reason."""

    _name = "lam.credit.approval"
    _description = "Credit Approval Request"
    _inherit = ["lam.customer.record.mixin", "lam.approval.mixin"]
    _order = "create_date desc, id desc"
    _lam_decision_activity = (
        "lubricant_account_manager.mail_activity_type_lam_credit_approval"
    )
    _lam_system_fields = (
        "state",
        "decided_by_id",
        "decided_on",
        "exposure",
        "credit_limit",
        "amount",
        "requested_by_id",
        "exception_msg",
        "order_id",
        "order_checksum",
    )

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, readonly=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, string="Company"
    )
    amount = fields.Monetary(string="Order Total", readonly=True)
    exposure = fields.Monetary(
        readonly=True,
        help="The customer's risk when the order was held.",
    )
    credit_limit = fields.Monetary(readonly=True)
    exception_msg = fields.Text(string="Why Held", readonly=True)
    requested_by_id = fields.Many2one("res.users", string="Requested By", readonly=True)
    order_checksum = fields.Char(
        readonly=True,
        copy=False,
        help="Technical: the order as it was when the approval was requested "
        "(sale.order._lam_approval_checksum); a change voids the request.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # requests are made by the system when an order is held: nobody creates one by
        # hand
        self.check_access("create")
        return super().create(vals_list)

    @api.depends("order_id")
    def _compute_display_name(self):
        for approval in self:
            approval.display_name = _(
                "Credit approval of %(order)s",
                # as the system: the order's name, for a reader of the approval who may
                # not read the order
                order=approval.order_id.sudo().name or "",
            )

    @api.model
    def _lam_request(self, order, exception_msg, partner):
        """Hold ``order`` for approval of ``partner``'s exposure: one open request
        per order, as the order is now (a request for the order as it was is
        voided)."""
        checksum = order._lam_approval_checksum()
        # as the system: an open request of another manager on the same order counts
        open_request = self.sudo().search(
            [("order_id", "=", order.id), ("state", "=", "requested")], limit=1
        )
        if open_request and open_request.order_checksum == checksum:
            return open_request
        open_request._lam_void()
        # as the system: the exposure and limit are accountants' fields, copied into the
        # request
        partner = partner.sudo()
        # as the system: requests are not created by hand (create() above)
        approval = self.sudo().create(
            {
                "order_id": order.id,
                "partner_id": order.partner_id.commercial_partner_id.id,
                "amount": order.amount_total,
                "exposure": partner.risk_total,
                "credit_limit": partner.credit_limit,
                "exception_msg": exception_msg,
                "requested_by_id": self.env.user.id,
                "order_checksum": checksum,
            }
        )
        approval._lam_notify_deciders(
            Markup("<p>%s</p><p>%s</p>")
            % (
                _(
                    "%(user)s asks to confirm %(order)s over the credit limit of "
                    "%(customer)s.",
                    user=self.env.user.name,
                    order=order.name,
                    customer=partner.name,
                ),
                exception_msg,
            ),
            _("Approve or refuse %(order)s held on credit", order=order.name),
        )
        # as the system: the manager may not post on an order he does not follow
        order.sudo().message_post(
            body=_("Held over the credit limit: approval requested.")
        )
        self.env["lam.robot.message"]._lam_enqueue(
            "event_credit_hold",
            approval,
            "requested_by_id",
            lambda request: request._lam_robot_text(),
        )
        return approval

    def _lam_robot_text(self):
        """(title, markdown lines) of the robot message of this held order, in
        the context's language."""
        self.ensure_one()
        env = self.env
        currency = self.currency_id.symbol or ""
        amount, exposure, limit = (
            f"{currency}{value:,.2f}"
            for value in (self.amount, self.exposure, self.credit_limit)
        )
        title = env._("Order held for credit: %(order)s", order=self.order_id.name)
        return title, [
            env._("**Customer**: %(customer)s", customer=md(self.partner_id.name)),
            env._("**Order amount**: %(amount)s", amount=amount),
            env._(
                "**Exposure / limit**: %(exposure)s / %(limit)s",
                exposure=exposure,
                limit=limit,
            ),
            env._("**Asked by**: %(user)s", user=md(self.requested_by_id.name)),
            env._("Awaiting approval."),
        ]

    def _lam_deciders(self):
        department = (
            # as the system: the order's salesman, for a decider who may not read the
            # order
            self.sudo().order_id.user_id._lam_department_managers()
            | self.partner_id.user_id._lam_department_managers()
        )
        return department | self._lam_finance_users()

    def _lam_is_decider(self):
        return any(self.env.user.has_group(group) for group in APPROVER_GROUPS)

    def _lam_decider_error(self):
        return AccessError(
            _(
                "Finance or the department manager approves an order over the "
                "credit limit."
            )
        )

    def write(self, vals):
        if not self.env.su and {"order_id", "partner_id"}.intersection(vals):
            raise AccessError(_("An approval stays on the order it was requested for."))
        return super().write(vals)

    def _lam_changed(self):
        """The requests whose order changed since they were asked (a request
        made before the checksum existed compares the total)."""
        return self.filtered(
            lambda approval: approval.order_checksum
            != approval.order_id._lam_approval_checksum()
            if approval.order_checksum
            # as the system: the order's total, for a decider who may not read the order
            else approval.amount != approval.order_id.sudo().amount_total
        )

    def _lam_void(self):
        """Refuse, as the system, requests whose order changed after them."""
        if not self:
            return
        reason = _("The order changed after the request: ask again.")
        # as the system: a void is no decider's decision; the author is told
        self.sudo().write({"refusal_reason": reason})
        self.sudo()._lam_decide("refused", reason)

    def _lam_approve(self):
        """An approval binds what was asked: a request whose order changed is
        voided, and the approver is told."""
        changed = self._lam_changed()
        changed._lam_void()
        if changed:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "sticky": True,
                    "message": _(
                        "%(orders)s changed after the request: the request is voided "
                        "and the manager asks again.",
                        # as the system: the orders' names, for a decider who may not
                        # read them
                        orders=", ".join(changed.order_id.sudo().mapped("name")),
                    ),
                },
            }
        return super()._lam_approve()

    def _lam_apply_approval(self):
        """Confirm the orders as the system, past the risk check, and log who
        approved them."""
        for approval in self:
            # as the system: the approver confirms an order that is not his,
            # checked in _lam_check_decision()
            order = approval.order_id.sudo()
            if (
                order.state != "draft"
                or order.partner_id.commercial_partner_id != approval.partner_id
            ):
                raise UserError(
                    _(
                        "%(approval)s: its order is no longer the draft that was held.",
                        approval=approval.display_name,
                    )
                )
            order.with_context(bypass_risk=True).action_confirm()
            # the requester is told on the order he waits for, as of a refusal
            order.message_post(
                body=_(
                    "Confirmed over the credit limit, approved by %(user)s.",
                    user=self.env.user.name,
                ),
                partner_ids=approval.requested_by_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
