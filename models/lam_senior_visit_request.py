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
    _inherit = ["lam.work.record.mixin", "lam.approval.mixin"]
    _order = "create_date desc, id desc"
    _lam_doer_delegable = False
    _lam_requester_field = "user_id"
    # decided by the department manager through the actions only
    _lam_system_fields = ("state", "decided_by_id", "decided_on", "visit_id")

    user_id = fields.Many2one(string="Requested By", tracking=True)
    origin_visit_id = fields.Many2one(
        "lam.visit", string="From the Visit", domain="[('partner_id', '=', partner_id)]"
    )
    senior_user_id = fields.Many2one(
        "res.users",
        string="Senior Manager",
        required=True,
        tracking=True,
        domain=lambda self: [
            ("share", "=", False),
            (
                "groups_id",
                "in",
                self.env.ref(
                    "lubricant_account_manager.group_lam_department_manager"
                ).ids,
            ),
        ],
        help="A department manager or an administrator, never the requester.",
    )

    @api.constrains("senior_user_id", "user_id")
    def _check_senior_user(self):
        for request in self:
            senior = request.senior_user_id
            if (
                senior.share
                or not senior.active
                or not senior.has_group(
                    "lubricant_account_manager.group_lam_department_manager"
                )
            ):
                raise ValidationError(
                    _(
                        "A senior manager is a department manager or an "
                        "administrator (%(user)s is not).",
                        user=senior.name,
                    )
                )
            if senior == request.user_id:
                raise ValidationError(
                    _("A senior manager's visit is asked of somebody else.")
                )

    reason = fields.Text(required=True, help="Why a senior manager's visit helps now.")
    date_from = fields.Date(string="Proposed From", required=True)
    date_to = fields.Date(string="Proposed Until", required=True)
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
        # as the system: the origin visit may be a colleague's, readable or not
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
                customer=request.partner_id._lam_work_name(),
                senior=request.senior_user_id.name or "",
            )

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
            request._lam_notify_deciders(
                Markup("<p>%s</p><p>%s</p>")
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
                _(
                    "Decide on a senior visit to %(customer)s",
                    customer=request.partner_id._lam_work_name(),
                ),
                date_deadline=request.date_from,
            )
        return requests

    def _lam_deciders(self):
        return self.user_id._lam_department_managers()

    def _lam_is_decider(self):
        user = self.env.user
        return (
            user.has_group("lubricant_account_manager.group_lam_admin")
            or user in self.user_id._lam_department_managers()
        )

    def _lam_decider_error(self):
        return AccessError(
            _("The requesting manager's department manager decides on a senior visit.")
        )

    def _lam_apply_approval(self):
        """Plan the visit for the senior person and tell him."""
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
            # as the system: the planned visit is a field of the actions only
            request.sudo().write({"visit_id": visit.id})
            request.message_post(
                body=_(
                    "The visit is planned on %(date)s.",
                    date=request.date_from,
                ),
                partner_ids=(senior | request.user_id).partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
