# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .res_partner import CREDIT_RATINGS, CreditChangeReason


class LamCreditChangeRequest(models.Model):
    """An account manager's request to change a customer's credit rating,
    limit or payment term, with his reason: finance or the department
    manager applies it (the credit history names both) or refuses it with a
    reason; both steps notify."""

    _name = "lam.credit.change.request"
    _description = "Credit Change Request"
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _lam_system_fields = (
        "state",
        "requested_by_id",
        "decided_by_id",
        "decided_on",
        "company_id",
    )

    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    credit_rating = fields.Selection(CREDIT_RATINGS)
    credit_limit = fields.Monetary()
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms")
    reason = fields.Char(required=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    refusal_reason = fields.Text()

    @api.depends("partner_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = _(
                "Credit change of %(customer)s", customer=request.partner_id.name or ""
            )

    @api.constrains("credit_limit")
    def _check_credit_limit(self):
        if any(request.credit_limit < 0 for request in self):
            raise ValidationError(_("A credit limit cannot be negative."))

    def write(self, vals):
        if not self.env.su and self.filtered(
            lambda request: request.state != "requested"
        ):
            raise UserError(_("A decided request is kept as it was decided."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            approvers = request._lam_approvers()
            request.message_post(
                body=Markup("<p>%s</p>")
                % _(
                    "%(user)s asks to change the credit terms of %(customer)s: "
                    "%(reason)s",
                    user=request.requested_by_id.name,
                    customer=request.partner_id.name,
                    reason=request.reason,
                ),
                partner_ids=approvers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for approver in approvers:
                request.activity_schedule(
                    "lubricant_account_manager.mail_activity_type_lam_credit_change",
                    user_id=approver.id,
                    summary=_(
                        "Credit change of %(customer)s",
                        customer=request.partner_id.name,
                    ),
                )
        return requests

    def _lam_approvers(self):
        department = self.partner_id.user_id._lam_department_managers()
        finance = (
            self.env.ref("lubricant_account_manager.group_lam_finance")
            .sudo()
            .users.filtered("active")
        )
        return (department | finance) - self.env.user

    def _lam_check_approver(self):
        if not (self.env.su or self.env.user._lam_may_change_credit()):
            raise AccessError(
                _("Finance or the department manager decides a credit change.")
            )
        for request in self:
            if request.state != "requested":
                raise UserError(
                    _("%(request)s was decided already.", request=request.display_name)
                )
            if request.requested_by_id == self.env.user and not self.env.su:
                raise AccessError(
                    _(
                        "%(request)s: nobody approves his own request.",
                        request=request.display_name,
                    )
                )

    def action_approve(self):
        self._lam_check_approver()
        self.check_access("write")
        for request in self:
            reason = CreditChangeReason(request.reason)
            reason.requested_by = request.requested_by_id
            vals = {
                "lam_credit_rating": request.credit_rating,
                "credit_limit": request.credit_limit,
                "property_payment_term_id": request.payment_term_id.id,
            }
            request.partner_id.sudo().with_company(request.company_id).with_context(
                lam_credit_reason=reason
            ).write(vals)
        self.sudo().write(
            {
                "state": "approved",
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )
        for request in self:
            request.message_post(
                body=_("Approved and applied by %(user)s.", user=self.env.user.name),
                partner_ids=request.requested_by_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.sudo().activity_ids.action_feedback(feedback=_("Approved"))
        return True

    def action_refuse(self):
        self._lam_check_approver()
        self.check_access("write")
        for request in self:
            if not (request.refusal_reason or "").strip():
                raise UserError(_("Say why the change is refused."))
        self.sudo().write(
            {
                "state": "refused",
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )
        for request in self:
            request.message_post(
                body=_(
                    "Refused by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=request.refusal_reason,
                ),
                partner_ids=request.requested_by_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.sudo().activity_ids.action_feedback(feedback=_("Refused"))
        return True
