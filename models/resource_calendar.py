# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Public holidays and make-up working days (调休) on a working calendar.

Odoo needs no new model for them: a public holiday is a global leave of the
calendar, and a make-up day (a Saturday or Sunday that is worked) is an
attendance valid on that one date (``date_from`` = ``date_to``), which
``resource.calendar`` counts only on that date. Complaint deadlines, the
scorecard's working time and the field share read the calendar, so they
honour both.
"""

import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Holidays and make-up days are dates of this century: anything else is a typo.
YEAR_MIN = 2000
YEAR_MAX = 2099
KINDS = ("holiday", "workday")
# China's public holidays and make-up working days (调休), from the State
# Council's notices (2026: 国办, 2025-11-04). A later year is imported from its
# notice (Import Holidays on the working hours' form).
CHINA_HOLIDAYS = (
    ("2026-01-01", "2026-01-03", "元旦", "holiday"),
    ("2026-01-04", "2026-01-04", "元旦调休上班", "workday"),
    ("2026-02-15", "2026-02-23", "春节", "holiday"),
    ("2026-02-14", "2026-02-14", "春节调休上班", "workday"),
    ("2026-02-28", "2026-02-28", "春节调休上班", "workday"),
    ("2026-04-04", "2026-04-06", "清明节", "holiday"),
    ("2026-05-01", "2026-05-05", "劳动节", "holiday"),
    ("2026-05-09", "2026-05-09", "劳动节调休上班", "workday"),
    ("2026-06-19", "2026-06-21", "端午节", "holiday"),
    ("2026-09-25", "2026-09-27", "中秋节", "holiday"),
    ("2026-10-01", "2026-10-07", "国庆节", "holiday"),
    ("2026-09-20", "2026-09-20", "国庆节调休上班", "workday"),
    ("2026-10-10", "2026-10-10", "国庆节调休上班", "workday"),
)
# The longest holiday or run of make-up days one row may give.
RANGE_DAYS_MAX = 31


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    lam_workday_ids = fields.One2many(
        "resource.calendar.attendance",
        "calendar_id",
        string="Make-up Working Days",
        domain=[("date_from", "!=", False), ("resource_id", "=", False)],
        help="Weekend days that are worked (调休), each valid on its own date.",
    )

    def _lam_pattern_day(self):
        """The attendances of the calendar's first ordinary working day: the
        hours a make-up day is worked."""
        self.ensure_one()
        ordinary = self.attendance_ids.filtered(
            lambda att: not att.date_from
            and not att.date_to
            and not att.resource_id
            and not att.display_type
            and att.day_period != "lunch"
        )
        if not ordinary:
            raise UserError(
                _(
                    "%(calendar)s has no working hours to give a make-up working "
                    "day: add its weekly hours first.",
                    calendar=self.display_name,
                )
            )
        first = min(ordinary.mapped("dayofweek"), key=int)
        return ordinary.filtered(lambda att: att.dayofweek == first)

    @api.model
    def _lam_check_day_row(self, number, first, last, name, kind):
        """Refuse a row (first day, last day, name, kind) whose days are not
        dates of this century in order, or of an unknown kind; name the row."""
        for day in (first, last):
            if not isinstance(day, datetime.date) or not (
                YEAR_MIN <= day.year <= YEAR_MAX
            ):
                raise ValidationError(
                    _(
                        "Row %(row)s: %(day)s is not a date between %(min)s "
                        "and %(max)s.",
                        row=number,
                        day=day,
                        min=YEAR_MIN,
                        max=YEAR_MAX,
                    )
                )
        if last < first:
            raise ValidationError(
                _(
                    "Row %(row)s: the last day %(last)s is before the first "
                    "day %(first)s.",
                    row=number,
                    last=last,
                    first=first,
                )
            )
        if (last - first).days > RANGE_DAYS_MAX:
            raise ValidationError(
                _(
                    "Row %(row)s: %(first)s to %(last)s is longer than %(days)s "
                    "days: a holiday is a few days.",
                    row=number,
                    first=first,
                    last=last,
                    days=RANGE_DAYS_MAX,
                )
            )
        if kind not in KINDS:
            raise ValidationError(
                _(
                    "Row %(row)s: the kind must be a public holiday or a "
                    "make-up working day.",
                    row=number,
                )
            )
        if not name or len(name) > 64:
            raise ValidationError(
                _(
                    "Row %(row)s: give the day a name of at most 64 characters.",
                    row=number,
                )
            )

    def _lam_add_days(self, rows):
        """Add public holidays and make-up working days to this calendar.

        ``rows``: (first day, last day, name, kind) with kind ``holiday`` (a
        global leave from the first day's 00:00 to the last day's 24:00 in the
        calendar's time zone) or ``workday`` (each day of the range worked as
        the calendar's first working day). A day already there is left as it
        is, so loading the same year twice adds nothing. Returns the number of
        (holidays, make-up days) added.
        """
        self.ensure_one()
        # a data file gives its days as ISO strings
        rows = [
            (fields.Date.to_date(first), fields.Date.to_date(last), name, kind)
            for first, last, name, kind in rows
        ]
        for number, row in enumerate(rows, start=1):
            self._lam_check_day_row(number, *row)
        tz = pytz.timezone(self.tz or "UTC")
        leave_vals, workday_vals = [], []
        existing_workdays = set(self.lam_workday_ids.mapped("date_from"))
        pattern_day = (
            any(row[3] == "workday" for row in rows) and self._lam_pattern_day()
        )
        for first, last, name, kind in rows:
            if kind == "holiday":
                start = tz.localize(datetime.datetime.combine(first, datetime.time()))
                stop = tz.localize(
                    datetime.datetime.combine(last, datetime.time.max)
                ).replace(microsecond=0)
                leave_vals.append(
                    {
                        "name": name,
                        "calendar_id": self.id,
                        "date_from": start.astimezone(pytz.utc).replace(tzinfo=None),
                        "date_to": stop.astimezone(pytz.utc).replace(tzinfo=None),
                        "time_type": "leave",
                    }
                )
                continue
            day = first
            while day <= last:
                if day not in existing_workdays:
                    existing_workdays.add(day)
                    workday_vals += [
                        {
                            "name": name,
                            "calendar_id": self.id,
                            "dayofweek": str(day.weekday()),
                            "hour_from": pattern.hour_from,
                            "hour_to": pattern.hour_to,
                            "day_period": pattern.day_period,
                            "date_from": day,
                            "date_to": day,
                        }
                        for pattern in pattern_day
                    ]
                day += datetime.timedelta(days=1)
        leave_vals = self._lam_new_leaves(leave_vals)
        self.env["resource.calendar.leaves"].create(leave_vals)
        self.env["resource.calendar.attendance"].create(workday_vals)
        return len(leave_vals), len({vals["date_from"] for vals in workday_vals})

    def _lam_add_china_holidays(self):
        """Add China's known public holidays and make-up days (the data file
        and the upgrade to 18.0.1.10.0 call it; loading twice adds nothing)."""
        for calendar in self:
            calendar._lam_add_days(CHINA_HOLIDAYS)

    def _lam_new_leaves(self, leave_vals):
        """The global leaves of ``leave_vals`` this calendar does not have yet
        (same start and end)."""
        if not leave_vals:
            return []
        known = {
            (leave.date_from, leave.date_to)
            for leave in self.env["resource.calendar.leaves"].search(
                [("calendar_id", "=", self.id), ("resource_id", "=", False)]
            )
        }
        return [
            vals
            for vals in leave_vals
            if (vals["date_from"], vals["date_to"]) not in known
        ]

    def action_lam_import_holidays(self):
        """Open the import of a year's public holidays and make-up days."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Import Holidays"),
            "res_model": "lam.holiday.import.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_calendar_id": self.id},
        }
