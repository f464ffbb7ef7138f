# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.robots import escape as md


class LamApprovalMixin(models.AbstractModel):
    """A request that someone other than its author decides: held orders,
    credit changes, senior visits.

    A request is made open (``requested``) and notifies its deciders (a
    message and one activity each); a decider approves it, which applies
    what was asked (``_lam_apply_approval``), or refuses it with a reason.
    Nobody decides his own request; a decided request is kept as it was
    decided; the decision, who and when are written by the actions only
    (``_lam_system_fields``). A model says who decides
    (``_lam_deciders``, ``_lam_is_decider``) and what approving does.

    Odoo's ``base_tier_validation`` (OCA) was not used: it validates a
    record that has its own life (an order, a move) through configurable
    tiers, while these requests are one-step decisions whose deciders
    follow the customer's team, with the record rules of the addon.
    """

    _name = "lam.approval.mixin"
    _description = "Request Decided by Another"
    _inherit = ["mail.thread", "mail.activity.mixin"]

    # the field holding the request's author
    _lam_requester_field = "requested_by_id"
    # the activity type the deciders get
    _lam_decision_activity = "mail.mail_activity_data_todo"

    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    decided_by_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False
    )
    decided_on = fields.Datetime(readonly=True, copy=False)
    refusal_reason = fields.Text(
        string="Why Refused", copy=False, help="Told to the author of the request."
    )

    can_decide = fields.Boolean(
        compute="_compute_can_decide",
        help="The current user decides this request: he approves it or writes "
        "why he refuses it.",
    )

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_decide(self):
        for request in self:
            request.can_decide = (
                request.state == "requested"
                and request._lam_requester() != self.env.user
                and request._lam_is_decider()
            )

    def _lam_requester(self):
        self.ensure_one()
        return self[self._lam_requester_field]

    def _lam_deciders(self):
        """The users notified of this open request (one record)."""
        raise NotImplementedError

    def _lam_finance_users(self):
        """The active users of finance, who decide credit requests."""
        # as the system: who is in finance is not the requester's business
        return (
            self.env.ref("lubricant_account_manager.group_lam_finance")
            .sudo()
            .users.filtered("active")
        )

    def _lam_is_decider(self):
        """Whether the current user may decide this request (one record)."""
        raise NotImplementedError

    def _lam_decider_error(self):
        return AccessError(
            _("%(request)s is not yours to decide.", request=self.display_name)
        )

    def _lam_apply_approval(self):
        """Do what the approved requests asked for (as the system)."""

    def write(self, vals):
        if not self.env.su:
            if self.filtered(lambda request: request.state != "requested"):
                raise UserError(_("A decided request is kept as it was decided."))
            self._lam_check_open_request_write(vals)
        return super().write(vals)

    def _lam_check_open_request_write(self, vals):
        """A request is read-only once made: its deciders write the reason they
        refuse, nobody changes what was asked (the chatter stays open)."""
        content = {
            fname
            for fname in vals
            if not fname.startswith(("message_", "activity_", "website_message"))
        }
        if not content:
            return
        if content != {"refusal_reason"} or any(
            request._lam_requester() == self.env.user or not request._lam_is_decider()
            for request in self
        ):
            raise AccessError(
                _(
                    "A request is kept as it was made; its deciders write why they "
                    "refuse it."
                )
            )

    def _lam_notify_deciders(self, body, summary, date_deadline=None):
        """Tell the deciders of each request that it waits for them."""
        for request in self:
            deciders = request._lam_deciders() - request._lam_requester()
            request.message_post(
                body=body,
                partner_ids=deciders.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for decider in deciders:
                request.activity_schedule(
                    self._lam_decision_activity,
                    user_id=decider.id,
                    date_deadline=date_deadline,
                    summary=summary,
                )

    def _lam_check_decision(self):
        """Open requests, decided by one of their deciders, never their author."""
        self.check_access("write")
        for request in self:
            if request.state != "requested":
                raise UserError(
                    _("%(request)s was decided already.", request=request.display_name)
                )
            if self.env.su:
                continue
            if request._lam_requester() == self.env.user:
                raise AccessError(
                    _(
                        "%(request)s: nobody decides his own request.",
                        request=request.display_name,
                    )
                )
            if not request._lam_is_decider():
                raise request._lam_decider_error()

    def _lam_decide(self, state, note):
        """Write the decision (as the system: its fields are the actions'), close
        the deciders' activities and tell the author."""
        # as the system: the decision fields are refused to a user's write;
        # _lam_check_decision() checked the decider
        self.sudo().write(
            {
                "state": state,
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )
        for request in self:
            # as the system: the deciders' activities are assigned to others than the
            # one deciding
            request.sudo().activity_ids.action_feedback(feedback=note)
            request.message_post(
                body=Markup("<p>%s</p>") % note,
                partner_ids=request._lam_requester().partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.env["lam.robot.message"]._lam_enqueue(
            "event_approval",
            self,
            self._lam_requester_field,
            lambda request: request._lam_robot_decision_text(),
        )

    def _lam_robot_decision_text(self):
        """(title, markdown lines) of the robot message telling the decision,
        in the context's language."""
        self.ensure_one()
        env = self.env
        states = dict(self._fields["state"]._description_selection(env))
        title = env._(
            "%(request)s: %(decision)s",
            request=self.display_name,
            decision=states[self.state],
        )
        return title, [
            env._("**Decided by**: %(user)s", user=md(self.decided_by_id.name)),
            env._("**Why refused**: %(reason)s", reason=md(self.refusal_reason))
            if self.state == "refused"
            else "",
        ]

    def action_approve(self):
        self._lam_check_decision()
        return self._lam_approve()

    def _lam_approve(self):
        """Approve requests whose decision was checked."""
        self._lam_apply_approval()
        self._lam_decide(
            "approved", _("Approved by %(user)s.", user=self.env.user.name)
        )
        return True

    def action_refuse(self):
        self._lam_check_decision()
        for request in self:
            if not (request.refusal_reason or "").strip():
                raise UserError(
                    _(
                        "Say why %(request)s is refused (Why Refused).",
                        request=request.display_name,
                    )
                )
        for request in self:
            request._lam_decide(
                "refused",
                _(
                    "Refused by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=request.refusal_reason,
                ),
            )
        return True
