# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

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
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
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
    )

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, readonly=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount = fields.Monetary(string="Order Total", readonly=True)
    exposure = fields.Monetary(
        readonly=True,
        help="The customer's risk when the order was held.",
    )
    credit_limit = fields.Monetary(readonly=True)
    exception_msg = fields.Text(string="Why Held", readonly=True)
    requested_by_id = fields.Many2one("res.users", string="Requested By", readonly=True)
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    refusal_reason = fields.Text(
        help="Why the order is not confirmed: told to the manager."
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
                order=approval.order_id.sudo().name or "",
            )

    @api.model
    def _lam_request(self, order, exception_msg):
        """Hold ``order`` for approval: one open request per order."""
        open_request = self.sudo().search(
            [("order_id", "=", order.id), ("state", "=", "requested")], limit=1
        )
        if open_request:
            return open_request
        partner = order.partner_invoice_id.commercial_partner_id.sudo()
        approval = self.sudo().create(
            {
                "order_id": order.id,
                "partner_id": order.partner_id.commercial_partner_id.id,
                "amount": order.amount_total,
                "exposure": partner.risk_total,
                "credit_limit": partner.credit_limit,
                "exception_msg": exception_msg,
                "requested_by_id": self.env.user.id,
            }
        )
        approvers = approval._lam_approvers(order)
        body = Markup("<p>%s</p><p>%s</p>") % (
            _(
                "%(user)s asks to confirm %(order)s over the credit limit of "
                "%(customer)s.",
                user=self.env.user.name,
                order=order.name,
                customer=partner.name,
            ),
            exception_msg,
        )
        approval.message_post(
            body=body,
            partner_ids=approvers.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        for approver in approvers:
            approval.activity_schedule(
                "lubricant_account_manager.mail_activity_type_lam_credit_approval",
                user_id=approver.id,
                summary=_(
                    "Approve or refuse %(order)s held on credit", order=order.name
                ),
            )
        order.sudo().message_post(
            body=_("Held over the credit limit: approval requested.")
        )
        return approval

    def _lam_approvers(self, order):
        department = (
            order.user_id._lam_department_managers()
            | self.partner_id.user_id._lam_department_managers()
        )
        finance = (
            self.env.ref("lubricant_account_manager.group_lam_finance")
            .sudo()
            .users.filtered("active")
        )
        return (department | finance) - self.env.user

    def _lam_check_approver(self):
        if not (
            self.env.su
            or any(self.env.user.has_group(group) for group in APPROVER_GROUPS)
        ):
            raise AccessError(
                _(
                    "Finance or the department manager approves an order over the "
                    "credit limit."
                )
            )
        for approval in self:
            if approval.state != "requested":
                raise UserError(
                    _(
                        "%(approval)s was decided already.",
                        approval=approval.display_name,
                    )
                )
            if approval.requested_by_id == self.env.user and not self.env.su:
                raise AccessError(
                    _(
                        "%(approval)s: nobody approves his own request.",
                        approval=approval.display_name,
                    )
                )

    def write(self, vals):
        if not self.env.su and {"order_id", "partner_id"}.intersection(vals):
            raise AccessError(_("An approval stays on the order it was requested for."))
        if not self.env.su and self.filtered(
            lambda approval: approval.state != "requested"
        ):
            raise UserError(_("A decided approval is kept as it was decided."))
        return super().write(vals)

    def action_approve(self):
        """Confirm the order as the system, past the risk check, and log who approved it
        when."""
        self._lam_check_approver()
        self.check_access("write")
        for approval in self:
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
            approval.order_id.sudo().message_post(
                body=_(
                    "Confirmed over the credit limit, approved by %(user)s.",
                    user=self.env.user.name,
                )
            )
        self.sudo().write(
            {
                "state": "approved",
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )
        self.sudo().activity_ids.action_feedback(feedback=_("Approved"))
        return True

    def action_refuse(self):
        self._lam_check_approver()
        self.check_access("write")
        for approval in self:
            if not (approval.refusal_reason or "").strip():
                raise UserError(_("Say why the order is refused."))
        self.sudo().write(
            {
                "state": "refused",
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )
        for approval in self:
            approval.message_post(
                body=_("Refused: %(reason)s", reason=approval.refusal_reason),
                partner_ids=approval.requested_by_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.sudo().activity_ids.action_feedback(feedback=_("Refused"))
        return True
