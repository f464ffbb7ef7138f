# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from datetime import datetime, time

import pytz
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class LamSeniorVisitRequest(models.Model):
    """需要上级领导拜访 (Art. 13.5): a manager asks his department manager for a
    senior manager's visit to a customer; the department manager accepts
    (the visit is planned for the senior person) or declines, saying why."""

    _name = "lam.senior.visit.request"
    _description = "Senior Visit Request"
    _inherit = ["lam.work.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _lam_doer_delegable = False
    # decided by the department manager through the actions only
    _lam_system_fields = ("state", "decided_by_id", "decided_date", "visit_id")

    user_id = fields.Many2one(string="Requested By", tracking=True)
    origin_visit_id = fields.Many2one(
        "lam.visit", string="From the Visit", domain="[('partner_id', '=', partner_id)]"
    )
    senior_user_id = fields.Many2one(
        "res.users",
        string="Senior Manager",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
    )

    @api.constrains("senior_user_id")
    def _check_senior_user(self):
        for request in self:
            if request.senior_user_id.share or not request.senior_user_id.active:
                raise ValidationError(_("A senior manager is an active internal user."))

    reason = fields.Text(required=True, help="Why a senior manager's visit helps now.")
    date_from = fields.Date(string="Proposed From", required=True)
    date_to = fields.Date(string="Proposed Until", required=True)
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("accepted", "Accepted"),
            ("declined", "Declined"),
        ],
        default="requested",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    decline_reason = fields.Text(string="Why Declined")
    decided_by_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False
    )
    decided_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    visit_id = fields.Many2one(
        "lam.visit", string="Planned Visit", readonly=True, copy=False
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_to < request.date_from:
                raise ValidationError(_("The proposed period ends after it starts."))

    @api.constrains("origin_visit_id", "partner_id")
    def _check_origin_visit(self):
        for request in self.sudo():
            if (
                request.origin_visit_id
                and request.origin_visit_id.partner_id != request.partner_id
            ):
                raise ValidationError(
                    _(
                        "The visit the request comes from is a visit to the same "
                        "customer."
                    )
                )

    @api.depends("partner_id", "senior_user_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = _(
                "Senior visit to %(customer)s by %(senior)s",
                customer=request.partner_id.name or "",
                senior=request.senior_user_id.name or "",
            )

    def write(self, vals):
        if not self.env.su and self.filtered(
            lambda request: request.state != "requested"
        ):
            raise UserError(_("A decided request is kept as it was decided."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            set(vals).intersection(self._lam_system_fields) for vals in vals_list
        ):
            raise UserError(
                _(
                    "A request is decided by the department manager, not when it is "
                    "made."
                )
            )
        requests = super().create(vals_list)
        for request in requests:
            managers = request.user_id._lam_department_managers() - request.user_id
            request.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    _(
                        "%(user)s asks for a visit of %(senior)s between %(start)s and "
                        "%(end)s.",
                        user=request.user_id.name,
                        senior=request.senior_user_id.name,
                        start=request.date_from,
                        end=request.date_to,
                    ),
                    request.reason,
                ),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for manager in managers:
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    date_deadline=request.date_from,
                    summary=_(
                        "Decide on a senior visit to %(customer)s",
                        customer=request.partner_id.name,
                    ),
                )
        return requests

    def _lam_check_decider(self):
        user = self.env.user
        for request in self:
            if request.state != "requested":
                raise UserError(
                    _("%(request)s was decided already.", request=request.display_name)
                )
            if not (
                user.has_group("lubricant_account_manager.group_lam_admin")
                or user in request.user_id._lam_department_managers()
            ) or (
                user == request.user_id
                and not user.has_group("lubricant_account_manager.group_lam_admin")
            ):
                raise AccessError(
                    _(
                        "The requesting manager's department manager decides on a "
                        "senior visit."
                    )
                )

    def action_accept(self):
        """Plan the visit for the senior person and tell both."""
        self._lam_check_decider()
        for request in self:
            senior = request.senior_user_id
            tz = pytz.timezone(senior.tz or self.env.user.tz or "UTC")
            start = (
                tz.localize(datetime.combine(request.date_from, time(9)))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )
            # As the system: the senior person may not be a manager of this
            # customer's team; the visit stays his (user_id) and the customer's.
            visit = (
                self.env["lam.visit"]
                .sudo()
                .create(
                    {
                        "partner_id": request.partner_id.id,
                        "user_id": senior.id,
                        "planned_start": start,
                        "purpose": "negotiation",
                        "goal": request.reason,
                        "participant_ids": [
                            (0, 0, {"side": "ours", "colleague_id": request.user_id.id})
                        ],
                    }
                )
            )
            request.sudo().write(
                {
                    "state": "accepted",
                    "visit_id": visit.id,
                    "decided_by_id": self.env.user.id,
                    "decided_date": fields.Datetime.now(),
                }
            )
            request._lam_notify_decision(
                _(
                    "Accepted: the visit is planned on %(date)s.",
                    date=request.date_from,
                ),
                senior | request.user_id,
            )
        return True

    def action_decline(self):
        self._lam_check_decider()
        for request in self:
            if not (request.decline_reason or "").strip():
                raise UserError(
                    _("Say why the senior visit is declined (field Why Declined).")
                )
            request.sudo().write(
                {
                    "state": "declined",
                    "decided_by_id": self.env.user.id,
                    "decided_date": fields.Datetime.now(),
                }
            )
            request._lam_notify_decision(
                _("Declined: %(reason)s", reason=request.decline_reason),
                request.user_id,
            )
        return True

    def _lam_notify_decision(self, text, users):
        self.ensure_one()
        self.activity_ids.action_feedback(feedback=text)
        self.message_post(
            body=text, partner_ids=users.partner_id.ids, subtype_xmlid="mail.mt_comment"
        )
