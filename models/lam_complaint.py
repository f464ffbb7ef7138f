# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bulk
from ..tools.robots import escape as md
from ..tools.working_hours import add_working_hours, working_hours_between

STATES = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("escalated", "Escalated"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
]
OPEN_STATES = ("new", "in_progress", "escalated")
# A complaint is registered within a year of its receipt.
RECEIVED_DAYS_MAX = 366
CATEGORIES = [
    ("quality", "Quality"),
    ("delivery", "Delivery"),
    ("packaging", "Packaging"),
    ("service", "Service"),
    ("price", "Price"),
    ("other", "Other"),
]
CHANNELS = [
    ("phone", "Phone"),
    ("visit", "Visit"),
    ("online", "Online / WeChat"),
    ("email", "Email"),
    ("letter", "Letter"),
    ("other", "Other"),
]


class LamComplaint(models.Model):
    """投诉 (Art. 13.8, 14.5, 20.4): a customer's or a dealer's complaint.
    What the manager can resolve himself is resolved within 8 working hours
    (a setting) on the company's calendar; what he cannot goes at once to his
    department manager with the explanation given to the customer. A
    dealer's complaint is verified before it is resolved or reported as a
    verified case."""

    _name = "lam.complaint"
    _description = "Customer Complaint"
    _inherit = ["lam.work.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "received_at desc, id desc"
    _lam_system_fields = (
        "name",
        "state",
        "escalated_at",
        "escalation_reason",
        "breach_warned_at",
        "resolved_at",
        "closed_at",
    )
    _lam_sequence_field = "name"

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    user_id = fields.Many2one(string="Handled By", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact Person",
        domain="[('parent_id', '=', partner_id), ('is_company', '=', False)]",
    )
    is_dealer = fields.Boolean(
        compute="_compute_is_dealer", store=True, string="Dealer's Complaint"
    )
    received_at = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    category = fields.Selection(
        CATEGORIES, required=True, default="quality", tracking=True
    )
    description = fields.Text(required=True)
    product_ids = fields.Many2many(
        "product.product",
        string="Products Concerned",
        domain=[("lam_is_lubricant", "=", True)],
    )
    lots = fields.Char(
        string="Lots / Batches",
        help="Lot or batch numbers concerned, as read on the packaging.",
    )
    self_resolvable = fields.Boolean(
        string="I Can Resolve It Myself",
        default=True,
        tracking=True,
        help="Resolved by the manager within the working hours set in Settings; "
        "otherwise reported at once to "
        "the department manager.",
    )
    customer_explanation = fields.Text(
        string="Explanation Given to the Customer",
        help="What the customer was told while the department manager takes the "
        "complaint over.",
    )
    state = fields.Selection(
        STATES,
        default="new",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
        group_expand=True,
    )
    deadline = fields.Datetime(
        compute="_compute_deadline",
        store=True,
        tracking=True,
        help="Received at plus the working hours of Settings, on the company's "
        "calendar.",
    )
    escalated_at = fields.Datetime(readonly=True, copy=False)
    breach_warned_at = fields.Datetime(
        string="Deadline Warning Sent",
        readonly=True,
        copy=False,
        help="When the handler's team robot was told the deadline is near.",
    )
    escalation_reason = fields.Selection(
        [
            ("not_resolvable", "Beyond the Manager's Means"),
            ("deadline", "Deadline Passed"),
            ("verified_case", "Verified Dealer Case"),
        ],
        readonly=True,
        copy=False,
    )
    # --- dealers' complaints: checked before they are resolved or reported as verified
    verification_state = fields.Selection(
        [
            ("pending", "To Verify"),
            ("verified", "Verified"),
            ("unverifiable", "Could Not Be Verified"),
        ],
        string="Verification",
        default="pending",
        tracking=True,
    )
    verification_note = fields.Text(string="What Was Checked")
    # --- resolution and feedback
    resolution = fields.Text(string="How It Was Resolved")
    resolved_at = fields.Datetime(readonly=True, copy=False)
    feedback_date = fields.Date(string="Customer Told On")
    feedback_method = fields.Selection(CHANNELS, string="Told By")
    satisfaction = fields.Selection(
        [
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        string="Customer Satisfaction",
    )
    closed_at = fields.Datetime(readonly=True, copy=False)
    working_hours = fields.Float(
        string="Working Hours to Resolve",
        compute="_compute_sla",
        store=True,
        digits=(12, 2),
        aggregator="avg",
    )
    sla_met = fields.Boolean(
        string="Resolved in Time", compute="_compute_sla", store=True
    )
    is_overdue = fields.Boolean(
        string="Past Deadline",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Not resolved and past its deadline, escalated or not.",
    )

    @api.depends("partner_id.lam_customer_kind")
    def _compute_is_dealer(self):
        for complaint in self:
            complaint.is_dealer = (
                # as the system: the kind is restricted to the archive groups, the flag
                # is for every reader
                complaint.partner_id.sudo().lam_customer_kind == "dealer"
            )

    @api.depends(
        "received_at",
        "self_resolvable",
        "company_id.lam_complaint_sla_hours",
        "company_id.lam_complaint_calendar_id",
        "company_id.resource_calendar_id",
    )
    def _compute_deadline(self):
        for complaint in self:
            company = complaint.company_id
            complaint.deadline = (
                complaint.self_resolvable
                and complaint.received_at
                and add_working_hours(
                    company._lam_complaint_calendar(),
                    complaint.received_at,
                    company.lam_complaint_sla_hours,
                )
            )

    @api.depends(
        "received_at",
        "resolved_at",
        "deadline",
        "company_id.lam_complaint_calendar_id",
        "company_id.resource_calendar_id",
    )
    def _compute_sla(self):
        for complaint in self:
            complaint.working_hours = working_hours_between(
                complaint.company_id._lam_complaint_calendar(),
                complaint.received_at,
                complaint.resolved_at,
            )
            complaint.sla_met = bool(
                complaint.resolved_at
                and complaint.deadline
                and complaint.resolved_at <= complaint.deadline
            )

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.is_overdue = bool(
                complaint.state in ("new", "in_progress", "escalated")
                and complaint.deadline
                and complaint.deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search past deadline with = or !=."))
        domain = [
            ("state", "in", ("new", "in_progress", "escalated")),
            ("deadline", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.constrains("received_at")
    def _check_received_at(self):
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.received_at > now + timedelta(hours=1):
                raise ValidationError(
                    _(
                        "A complaint is received now or in the past, not on %(date)s.",
                        date=complaint.received_at,
                    )
                )
            if complaint.received_at < now - timedelta(days=RECEIVED_DAYS_MAX):
                raise ValidationError(
                    _(
                        "A complaint is registered within a year of its receipt, not "
                        "on %(date)s.",
                        date=complaint.received_at,
                    )
                )

    @api.constrains("product_ids")
    def _check_products(self):
        others = self.product_ids.filtered(lambda product: not product.lam_is_lubricant)
        if others:
            raise ValidationError(
                _(
                    "%(products)s: a complaint concerns our lubricants.",
                    products=", ".join(others.mapped("display_name")),
                )
            )

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        # as the system: the contact may be one of the customer's people the user does
        # not read
        for complaint in self.sudo():
            if (
                complaint.contact_id
                and complaint.contact_id.commercial_partner_id != complaint.partner_id
            ):
                raise ValidationError(
                    _("The contact person is one of the customer's people.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") != "/":
                raise UserError(
                    _("The reference of a complaint is given by the system.")
                )
            vals["name"] = self.env["ir.sequence"].next_by_code("lam.complaint") or "/"
        complaints = super().create(vals_list)
        beyond = complaints.filtered(lambda complaint: not complaint.self_resolvable)
        if beyond:
            beyond._lam_escalate("not_resolvable")
        return complaints

    def write(self, vals):
        if not self.env.su and self.filtered(
            lambda complaint: complaint.state == "closed"
        ):
            raise UserError(_("A closed complaint is kept as it was closed."))
        if "received_at" in vals and not self.env.su:
            raise UserError(
                _(
                    "When a complaint was received is kept as it was registered: its "
                    "deadline runs from "
                    "it."
                )
            )
        if (
            "self_resolvable" in vals
            and not self.env.su
            and self.filtered(lambda c: c.state != "new")
        ):
            raise UserError(
                _(
                    "Whether the manager resolves it himself is decided when the "
                    "complaint is taken on."
                )
            )
        result = super().write(vals)
        if vals.get("self_resolvable") is False:
            self.filtered(
                lambda complaint: complaint.state in ("new", "in_progress")
            )._lam_escalate("not_resolvable")
        return result

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for complaint in self:
            complaint.display_name = (
                f"{complaint.name} {complaint.partner_id._lam_work_name()}".strip()
            )

    # --- actions
    def action_start(self):
        self.check_access("write")
        for complaint in self:
            if complaint.state != "new":
                raise UserError(
                    _(
                        "%(complaint)s: only a new complaint is taken on.",
                        complaint=complaint.name,
                    )
                )
        # the state is a system field (refused to a user's write): checked above
        self.sudo().write({"state": "in_progress"})
        return True

    def action_escalate(self):
        """Report to the department manager what is beyond the manager's means
        (a complaint saved as such is reported when it is saved)."""
        self = self.filtered(
            lambda complaint: not complaint.escalated_at
            or complaint.state != "escalated"
        )
        for complaint in self:
            if complaint.state not in ("new", "in_progress"):
                raise UserError(
                    _(
                        "%(complaint)s: only an open complaint is reported.",
                        complaint=complaint.name,
                    )
                )
        self._lam_escalate("not_resolvable")
        return True

    def action_report_verified(self):
        """Report a dealer's complaint as a verified case (Art. 14.5)."""
        for complaint in self:
            if not complaint.is_dealer or complaint.state not in ("new", "in_progress"):
                raise UserError(
                    _(
                        "%(complaint)s: only a dealer's open complaint is reported as "
                        "a verified case.",
                        complaint=complaint.name,
                    )
                )
        self._lam_check_verified()
        self._lam_escalate("verified_case")
        return True

    def action_resolve(self):
        self.check_access("write")
        for complaint in self:
            if complaint.state not in OPEN_STATES:
                raise UserError(
                    _("%(complaint)s is not open.", complaint=complaint.name)
                )
            if not (complaint.resolution or "").strip():
                raise UserError(
                    _(
                        "%(complaint)s: say how it was resolved.",
                        complaint=complaint.name,
                    )
                )
        self._lam_check_verified()
        # state and resolution time are system fields: access is checked above
        self.sudo().write({"state": "resolved", "resolved_at": fields.Datetime.now()})
        self.activity_ids.filtered(
            lambda activity: activity.user_id in self.env.user
        ).action_feedback(feedback=_("Resolved"))
        return True

    def action_close(self):
        self.check_access("write")
        for complaint in self:
            if complaint.state != "resolved":
                raise UserError(
                    _(
                        "%(complaint)s: a complaint is closed once resolved.",
                        complaint=complaint.name,
                    )
                )
            if not (
                complaint.feedback_date
                and complaint.feedback_method
                and complaint.satisfaction
            ):
                raise UserError(
                    _(
                        "%(complaint)s: record when and how the customer was told, and "
                        "how satisfied "
                        "he is.",
                        complaint=complaint.name,
                    )
                )
        # state and closing time are system fields: the user's access is checked above
        self.sudo().write({"state": "closed", "closed_at": fields.Datetime.now()})
        return True

    def _lam_check_verified(self):
        pending = self.filtered(
            lambda complaint: complaint.is_dealer
            and complaint.verification_state == "pending"
        )
        if pending:
            raise UserError(
                _(
                    "%(complaints)s: a dealer's complaint is verified first (verified, "
                    "or could not be "
                    "verified, saying what was checked).",
                    complaints=", ".join(pending.mapped("name")),
                )
            )
        unexplained = self.filtered(
            lambda complaint: complaint.is_dealer
            and not (complaint.verification_note or "").strip()
        )
        if unexplained:
            raise UserError(
                _(
                    "%(complaints)s: say what was checked.",
                    complaints=", ".join(unexplained.mapped("name")),
                )
            )

    def _lam_escalate(self, reason):
        """Hand the complaints to the department managers of their handlers,
        once. In the same queries whatever their number (the scheduled action
        escalates hundreds at once): one update, one message per complaint with
        its tracking, in the managers' Inbox, and their activities, each kind
        written in one statement (``tools.bulk``)."""
        complaints = self.filtered(lambda complaint: not complaint.escalated_at)
        complaints._lam_check_escalation(reason)
        if not complaints:
            return
        leaders = self.env["res.users"]._lam_department_managers_by_user(
            complaints.user_id
        )
        tracked = ("state", "deadline")
        before = {
            complaint.id: {name: complaint[name] for name in tracked}
            for complaint in complaints
        }
        # the state and escalation fields are the actions'; who escalates was
        # checked by the caller; tracked in the message below
        bulk.update(
            complaints,
            {
                "state": "escalated",
                "escalated_at": fields.Datetime.now(),
                "escalation_reason": reason,
            },
        )
        messages = complaints._lam_log_escalation(reason, leaders, before)
        complaints._lam_notify_escalation(messages, leaders)
        complaints._lam_schedule_escalation(reason, leaders)
        self.env["lam.robot.message"]._lam_enqueue(
            "event_complaint",
            complaints,
            "user_id",
            lambda complaint: complaint._lam_robot_text("escalated"),
        )

    def _lam_robot_text(self, what):
        """(title, markdown lines) of a robot message about this complaint,
        in the context's language: escalated, or its deadline near."""
        self.ensure_one()
        env = self.env
        deadline = self.deadline and fields.Datetime.context_timestamp(
            self.with_context(tz=self.user_id.tz or "Asia/Shanghai"), self.deadline
        )
        if what == "escalated":
            reasons = dict(
                self._fields["escalation_reason"]._description_selection(env)
            )
            title = env._("Complaint escalated: %(name)s", name=self.name)
            first = env._(
                "**Why**: %(reason)s",
                reason=md(reasons.get(self.escalation_reason, "")),
            )
        else:
            title = env._("Complaint deadline near: %(name)s", name=self.name)
            first = env._(
                "**Deadline**: %(deadline)s",
                deadline=deadline.strftime("%Y-%m-%d %H:%M") if deadline else "",
            )
        return title, [
            first,
            env._("**Customer**: %(customer)s", customer=md(self.partner_id.name)),
            env._("**Handled by**: %(user)s", user=md(self.user_id.name)),
            env._(
                "**Deadline**: %(deadline)s",
                deadline=deadline.strftime("%Y-%m-%d %H:%M"),
            )
            if deadline and what == "escalated"
            else "",
        ]

    def _lam_check_escalation(self, reason):
        for complaint in self:
            if complaint.state not in ("new", "in_progress"):
                raise UserError(
                    _(
                        "%(complaint)s: only an open complaint is reported.",
                        complaint=complaint.name,
                    )
                )
            if (
                reason == "not_resolvable"
                and not (complaint.customer_explanation or "").strip()
            ):
                raise UserError(
                    _(
                        "%(complaint)s: record the explanation given to the customer "
                        "before reporting "
                        "the complaint.",
                        complaint=complaint.name,
                    )
                )

    def _lam_log_escalation(self, reason, leaders, before):
        """One message per complaint, created together: to whom and why, what
        the customer was told, and the tracking of the fields that changed."""
        reasons = dict(
            self._fields["escalation_reason"]._description_selection(self.env)
        )
        tracked = list(next(iter(before.values())))
        fields_info = self.fields_get(
            tracked, attributes=("string", "type", "selection", "currency_field")
        )
        Tracking = self.env["mail.tracking.value"]
        author = self.env.user.partner_id
        subtype = self.env.ref("mail.mt_comment")
        # computed once, not per message (Odoo's _message_log_batch does so)
        reply_to = self.env["mail.thread"]._notify_get_reply_to(
            default=author.email_formatted
        )[False]
        # the record names the messages keep, computed together (mail.message
        # would compute each, reading its customer one by one)
        names = dict(zip(self.ids, self.sudo().mapped("display_name"), strict=True))
        Message = self.env["mail.message"]
        now = fields.Datetime.now()
        values, recipients, trackings = [], [], []
        for complaint in self:
            managers = leaders.get(complaint.user_id, self.env["res.users"])
            body = Markup("<p>%s</p>") % _(
                "Escalated to %(managers)s: %(reason)s.",
                managers=", ".join(managers.mapped("name")) or _("nobody (no team)"),
                reason=reasons[reason],
            )
            if complaint.customer_explanation:
                body += Markup("<p>%s</p>") % _(
                    "Told to the customer: %(text)s",
                    text=complaint.customer_explanation,
                )
            trackings.append(
                [
                    Tracking._create_tracking_values(
                        before[complaint.id][name],
                        complaint[name],
                        name,
                        fields_info[name],
                        complaint,
                    )
                    for name in tracked
                    if before[complaint.id][name] != complaint[name]
                ]
            )
            message = {
                "model": self._name,
                "res_id": complaint.id,
                "record_name": names[complaint.id],
                "body": body,
                "author_id": author.id,
                "email_from": author.email_formatted,
                "message_type": "comment",
                "subtype_id": subtype.id,
                "reply_to": reply_to,
                "email_add_signature": False,
                "date": now,
            }
            message["message_id"] = Message._get_message_id(message)
            values.append(message)
            recipients.append(managers.partner_id.ids)
        # as the system: the messages of complaints the caller may escalate,
        # their recipients, then their tracking values, each in one statement
        messages = bulk.insert(Message.sudo(), values)
        bulk.link(
            messages,
            "partner_ids",
            [
                (message.id, partner_id)
                for message, partner_ids in zip(messages, recipients, strict=True)
                for partner_id in partner_ids
            ],
        )
        bulk.insert(
            Tracking.sudo(),
            [
                dict(tracking, mail_message_id=message.id)
                for message, message_trackings in zip(messages, trackings, strict=True)
                for tracking in message_trackings
                if tracking
            ],
        )
        self.invalidate_recordset(["message_ids"])
        return messages

    def _lam_notify_escalation(self, messages, leaders):
        """The messages in the department managers' Inbox (no e-mail per
        complaint: the activities are their to-do list)."""
        by_complaint = {message.res_id: message for message in messages}
        values = [
            {
                "author_id": message.author_id.id,
                "mail_message_id": message.id,
                "notification_status": "sent",
                "notification_type": "inbox",
                "res_partner_id": manager.partner_id.id,
            }
            for complaint in self
            for message in [by_complaint[complaint.id]]
            for manager in leaders.get(complaint.user_id, [])
        ]
        # as the system: notifications are the notifier's records
        bulk.insert(self.env["mail.notification"].sudo(), values)

    def _lam_schedule_escalation(self, reason, leaders):
        """A complaint activity for each department manager, in his language,
        all created in one call."""
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_complaint"
        )
        model = self.env["ir.model"]._get(self._name)
        today = fields.Date.context_today(self)
        labels = {}
        values = []
        for complaint in self:
            for manager in leaders.get(complaint.user_id, []):
                lang = manager.lang or self.env.lang
                if lang not in labels:
                    local = self.with_context(lang=lang)
                    labels[lang] = (
                        local.env,
                        dict(
                            local._fields["escalation_reason"]._description_selection(
                                local.env
                            )
                        )[reason],
                    )
                env, reason_label = labels[lang]
                values.append(
                    {
                        "res_model_id": model.id,
                        "res_id": complaint.id,
                        "activity_type_id": activity_type.id,
                        "user_id": manager.id,
                        "date_deadline": today,
                        "summary": env._(
                            "Complaint %(complaint)s of %(customer)s: %(reason)s",
                            complaint=complaint.name,
                            customer=complaint.partner_id.name,
                            reason=reason_label,
                        ),
                    }
                )
        # their Inbox has the message: no e-mail for each activity; they follow
        # the complaints as an activity's creation makes them
        self.env["mail.activity"]._lam_create_bulk(values)

    @api.model
    def _cron_escalate_overdue(self):
        """Escalate, once, the complaints past their deadline and not resolved."""
        # as the system: a scheduled action over every manager's complaints
        overdue = self.sudo().search(
            [
                ("state", "in", ("new", "in_progress")),
                ("deadline", "<", fields.Datetime.now()),
                ("escalated_at", "=", False),
            ]
        )
        # written in the language of each complaint's handler (the message and
        # the tracking of the state), not the scheduled action's
        for lang in set(overdue.user_id.mapped("lang")) | {False}:
            overdue.filtered(
                lambda complaint, lang=lang: (complaint.user_id.lang or False) == lang
            ).with_context(lang=lang or self.env.lang)._lam_escalate("deadline")
        self._lam_warn_deadlines()
        return len(overdue)

    @api.model
    def _lam_warn_deadlines(self):
        """Tell the handlers' team robots, once, of the open complaints whose
        deadline is within the company's warning hours."""
        now = fields.Datetime.now()
        # as the system: a scheduled action over every manager's complaints
        near = self.sudo().search(
            [
                ("state", "in", ("new", "in_progress")),
                ("deadline", ">=", now),
                ("escalated_at", "=", False),
                ("breach_warned_at", "=", False),
            ]
        )
        near = near.filtered(
            lambda complaint: complaint.deadline
            <= now + timedelta(hours=complaint.company_id.lam_complaint_warning_hours)
        )
        if not near:
            return
        bulk.update(near, {"breach_warned_at": now})
        self.env["lam.robot.message"]._lam_enqueue(
            "event_complaint",
            near,
            "user_id",
            lambda complaint: complaint._lam_robot_text("near"),
        )
