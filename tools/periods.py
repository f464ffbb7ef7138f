# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Reporting periods."""

import datetime
import statistics

from dateutil.relativedelta import relativedelta

from .validation import DATE_MAX, DATE_MIN

# Period printed when none is asked for (P10 from the customer form, report filter).
DEFAULT_REPORT_MONTHS = 12


def trailing_months(today, months):
    """Return (first day, last day) of the ``months`` whole months up to ``today``'s
    month."""
    date_to = today + relativedelta(day=31)
    date_from = (today + relativedelta(day=1)) - relativedelta(months=months - 1)
    return date_from, date_to


def week_bounds(day):
    """(Monday, Sunday) of ``day``'s week."""
    monday = day - relativedelta(days=day.weekday())
    return monday, monday + relativedelta(days=6)


def month_bounds(day):
    """(first, last day) of ``day``'s month."""
    return day + relativedelta(day=1), day + relativedelta(day=31)


def period_bounds(period_type, day):
    """(first, last day) of the week or month holding ``day``."""
    return week_bounds(day) if period_type == "week" else month_bounds(day)


def plan_deadlines(period_type, date_from, meeting_weekday, days_before_month_end):
    """(plan due, summary due) of a period starting on ``date_from``.

    A week's plan is due on its meeting day, its summary on the next week's
    meeting day. A month's summary and the next month's plan are due
    ``days_before_month_end`` days before the month ends: a month's plan is due
    before the previous month ends, its summary before it ends itself.
    """
    if period_type == "week":
        plan_due = date_from + relativedelta(days=meeting_weekday)
        return plan_due, plan_due + relativedelta(weeks=1)
    month_end = date_from + relativedelta(day=31)
    summary_due = month_end - relativedelta(days=days_before_month_end)
    plan_due = (date_from - relativedelta(days=1)) - relativedelta(
        days=days_before_month_end
    )
    return plan_due, summary_due


class PeriodError(ValueError):
    """A report period that cannot be used; its ``args`` name the problem:
    ("invalid", value), ("range", value) or ("order", date_from, date_to)."""


def parse_period(options, default):
    """Return (date_from, date_to) from report options, or ``default`` for a missing
    bound.

    :param options: dict that may hold ``date_from`` and ``date_to`` (strings or dates)
    :param default: (date_from, date_to) used for a missing bound
    :raise PeriodError: for a value that is not a date, out of range, or an inverted
    period
    """
    bounds = []
    for key, fallback in zip(("date_from", "date_to"), default, strict=False):
        value = (options or {}).get(key) or fallback
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value[:10])
            except ValueError:
                raise PeriodError("invalid", value) from None
        if not isinstance(value, datetime.date):
            raise PeriodError("invalid", value)
        if not DATE_MIN <= value <= DATE_MAX:
            raise PeriodError("range", value)
        bounds.append(value)
    if bounds[0] > bounds[1]:
        raise PeriodError("order", *bounds)
    return tuple(bounds)


def median_interval(days):
    """The median number of days between consecutive ``days`` (sorted dates), or None
    under two."""
    if len(days) < 2:
        return None
    return statistics.median(
        (later - earlier).days for earlier, later in zip(days, days[1:], strict=False)
    )
