# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import base64
import io
import math
from datetime import timedelta
from urllib.parse import quote

from markupsafe import Markup, escape
from PIL import Image

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.image import IMAGE_MAX_RESOLUTION
from odoo.tools.mimetypes import guess_mimetype

from ..tools.robots import escape as md
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
# the largest photo taken on check-in (a phone's photo is 2-6 MB)
MAX_PHOTO_BYTES = 15 * 1024 * 1024
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
# a phone's accuracy beyond this is not a measure
MAX_ACCURACY_M = 1e6
CHECKIN_MARKER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="26" viewBox="0 0 52 '
    '26"><rect x="1.5" y="1.5" width="49" height="23" rx="11.5" fill="{color}" '
    'stroke="#ffffff" stroke-width="3"/><text x="26" y="17.5" font-size="13" '
    'font-family="Arial, sans-serif" font-weight="bold" text-anchor="middle" '
    'fill="#ffffff">{label}</text></svg>'
)
PROOF_ISSUES = [
    ("not_checked_in", "Done without Check-in"),
    ("no_position", "Checked in without Position"),
    ("far", "Far from the Customer"),
    ("inaccurate", "Position Inaccurate"),
    ("customer_unlocated", "Customer without Position"),
]
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
        "checkin_accuracy",
        "checkin_photo_id",
        "checkin_partner_latitude",
        "checkin_partner_longitude",
        "reviewed_by_id",
        "reviewed_on",
        "checkout_time",
        "checkout_latitude",
        "checkout_longitude",
        "checkout_accuracy",
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
    checkin_accuracy = fields.Float(
        string="Check-in Accuracy (m)",
        digits=(10, 0),
        readonly=True,
        copy=False,
        help="How precisely the phone knew its position (metres), as it said.",
    )
    checkin_photo_id = fields.Many2one(
        "ir.attachment",
        string="Check-in Photo",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
    )
    checkin_photo = fields.Binary(string="Photo", related="checkin_photo_id.datas")
    # where the customer was on the map when the visit was checked in: the
    # distance is measured against it, whatever his position becomes
    checkin_partner_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkin_partner_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkin_distance = fields.Float(
        string="Check-in Distance (km)",
        compute="_compute_checkin_distance",
        store=True,
        digits=(10, 3),
        help="From where the check-in was made to the customer's position on the "
        "map; empty when either is unknown.",
    )
    checkout_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkout_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    checkout_accuracy = fields.Float(
        string="Check-out Accuracy (m)", digits=(10, 0), readonly=True, copy=False
    )
    proof_issue = fields.Selection(
        PROOF_ISSUES,
        string="Needs Review Because",
        compute="_compute_proof_issue",
        store=True,
        help="Why the visit's proof needs the department manager's review: done "
        "without a check-in, checked in without a position, farther from the "
        "customer or less accurately than the settings allow.",
    )
    needs_review = fields.Boolean(
        compute="_compute_proof_issue", store=True, index=True
    )
    reviewed_by_id = fields.Many2one(
        "res.users", string="Proof Reviewed By", readonly=True, copy=False
    )
    reviewed_on = fields.Datetime(string="Proof Reviewed On", readonly=True, copy=False)
    is_visitor = fields.Boolean(
        compute="_compute_is_visitor",
        help="The current user makes this visit: he checks it in and out.",
    )
    checkin_clock = fields.Char(
        string="Checked In At", compute="_compute_checkin_clock"
    )
    review_note = fields.Char(
        string="Review", compute="_compute_review_note", help="What to review."
    )
    can_set_customer_position = fields.Boolean(
        compute="_compute_can_set_customer_position",
        help="The customer has no position on the map and this check-in was "
        "precise enough to give him one.",
    )
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
    # --- the phone and the map
    partner_address = fields.Char(string="Address", compute="_compute_geo_url")
    geo_url = fields.Char(
        string="Open in Maps",
        compute="_compute_geo_url",
        help="Opens the customer's place in the phone's map application.",
    )
    checkin_photo_required = fields.Boolean(
        related="user_id.company_id.lam_checkin_photo_required"
    )
    appointment_label = fields.Char(
        string="Expected At", compute="_compute_appointment_label"
    )
    checkin_label = fields.Char(compute="_compute_checkin_label")
    checkin_marker = fields.Binary(compute="_compute_checkin_marker", attachment=False)

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
        "checkin_partner_latitude",
        "checkin_partner_longitude",
    )
    def _compute_checkin_distance(self):
        for visit in self:
            here = (visit.checkin_latitude, visit.checkin_longitude)
            there = (visit.checkin_partner_latitude, visit.checkin_partner_longitude)
            visit.checkin_distance = (
                great_circle_km(here, there) if any(here) and any(there) else 0.0
            )

    @api.depends(
        "state",
        "checkin_time",
        "checkin_latitude",
        "checkin_longitude",
        "checkin_accuracy",
        "checkin_distance",
        "checkin_partner_latitude",
        "checkin_partner_longitude",
        "user_id.company_id.lam_checkin_max_distance_m",
        "user_id.company_id.lam_checkin_max_accuracy_m",
        "reviewed_on",
    )
    def _compute_proof_issue(self):
        for visit in self:
            issues = visit._lam_proof_issues()
            visit.proof_issue = issues[0] if issues else False
            visit.needs_review = bool(issues) and not visit.reviewed_on

    def _lam_proof_issues(self):
        """What the check-in fails to prove, most serious first."""
        self.ensure_one()
        company = self.user_id.company_id
        if not self.checkin_time:
            return ["not_checked_in"] if self.state in ("done", "reported") else []
        if not (self.checkin_latitude or self.checkin_longitude):
            return ["no_position"]
        issues = []
        if self.checkin_distance * 1000 > company.lam_checkin_max_distance_m:
            issues.append("far")
        if (
            not self.checkin_accuracy
            or self.checkin_accuracy > company.lam_checkin_max_accuracy_m
        ):
            issues.append("inaccurate")
        if not (self.checkin_partner_latitude or self.checkin_partner_longitude):
            # nothing to measure the check-in against
            issues.append("customer_unlocated")
        return issues

    @api.depends("proof_issue", "checkin_distance", "checkin_accuracy")
    def _compute_review_note(self):
        for visit in self:
            company = visit.user_id.company_id
            notes = []
            for issue in visit._lam_proof_issues() if visit.proof_issue else []:
                if issue == "far":
                    notes.append(
                        _(
                            "checked in %(distance)s from the customer (review "
                            "beyond %(limit)s m)",
                            distance=visit._lam_distance_text(),
                            limit=company.lam_checkin_max_distance_m,
                        )
                    )
                elif issue == "inaccurate":
                    notes.append(
                        _(
                            "position accurate to %(accuracy)s m (review beyond "
                            "%(limit)s m)",
                            accuracy=round(visit.checkin_accuracy)
                            if visit.checkin_accuracy
                            else "?",
                            limit=company.lam_checkin_max_accuracy_m,
                        )
                    )
                else:
                    notes.append(
                        dict(
                            visit._fields["proof_issue"]._description_selection(
                                visit.env
                            )
                        )[issue]
                    )
            visit.review_note = "; ".join(notes)

    def _lam_distance_text(self):
        """The check-in's distance to the customer as one reads it: metres
        below a kilometre, kilometres with one decimal above."""
        metres = self.checkin_distance * 1000
        if metres < 1000:
            return _("%(metres)s m", metres=round(metres))
        km = f"{self.checkin_distance:,.1f}"
        return _("%(km)s km", km=km)

    @api.depends("user_id")
    @api.depends_context("uid")
    def _compute_is_visitor(self):
        for visit in self:
            visit.is_visitor = visit.user_id == self.env.user

    @api.depends("checkin_time")
    @api.depends_context("tz")
    def _compute_checkin_clock(self):
        for visit in self:
            when = visit.checkin_time and fields.Datetime.context_timestamp(
                visit, visit.checkin_time
            )
            visit.checkin_clock = when and when.strftime("%H:%M")

    def action_lam_mark_reviewed(self):
        """The department manager has looked at what the proof lacks (and
        asked the manager): the visit leaves the list to review, its reason
        kept."""
        for visit in self:
            if not visit.needs_review:
                raise UserError(
                    _(
                        "%(visit)s: nothing to review.",
                        visit=visit.display_name,
                    )
                )
        if not self.env.su:
            led = self.env.user._lam_led_users(self.user_id)
            for visit in self.filtered(lambda visit: visit.user_id not in led):
                raise AccessError(
                    _(
                        "%(visit)s: the visitor's department manager reviews the "
                        "proof of his visits.",
                        visit=visit.display_name,
                    )
                )
        # as the system: the review is the button's; the reviewer was checked
        self.sudo().write(
            {"reviewed_by_id": self.env.user.id, "reviewed_on": fields.Datetime.now()}
        )
        for visit in self:
            visit.message_post(
                body=_(
                    "Proof reviewed by %(user)s: %(note)s",
                    user=self.env.user.name,
                    note=visit.review_note,
                )
            )
        return True

    @api.depends(
        "checkin_latitude",
        "checkin_longitude",
        "checkin_accuracy",
        "partner_id.partner_latitude",
        "partner_id.partner_longitude",
    )
    @api.depends_context("uid")
    def _compute_can_set_customer_position(self):
        is_admin = self.env.user.has_group("lubricant_account_manager.group_lam_admin")
        for visit in self:
            visit.can_set_customer_position = visit._lam_position_to_propose() and (
                is_admin or self.env.user in visit._lam_position_deciders()
            )

    def _lam_position_to_propose(self):
        """The check-in is a precise position of a customer who has none."""
        self.ensure_one()
        # as the system: the customer's map position, for his visit's reader
        customer = self.partner_id.sudo()
        return bool(
            (self.checkin_latitude or self.checkin_longitude)
            and self.checkin_accuracy
            and self.checkin_accuracy
            <= self.user_id.company_id.lam_checkin_max_accuracy_m
            and not (customer.partner_latitude or customer.partner_longitude)
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

    @api.depends(
        "partner_id.partner_latitude",
        "partner_id.partner_longitude",
        "partner_id.state_id",
        "partner_id.city",
        "partner_id.street",
        "partner_id.street2",
    )
    def _compute_geo_url(self):
        for visit in self:
            # as the system: the customer's place, for his visit's reader
            customer = visit.partner_id.sudo()
            # as one writes it in China: province, city, street
            address = " ".join(
                part.strip()
                for part in (
                    customer.state_id.name,
                    customer.city,
                    customer.street,
                    customer.street2,
                )
                if part and part.strip()
            )
            visit.partner_address = address or False
            name = quote(visit.partner_id._lam_work_name() or "")
            if customer.partner_latitude or customer.partner_longitude:
                here = f"{customer.partner_latitude},{customer.partner_longitude}"
                visit.geo_url = f"geo:{here}?q={here}({name})"
            elif address:
                visit.geo_url = "geo:0,0?q=" + quote(address)
            else:
                visit.geo_url = False

    @api.depends("appointment_start", "planned_start")
    @api.depends_context("tz")
    def _compute_appointment_label(self):
        for visit in self:
            expected = visit.appointment_start or visit.planned_start
            when = expected and fields.Datetime.context_timestamp(visit, expected)
            visit.appointment_label = (
                when
                and (
                    _("Appointment %(time)s", time=when.strftime("%H:%M"))
                    if visit.appointment_start
                    else _("Planned %(time)s", time=when.strftime("%H:%M"))
                )
            ) or False

    @api.depends("checkin_time", "user_id", "partner_id", "review_note")
    @api.depends_context("tz")
    def _compute_checkin_label(self):
        for visit in self:
            when = visit.checkin_time and fields.Datetime.context_timestamp(
                visit, visit.checkin_time
            )
            label = (
                f"{when.strftime('%H:%M') if when else ''} {visit.user_id.name or ''}"
                f" · {visit.partner_id._lam_work_name()}"
            )
            if visit.review_note:
                label += f" ({visit.review_note})"
            visit.checkin_label = label

    @api.depends("checkin_time", "needs_review")
    @api.depends_context("tz")
    def _compute_checkin_marker(self):
        for visit in self:
            when = visit.checkin_time and fields.Datetime.context_timestamp(
                visit, visit.checkin_time
            )
            svg = CHECKIN_MARKER_SVG.format(
                color="#c0392b" if visit.needs_review else "#2e8540",
                label=when.strftime("%H:%M") if when else "?",
            )
            visit.checkin_marker = base64.b64encode(svg.encode())

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
        self._lam_check_proof_kept(vals)
        return super().write(vals)

    def _lam_check_proof_kept(self, vals):
        """A visit checked in stays the visit of its visitor to its customer:
        the proof is not moved to another."""
        if self.env.su:
            return
        for fname in ("partner_id", "user_id"):
            if fname not in vals:
                continue
            moved = self.filtered(
                lambda visit, fname=fname: visit.checkin_time
                and visit[fname].id != vals[fname]
            )
            if moved:
                raise UserError(
                    _(
                        "%(visits)s: a visit checked in keeps its customer and its "
                        "visitor.",
                        visits=", ".join(moved.mapped("display_name")),
                    )
                )

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
        done = self.filtered(
            lambda visit: visit.state in ("done", "reported") or visit.checkin_time
        )
        if done and not self.env.su:
            raise UserError(
                _(
                    "%(visits)s: a visit done is part of the customer's history and is "
                    "kept.",
                    visits=", ".join(done.mapped("display_name")),
                )
            )

    # --- actions
    def action_check_in(self, latitude=None, longitude=None, accuracy=None, photo=None):
        """Record the arrival at the server's time, where the phone says it is
        (with its accuracy) and, when taken, the photo of the place; propose a
        precise position to a customer who has none."""
        self._lam_check_visitor()
        for visit in self:
            if visit.state != "planned":
                raise UserError(_("Only a planned visit is checked in."))
            if visit.checkin_time:
                raise UserError(
                    _("%(visit)s: already checked in.", visit=visit.display_name)
                )
            if not photo and visit.user_id.company_id.lam_checkin_photo_required:
                raise UserError(
                    _(
                        "%(visit)s: take a photo on site to check in (your company "
                        "requires one).",
                        visit=visit.display_name,
                    )
                )
        now = fields.Datetime.now()
        position = self._lam_position("checkin", latitude, longitude, accuracy)
        raw_photo = photo and self._lam_read_photo(photo)
        for visit in self:
            # as the system: the customer's map position, frozen with the check-in
            customer = visit.partner_id.sudo()
            values = {
                "checkin_time": now,
                "checkin_partner_latitude": customer.partner_latitude,
                "checkin_partner_longitude": customer.partner_longitude,
                **position,
            }
            if raw_photo:
                values["checkin_photo_id"] = visit._lam_attach_photo(
                    raw_photo, now, position
                ).id
            # as the system: the evidence fields are the buttons'; the visitor
            # was checked above
            visit.sudo().write(values)
            if visit._lam_position_to_propose():
                visit._lam_propose_customer_position()
        return True

    def action_check_out(self, latitude=None, longitude=None, accuracy=None):
        self._lam_check_visitor()
        for visit in self:
            if visit.state in ("reported", "cancelled"):
                raise UserError(
                    _(
                        "%(visit)s: a visit reported or cancelled is kept as it is.",
                        visit=visit.display_name,
                    )
                )
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
        # as the system: the evidence fields are the buttons'; the visitor was
        # checked above
        self.sudo().write(
            {
                "checkout_time": fields.Datetime.now(),
                **self._lam_position("checkout", latitude, longitude, accuracy),
            }
        )
        return True

    def _lam_check_visitor(self):
        """Only the one who makes the visit checks in and out: the proof is
        his, not his manager's nor his department manager's."""
        self.check_access("write")
        if self.env.su:
            return
        others = self.filtered(lambda visit: visit.user_id != self.env.user)
        if others:
            raise UserError(
                _(
                    "%(visits)s: only the one who makes the visit checks in and out.",
                    visits=", ".join(others.mapped("display_name")),
                )
            )

    @api.model
    def _lam_position(self, prefix, latitude, longitude, accuracy=None):
        """The position the browser gave, as stored values; none when it gave
        none (refused or unavailable: the visit is then reviewed). Anything
        else than a position is refused."""
        if latitude is None and longitude is None:
            return {}
        latitude, longitude = (
            self._lam_number(latitude, -90, 90, _("latitude")),
            self._lam_number(longitude, -180, 180, _("longitude")),
        )
        values = {f"{prefix}_latitude": latitude, f"{prefix}_longitude": longitude}
        # an accuracy not given is unknown (0), hence reviewed
        values[f"{prefix}_accuracy"] = (
            0.0
            if accuracy is None
            else self._lam_number(accuracy, 0, MAX_ACCURACY_M, _("accuracy"))
        )
        return values

    @api.model
    def _lam_number(self, value, low, high, name):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            value = None
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not low <= number <= high:  # NaN and infinities included
            raise UserError(
                _(
                    "The position sent is not a position: %(name)s %(value)s (from "
                    "%(low)s to %(high)s).",
                    name=name,
                    value=repr(value)[:40],
                    low=low,
                    high=high,
                )
            )
        return number

    @api.model
    def _lam_read_photo(self, photo):
        """The photo's bytes, once they are a photo: a JPEG, PNG or WebP image
        that decodes, of a reasonable size."""
        try:
            raw = base64.b64decode(photo, validate=True)
        except (TypeError, ValueError) as error:
            raise UserError(_("The check-in photo could not be read.")) from error
        if len(raw) > MAX_PHOTO_BYTES:
            raise UserError(
                _(
                    "The check-in photo is larger than %(size)s MB.",
                    size=MAX_PHOTO_BYTES // (1024 * 1024),
                )
            )
        try:
            image = Image.open(io.BytesIO(raw))
            if image.format not in PHOTO_FORMATS:
                raise UserError(_("The check-in photo is not an image."))
            if image.width * image.height > IMAGE_MAX_RESOLUTION:
                raise UserError(
                    _("The check-in photo has too many pixels for a photo.")
                )
            image.load()  # decodes it all: a truncated or forged file fails
        except UserError:
            raise
        except (
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ) as error:
            raise UserError(_("The check-in photo is not an image.")) from error
        return raw

    def _lam_attach_photo(self, raw, when, position):
        """The check-in photo, named after its time and place, in the visit's
        attachments and its chatter; kept as taken (ir.attachment)."""
        self.ensure_one()
        mimetype = guess_mimetype(raw)
        local = fields.Datetime.context_timestamp(
            self.with_context(tz=self.user_id.tz or self.env.context.get("tz")), when
        )
        place = (
            "{:.6f},{:.6f}".format(
                position["checkin_latitude"], position["checkin_longitude"]
            )
            if position
            else _("no position")
        )
        extension = mimetype.split("/")[1].replace("jpeg", "jpg")
        name = _(
            "Check-in %(time)s %(place)s.%(extension)s",
            time=local.strftime("%Y-%m-%d %H-%M-%S"),
            place=place,
            extension=extension,
        )
        # as the system: the photo is the check-in's proof, created by it
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": raw,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.message_post(
            body=_("Photo taken on check-in."), attachment_ids=attachment.ids
        )
        return attachment

    def _lam_position_deciders(self):
        """Who sets a customer's position from a check-in: the department
        managers of his account manager (the account manager when he has
        none), never silently."""
        self.ensure_one()
        manager = self.partner_id.sudo().user_id or self.user_id
        return manager._lam_department_managers() - manager or manager

    def _lam_propose_customer_position(self):
        """Ask the department manager to take this check-in as the customer's
        position."""
        self.ensure_one()
        for decider in self._lam_position_deciders():
            # as the system: an activity for the department manager
            self.sudo().activity_schedule(
                "lubricant_account_manager.mail_activity_type_lam_position",
                user_id=decider.id,
                summary=self.with_context(lang=decider.lang).env._(
                    "Set %(customer)s's position from this check-in?",
                    customer=self.partner_id.name,
                ),
            )

    def action_lam_set_customer_position(self):
        """The department manager takes the check-in as the customer's
        position."""
        self.ensure_one()
        if not self._lam_position_to_propose():
            raise UserError(
                _(
                    "%(visit)s: the customer has a position already, or the "
                    "check-in was not precise enough to give him one.",
                    visit=self.display_name,
                )
            )
        if not (
            self.env.su
            or self.env.user in self._lam_position_deciders()
            or self.env.user.has_group("lubricant_account_manager.group_lam_admin")
        ):
            raise AccessError(
                _(
                    "%(visit)s: the customer's position is set from a check-in by "
                    "the department manager.",
                    visit=self.display_name,
                )
            )
        customer = self.partner_id
        customer.check_access("write")
        customer.write(
            {
                "partner_latitude": self.checkin_latitude,
                "partner_longitude": self.checkin_longitude,
                "date_localization": fields.Date.context_today(self),
            }
        )
        customer.message_post(
            body=_(
                "Position set from the check-in of %(visit)s (accurate to "
                "%(accuracy)s m).",
                visit=self.display_name,
                accuracy=round(self.checkin_accuracy),
            )
        )
        # as the system: the proposal may be another manager's activity
        self.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref("lubricant_account_manager.mail_activity_type_lam_position")
        ).action_feedback(feedback=_("Position set."))
        return True

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
        self.env["lam.robot.message"]._lam_enqueue(
            "event_visit_report",
            self,
            "user_id",
            lambda visit: visit._lam_robot_text(),
        )
        return True

    def _lam_robot_text(self):
        """(title, markdown lines) of the robot message of this visit report,
        in the context's language."""
        self.ensure_one()
        env = self.env
        local = self.with_context(tz=self.user_id.tz or "Asia/Shanghai")
        checkin = self.checkin_time and fields.Datetime.context_timestamp(
            local, self.checkin_time
        )
        arrivals = dict(self._fields["arrival"]._description_selection(env))
        outcome = (self.outcome or "").strip()
        return env._(
            "Visit report: %(customer)s", customer=self.partner_id._lam_work_name()
        ), [
            env._("**Visited by**: %(user)s", user=md(self.user_id.name)),
            env._(
                "**Arrived**: %(time)s (%(arrival)s)",
                time=checkin.strftime("%Y-%m-%d %H:%M"),
                arrival=arrivals.get(self.arrival, ""),
            )
            if checkin
            else env._("**Arrived**: not checked in"),
            env._("**Needs review**: %(note)s", note=md(self.review_note))
            if self.needs_review
            else "",
            env._(
                "**Outcome**: %(outcome)s",
                outcome=md(outcome[:200] + ("…" if len(outcome) > 200 else "")),
            )
            if outcome
            else "",
            env._("**Next visit**: %(date)s", date=self.next_visit_date)
            if self.next_visit_date
            else "",
        ]

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

    # --- the phone and the map
    def action_lam_log_call(self):
        """Log the customer's call: the quick form, filled."""
        self.ensure_one()
        action = self.partner_id.action_lam_log_communication()
        action["context"] = {
            **action["context"],
            "default_direction": "incoming",
        }
        return action

    @api.model
    def action_lam_today_visits(self):
        """今日走访: the current user's visits of today on his phone, in the
        order of his day route (planned again first)."""
        today = fields.Date.context_today(self)
        self._lam_plan_route(self.env.user, today)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lubricant_account_manager.lam_visit_action_today"
        )
        # today in the user's time zone, as the visits' days are (the action's
        # own domain, used when the page is reloaded, takes the browser's)
        action["domain"] = [
            ("user_id", "=", self.env.user.id),
            ("visit_date", "=", fields.Date.to_string(today)),
        ]
        return action
