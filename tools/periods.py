# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Reporting periods."""

import datetime

from dateutil.relativedelta import relativedelta

from .validation import DATE_MAX, DATE_MIN

# Period printed when none is asked for (P10 from the customer form, report filter).
DEFAULT_REPORT_MONTHS = 12


def trailing_months(today, months):
    """Return (first day, last day) of the ``months`` whole months up to ``today``'s month."""
    date_to = today + relativedelta(day=31)
    date_from = (today + relativedelta(day=1)) - relativedelta(months=months - 1)
    return date_from, date_to


class PeriodError(ValueError):
    """A report period that cannot be used; its ``args`` name the problem:
    ("invalid", value), ("range", value) or ("order", date_from, date_to)."""


def parse_period(options, default):
    """Return (date_from, date_to) from report options, or ``default`` for a missing bound.

    :param options: dict that may hold ``date_from`` and ``date_to`` (strings or dates)
    :param default: (date_from, date_to) used for a missing bound
    :raise PeriodError: for a value that is not a date, out of range, or an inverted period
    """
    bounds = []
    for key, fallback in zip(("date_from", "date_to"), default):
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
