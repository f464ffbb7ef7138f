# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Working time on a resource calendar (its attendances less its public
holidays): the one place the addon counts working hours."""

import datetime

import pytz


def _aware(value):
    """A naive UTC datetime (as Odoo stores it) made aware; aware ones untouched."""
    return value if value.tzinfo else pytz.utc.localize(value)


def add_working_hours(calendar, start, hours):
    """The naive UTC datetime ``hours`` working hours after ``start`` (naive
    UTC) on ``calendar``, public holidays excluded; None without a calendar."""
    if not calendar:
        return None
    end = calendar.plan_hours(hours, _aware(start), compute_leaves=True)
    return end and end.astimezone(pytz.utc).replace(tzinfo=None)


def working_hours_between(calendar, start, end):
    """Working hours on ``calendar`` between two naive UTC datetimes (0 if end <=
    start)."""
    if not calendar or not start or not end or end <= start:
        return 0.0
    return calendar.get_work_hours_count(
        _aware(start), _aware(end), compute_leaves=True
    )


def working_hours_by_day(calendar, first_day, last_day):
    """{date: working hours} on ``calendar`` for each day from ``first_day`` to
    ``last_day`` (days without work left out), in the calendar's time zone,
    from one computation of the calendar's intervals."""
    if not calendar:
        return {}
    tz = pytz.timezone(calendar.tz or "UTC")
    begin = tz.localize(datetime.datetime.combine(first_day, datetime.time.min))
    finish = tz.localize(datetime.datetime.combine(last_day, datetime.time.max))
    intervals = calendar._work_intervals_batch(begin, finish, compute_leaves=True)
    hours = {}
    for start, stop, _records in intervals[False]:
        day = start.astimezone(tz).date()
        hours[day] = hours.get(day, 0.0) + (stop - start).total_seconds() / 3600
    return hours
