# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Reporting periods."""

from dateutil.relativedelta import relativedelta

# Period printed when none is asked for (P10 from the customer form, report filter).
DEFAULT_REPORT_MONTHS = 12


def trailing_months(today, months):
    """Return (first day, last day) of the ``months`` whole months up to ``today``'s month."""
    date_to = today + relativedelta(day=31)
    date_from = (today + relativedelta(day=1)) - relativedelta(months=months - 1)
    return date_from, date_to
