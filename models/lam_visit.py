# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import base64
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.route import great_circle_km, plan_route

VISIT_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("reported", "Reported"),
    ("cancelled", "Cancelled"),
]
# Checklist of Art. 35: what a manager takes along and settles before leaving.
PREPARATION_FIELDS = (
    "prep_company_materials",
    "prep_customer_file",
    "prep_success_cases",
    "prep_product_catalogue",
    "prep_business_cards",
    "prep_appointment_confirmed",
    "prep_route_planned",
)
# A visit cannot last longer than a day.
MAX_DURATION_HOURS = 24.0
MARKER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 36 '
    '36">'
    '<circle cx="18" cy="18" r="16" fill="{color}" stroke="#ffffff" stroke-width="3"/>'
    '<text x="18" y="23.5" font-size="15" font-family="Arial, sans-serif" '
    'font-weight="bold" '
    'text-anchor="middle" fill="#ffffff">{label}</text></svg>'
)


class LamVisit(models.Model):
    """走访记录: a visit to a customer, from its preparation to the report to
    the department manager (Art. 16, 20-21, 25, 34-37)."""

    _name = "lam.visit"
    _description = "Customer Visit"
    _inherit = ["lam.work.record.mixin", "mail.thread", "mail.activity.mixin"]
    # the evidence of the visit: written by its buttons only (check-in and
    # check-out take the server's time), never by a user's create or write
    _lam_system_fields = (
        "state",
        "checkin_time",
        "checkin_latitude",
        "checkin_longitude",
        "checkout_time",
        "checkout_latitude",
        "checkout_longitude",
        "reported_date",
        "reported_to_ids",
    )
    _order = "planned_start desc, id desc"

    partner_id = fields.Many2one(tracking=True)
    user_id = fields.Many2one(string="Visited By", tracking=True)
    state = fields.Selection(
        VISIT_STATES,
        default="planned",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    # --- plan
    planned_start = fields.Datetime(
        required=True,
        tracking=True,
        index=True,
        default=lambda self: fields.Datetime.now().replace(
            minute=0, second=0, microsecond=0
        )
        + timedelta(hours=1),
    )
    planned_duration = fields.Float(string="Planned Duration (hours)", default=1.5)
    planned_end = fields.Datetime(compute="_compute_planned_end")
    visit_date = fields.Date(
        compute="_compute_visit_date",
        store=True,
        index=True,
        help="The day of the visit in the visitor's time zone.",
    )
    purpose = fields.Selection(
        [
            ("first_contact", "First Contact"),
            ("negotiation", "Negotiation"),
            ("follow_up", "Follow-up"),
            ("credit", "Credit Follow-up"),
        ],
        required=True,
        default="follow_up",
        tracking=True,
        help="A credit follow-up visit checks a credit customer's payments and "
        "situation (Art. 22.5).",
    )
    goal = fields.Text(
        string="Concrete Goal",
        help="First contact: the information to collect. Negotiation: the volume and "
        "price to agree. "
        "Follow-up: the information to obtain.",
    )
    target_volume = fields.Float(
        help="Negotiation: the volume to agree, in the reference unit.",
    )
    target_price = fields.Float(
        help="Negotiation: the price to agree, per reference unit.",
    )
    breakthrough = fields.Selection(
        [
            ("person", "Person"),
            ("product", "Product"),
            ("event", "Event"),
            ("price", "Price"),
        ],
        string="Breakthrough Point",
    )
    breakthrough_detail = fields.Text()
    participant_ids = fields.One2many(
        "lam.visit.participant", "visit_id", string="Participants", copy=True
    )
    # --- preparation (Art. 35)
    prep_company_materials = fields.Boolean(string="Company Materials")
    prep_customer_file = fields.Boolean(string="Customer File Read")
    prep_success_cases = fields.Boolean(string="Success Cases")
    prep_product_catalogue = fields.Boolean(string="Product Sheets and Catalogue")
    prep_business_cards = fields.Boolean(string="Business Cards")
    prep_appointment_confirmed = fields.Boolean(string="Appointment Confirmed")
    appointment_start = fields.Datetime(string="Appointment From")
    appointment_end = fields.Datetime(string="Appointment Until")
    prep_route_planned = fields.Boolean(string="Route Planned")
    departure_time = fields.Datetime()
    preparation_progress = fields.Integer(
        string="Preparation (%)",
        compute="_compute_preparation_progress",
        store=True,
        aggregator="avg",
    )
    # --- on site
    checkin_time = fields.Datetime(
        string="Arrived At", readonly=True, copy=False, tracking=True
    )
    checkout_time = fields.Datetime(
        string="Left At", readonly=True, copy=False, tracking=True
    )
    checkin_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkin_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkin_distance = fields.Float(
        string="Check-in Distance (km)",
        compute="_compute_checkin_distance",
        digits=(10, 2),
        help="From where the check-in was made to the customer's position on the "
        "map; empty when either is unknown.",
    )
    checkout_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkout_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    late_minutes = fields.Integer(
        string="Minutes Late",
        compute="_compute_late_minutes",
        store=True,
        aggregator="avg",
        help="Check-in after the arrival margin before the appointment (or the "
        "planned start): Art. 35 asks to be there 5-10 minutes early.",
    )
    is_late = fields.Boolean(string="Late", compute="_compute_late_minutes", store=True)
    arrival = fields.Selection(
        [("early", "Early"), ("on_time", "On Time"), ("late", "Late")],
        compute="_compute_late_minutes",
        store=True,
        help="On time: checked in the arrival margin (Settings, 5 minutes) to twice "
        "that before the appointment (5-10 minutes); early before, late after.",
    )
    field_hours = fields.Float(
        string="Time in the Field (hours)",
        compute="_compute_field_hours",
        store=True,
        aggregator="sum",
        help="Check-in to check-out of a visit done; its planned duration when nobody "
        "checked out.",
    )
    # --- result (when done)
    obs_equipment = fields.Text(string="Equipment and Oil Use")
    current_supplier = fields.Char()
    current_brand = fields.Char(string="Brand in Use")
    current_price = fields.Char(string="Price Paid")
    customer_condition = fields.Text(string="Customer's Condition")
    concern_quality = fields.Boolean(string="Quality")
    concern_environment = fields.Boolean(string="Environment")
    concern_packaging = fields.Boolean(string="Packaging")
    concern_transport = fields.Boolean(string="Transport")
    key_staff = fields.Text(string="Key Staff Met")
    questions_answers = fields.Text(string="Questions and Answers")
    outcome = fields.Text()
    next_visit_date = fields.Date(string="Next Visit", tracking=True)
    cancel_reason = fields.Text(string="Why Cancelled")
    reported_date = fields.Datetime(string="Reported On", readonly=True, copy=False)
    reported_to_ids = fields.Many2many(
        "res.users", string="Reported To", readonly=True, copy=False
    )
    # --- day route
    route_sequence = fields.Integer(string="Route Order", copy=False, readonly=True)
    route_leg_km = fields.Float(
        string="Leg (km)", digits=(10, 1), copy=False, readonly=True, aggregator="sum"
    )
    partner_latitude = fields.Float(related="partner_id.partner_latitude")
    partner_longitude = fields.Float(related="partner_id.partner_longitude")
    date_localization = fields.Date(related="partner_id.date_localization")
    route_label = fields.Char(compute="_compute_route_label")
    route_marker = fields.Binary(compute="_compute_route_marker", attachment=False)

    @api.depends("planned_start", "planned_duration")
    def _compute_planned_end(self):
        for visit in self:
            visit.planned_end = visit.planned_start and visit.planned_start + timedelta(
                hours=visit.planned_duration
            )

    @api.depends("planned_start", "user_id.tz")
    def _compute_visit_date(self):
        for visit in self:
            start = visit.planned_start
            visit.visit_date = (
                start
                and fields.Datetime.context_timestamp(
                    visit.with_context(tz=visit.user_id.tz or "UTC"), start
                ).date()
            )

    @api.depends(*PREPARATION_FIELDS)
    def _compute_preparation_progress(self):
        for visit in self:
            done = sum(bool(visit[fname]) for fname in PREPARATION_FIELDS)
            visit.preparation_progress = round(100 * done / len(PREPARATION_FIELDS))

    @api.depends(
        "checkin_time",
        "appointment_start",
        "planned_start",
        "user_id.company_id.lam_arrival_margin_minutes",
    )
    def _compute_late_minutes(self):
        for visit in self:
            expected = visit.appointment_start or visit.planned_start
            if not (visit.checkin_time and expected):
                visit.late_minutes, visit.is_late, visit.arrival = 0, False, False
                continue
            margin = visit.user_id.company_id.lam_arrival_margin_minutes
            # minutes after the moment to be there: the margin before the appointment
            late = (visit.checkin_time - expected).total_seconds() / 60 + margin
            visit.late_minutes = max(0, int(late))
            visit.is_late = late > 0
            visit.arrival = (
                "late" if late > 0 else "early" if late < -margin else "on_time"
            )

    @api.depends(
        "checkin_latitude",
        "checkin_longitude",
        "partner_id.partner_latitude",
        "partner_id.partner_longitude",
    )
    def _compute_checkin_distance(self):
        for visit in self:
            # as the system: the customer's map position, for his visit's reader
            customer = visit.partner_id.sudo()
            here = (visit.checkin_latitude, visit.checkin_longitude)
            there = (customer.partner_latitude, customer.partner_longitude)
            visit.checkin_distance = (
                great_circle_km(here, there) if any(here) and any(there) else 0.0
            )

    @api.depends("state", "checkin_time", "checkout_time", "planned_duration")
    def _compute_field_hours(self):
        for visit in self:
            if visit.state not in ("done", "reported"):
                visit.field_hours = 0.0
            elif visit.checkin_time and visit.checkout_time:
                visit.field_hours = (
                    visit.checkout_time - visit.checkin_time
                ).total_seconds() / 3600
            else:
                visit.field_hours = visit.planned_duration

    @api.depends("partner_id", "planned_start")
    def _compute_display_name(self):
        for visit in self:
            start = visit.planned_start and fields.Datetime.context_timestamp(
                visit, visit.planned_start
            )
            visit.display_name = _(
                "Visit to %(customer)s, %(date)s",
                customer=visit.partner_id._lam_work_name(),
                date=start.strftime("%Y-%m-%d %H:%M") if start else "",
            )

    @api.depends("route_sequence", "partner_id", "planned_start")
    def _compute_route_label(self):
        for visit in self:
            start = visit.planned_start and fields.Datetime.context_timestamp(
                visit, visit.planned_start
            )
            prefix = f"{visit.route_sequence}. " if visit.route_sequence else ""
            visit.route_label = (
                f"{prefix}{visit.partner_id._lam_work_name()} "
                f"{start.strftime('%H:%M') if start else ''}"
            )

    @api.depends("route_sequence", "state")
    def _compute_route_marker(self):
        colors = {
            "planned": "#1f6fb2",
            "done": "#2e8540",
            "reported": "#2e8540",
            "cancelled": "#8a8a8a",
        }
        for visit in self:
            svg = MARKER_SVG.format(
                color=colors.get(visit.state, "#1f6fb2"),
                label=visit.route_sequence or "•",
            )
            visit.route_marker = base64.b64encode(svg.encode())

    @api.constrains("state", "next_visit_date", "cancel_reason", "planned_start")
    def _check_state_requirements(self):
        for visit in self:
            if visit.state in ("done", "reported") and not visit.next_visit_date:
                raise ValidationError(
                    _(
                        "%(visit)s: a visit done says when the next visit is.",
                        visit=visit.display_name,
                    )
                )
            if (
                visit.next_visit_date
                and visit.visit_date
                and visit.next_visit_date <= visit.visit_date
            ):
                raise ValidationError(
                    _(
                        "%(visit)s: the next visit comes after this one.",
                        visit=visit.display_name,
                    )
                )
            if visit.state == "cancelled" and not (visit.cancel_reason or "").strip():
                raise ValidationError(
                    _(
                        "%(visit)s: say why the visit is cancelled.",
                        visit=visit.display_name,
                    )
                )

    @api.constrains("planned_duration")
    def _check_planned_duration(self):
        for visit in self:
            if not 0 < visit.planned_duration <= MAX_DURATION_HOURS:
                raise ValidationError(
                    _("A visit lasts more than nothing and less than a day.")
                )

    @api.constrains("checkin_time", "checkout_time")
    def _check_checkout(self):
        for visit in self:
            if visit.checkout_time and (
                not visit.checkin_time or visit.checkout_time < visit.checkin_time
            ):
                raise ValidationError(
                    _("%(visit)s: one leaves after arriving.", visit=visit.display_name)
                )

    @api.constrains("appointment_start", "appointment_end")
    def _check_appointment(self):
        for visit in self:
            if (
                visit.appointment_start
                and visit.appointment_end
                and visit.appointment_end < visit.appointment_start
            ):
                raise ValidationError(_("The appointment ends after it starts."))

    @api.onchange("prep_appointment_confirmed")
    def _onchange_prep_appointment_confirmed(self):
        if self.prep_appointment_confirmed and not self.appointment_start:
            self.appointment_start = self.planned_start

    def write(self, vals):
        self._lam_check_not_reported()
        return super().write(vals)

    def _lam_check_not_reported(self):
        """A reported visit, its participants with it, is kept as reported."""
        if not self.env.su and self.filtered(lambda visit: visit.state == "reported"):
            raise UserError(
                _(
                    "A reported visit is kept as it was reported to the department "
                    "manager."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        done = self.filtered(lambda visit: visit.state in ("done", "reported"))
        if done and not self.env.su:
            raise UserError(
                _(
                    "%(visits)s: a visit done is part of the customer's history and is "
                    "kept.",
                    visits=", ".join(done.mapped("display_name")),
                )
            )

    # --- actions
    def action_check_in(self, latitude=None, longitude=None):
        """Record the arrival (and where, when the browser told us)."""
        self.check_access("write")
        for visit in self:
            if visit.state != "planned":
                raise UserError(_("Only a planned visit is checked in."))
            if visit.checkin_time:
                raise UserError(
                    _("%(visit)s: already checked in.", visit=visit.display_name)
                )
            # as the system: the evidence fields are the buttons'; write access
            # was checked above
            visit.sudo().write(
                {
                    "checkin_time": fields.Datetime.now(),
                    **self._lam_position("checkin", latitude, longitude),
                }
            )
        return True

    def action_check_out(self, latitude=None, longitude=None):
        self.check_access("write")
        for visit in self:
            if not visit.checkin_time:
                raise UserError(
                    _(
                        "%(visit)s: check in before checking out.",
                        visit=visit.display_name,
                    )
                )
            if visit.checkout_time:
                raise UserError(
                    _("%(visit)s: already checked out.", visit=visit.display_name)
                )
            # as the system: the evidence fields are the buttons'; write access
            # was checked above
            visit.sudo().write(
                {
                    "checkout_time": fields.Datetime.now(),
                    **self._lam_position("checkout", latitude, longitude),
                }
            )
        return True

    @api.model
    def _lam_position(self, prefix, latitude, longitude):
        if latitude is None or longitude is None:
            return {}
        try:
            latitude, longitude = float(latitude), float(longitude)
        except (TypeError, ValueError):
            return {}
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            return {}
        return {f"{prefix}_latitude": latitude, f"{prefix}_longitude": longitude}

    def action_done(self):
        self.check_access("write")
        for visit in self:
            if visit.state != "planned":
                raise UserError(
                    _(
                        "%(visit)s: only a planned visit is done.",
                        visit=visit.display_name,
                    )
                )
            if not visit.next_visit_date:
                raise UserError(
                    _(
                        "%(visit)s: when is the next visit? Set it before closing this "
                        "one.",
                        visit=visit.display_name,
                    )
                )
        # as the system: the state is the buttons'; write access was checked above
        self.sudo().write({"state": "done"})
        self._lam_schedule_next_visit()
        self.env["lam.cadence.engine"]._lam_enforce_after_contact(self.partner_id)
        return True

    def action_lam_request_senior_visit(self):
        """Ask the department manager for a senior manager's visit to this customer
        (Art. 13.5)."""
        self.ensure_one()
        action = self.partner_id.action_lam_request_senior_visit()
        action["context"] = {**action["context"], "default_origin_visit_id": self.id}
        return action

    def action_report(self):
        """Post the visit summary to the visitor's department manager(s) and mark it
        reported."""
        self.check_access("write")
        for visit in self:
            if visit.state != "done":
                raise UserError(
                    _(
                        "%(visit)s: a visit is reported once done.",
                        visit=visit.display_name,
                    )
                )
            managers = visit.user_id._lam_department_managers() - visit.user_id
            if not managers:
                raise UserError(
                    _(
                        "%(user)s is in no sales team with a leader: there is no "
                        "department manager to report to.",
                        user=visit.user_id.name,
                    )
                )
            visit.message_post(
                body=visit._lam_report_body(),
                subject=_("Visit report: %(visit)s", visit=visit.display_name),
                partner_ids=managers.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            # as the system: the state and report are the button's; write access
            # was checked above
            visit.sudo().write(
                {
                    "state": "reported",
                    "reported_date": fields.Datetime.now(),
                    "reported_to_ids": [(6, 0, managers.ids)],
                }
            )
        return True

    def action_cancel(self):
        self.check_access("write")
        for visit in self:
            if visit.state != "planned":
                raise UserError(
                    _(
                        "%(visit)s: only a planned visit is cancelled.",
                        visit=visit.display_name,
                    )
                )
            if not (visit.cancel_reason or "").strip():
                raise UserError(
                    _(
                        "%(visit)s: say why the visit is cancelled (field Why "
                        "Cancelled).",
                        visit=visit.display_name,
                    )
                )
        # as the system: the state is the buttons'; write access was checked above
        self.sudo().write({"state": "cancelled"})
        return True

    def _lam_report_body(self):
        self.ensure_one()
        concerns = [
            self._fields[fname]._description_string(self.env)
            for fname in (
                "concern_quality",
                "concern_environment",
                "concern_packaging",
                "concern_transport",
            )
            if self[fname]
        ]
        checkin = self.checkin_time and fields.Datetime.context_timestamp(
            self, self.checkin_time
        )
        rows = [
            (_("Customer"), self.partner_id._lam_work_name()),
            (_("Visited By"), self.user_id.name),
            (
                _("Purpose"),
                dict(self._fields["purpose"]._description_selection(self.env)).get(
                    self.purpose
                ),
            ),
            (_("Arrived At"), checkin.strftime("%Y-%m-%d %H:%M") if checkin else ""),
            (_("Minutes Late"), self.late_minutes or ""),
            (_("Equipment and Oil Use"), self.obs_equipment),
            (_("Current Supplier"), self.current_supplier),
            (_("Brand in Use"), self.current_brand),
            (_("Price Paid"), self.current_price),
            (_("Main Concerns"), "、".join(concerns)),
            (_("Questions and Answers"), self.questions_answers),
            (_("Outcome"), self.outcome),
            (_("Next Visit"), self.next_visit_date),
        ]
        items = Markup("").join(
            Markup("<li><b>%s</b>: %s</li>") % (label, value)
            for label, value in rows
            if value
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (escape(_("Visit report")), items)

    def _lam_schedule_next_visit(self):
        """One open "next visit" activity per customer, for its account manager, on the
        date set."""
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_visit"
        )
        # as the system: the visitor (a senior colleague) may not be the customer's
        # manager
        Activity = self.env["mail.activity"].sudo()
        model_id = self.env["ir.model"]._get_id("res.partner")
        for visit in self:
            customer = visit.partner_id
            activity = Activity.search(
                [
                    ("res_model_id", "=", model_id),
                    ("res_id", "=", customer.id),
                    ("activity_type_id", "=", activity_type.id),
                ],
                limit=1,
            )
            values = {
                "date_deadline": visit.next_visit_date,
                "user_id": (visit.account_manager_id or visit.user_id).id,
                "summary": _("Next visit to %(customer)s", customer=customer.name),
            }
            if activity:
                activity.write(values)
            else:
                Activity.create(
                    {
                        **values,
                        "res_model_id": model_id,
                        "res_id": customer.id,
                        "activity_type_id": activity_type.id,
                    }
                )

    # --- day route
    @api.model
    def _lam_plan_route(self, user, day):
        """Order ``user``'s planned visits of ``day`` by a short open path from
        his start point (without one, from his first customer of the day);
        store the order and the legs on the visits. Return (visits in order,
        total km, visits whose customer has no coordinates)."""
        visits = self.search(
            [
                ("user_id", "=", user.id),
                ("visit_date", "=", day),
                ("state", "=", "planned"),
            ],
            order="planned_start, id",
        )
        located = visits.filtered(
            lambda visit: visit.partner_latitude or visit.partner_longitude
        )
        unlocated = visits - located
        unlocated.write({"route_sequence": 0, "route_leg_km": 0.0})
        if not located:
            return located, 0.0, unlocated
        points = [
            (visit.partner_latitude, visit.partner_longitude) for visit in located
        ]
        start = user._lam_route_start() or points[0]
        order, _total = plan_route(start, points, located._lam_fixed_stops())
        previous, total = start, 0.0
        for sequence, index in enumerate(order, start=1):
            # the legs as the list shows them (0.1 km): their sum is the total
            leg = round(great_circle_km(previous, points[index]), 1)
            located[index].write({"route_sequence": sequence, "route_leg_km": leg})
            total += leg
            previous = points[index]
        return self.browse([located[index].id for index in order]), total, unlocated

    def _lam_fixed_stops(self):
        """Indexes (in ``self``) of the visits with an appointment, in the
        order of their appointments: the day route keeps them in that order."""
        fixed = [
            index
            for index, visit in enumerate(self)
            if visit.appointment_start or visit.prep_appointment_confirmed
        ]
        return sorted(
            fixed,
            key=lambda index: self[index].appointment_start
            or self[index].planned_start,
        )

    @api.model
    def _lam_route_action(self, user, day):
        """Plan ``user``'s route of ``day`` and open it (list in order, map
        with the path from the start point). Without a planned visit, the
        route is empty and says how to fill it."""
        ordered, total, unlocated = self._lam_plan_route(user, day)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lubricant_account_manager.lam_visit_action_route"
        )
        start = user._lam_route_start()
        distance = f"{total:.1f}"
        action["name"] = _(
            "Route of %(user)s, %(day)s: %(km)s km from %(start)s",
            user=user.name,
            day=day,
            km=distance,
            start=user._lam_route_start_name() if start else _("the first visit"),
        )
        if unlocated:
            action["name"] += " " + _(
                "(%(count)s customers without coordinates)", count=len(unlocated)
            )
        # the web client shows display_name first
        action["display_name"] = action["name"]
        # an action without an id is kept by the web client in the browser's
        # session, so that a reload (F5) shows this route again rather than
        # every visit of the stored action
        for key in ("id", "xml_id", "path"):
            action.pop(key, None)
        action["domain"] = [("id", "in", (ordered | unlocated).ids)]
        action["context"] = {
            "create": False,
            "lam_route_start": list(start) if start else False,
        }
        action["help"] = Markup(
            '<p class="o_view_nocontent_smiling_face">%s</p><p>%s</p>'
        ) % (
            _("%(user)s has no planned visit on %(day)s.", user=user.name, day=day),
            _(
                "Plan the day's visits (with the appointments you have), then plan "
                "the route again: visits with an appointment keep their times."
            ),
        )
        return action

    @api.model
    def _lam_action_today_route(self):
        return self._lam_route_action(self.env.user, fields.Date.context_today(self))
