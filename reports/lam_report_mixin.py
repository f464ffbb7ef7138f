# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.periods import (
    DEFAULT_REPORT_MONTHS,
    PeriodError,
    parse_period,
    trailing_months,
)
from ..tools.validation import DATE_MAX, DATE_MIN
from ..tools.xlsx import XlsxReport


class LamReportMixin(models.AbstractModel):
    """What every report of the addon (PDF and XLSX) does the same way: which
    records it prints, who may print them, and the period it covers."""

    _name = "lam.report.mixin"
    _description = "Account Management Report"

    @api.model
    def _lam_local_datetime(self, value):
        """``value`` (UTC) in the reader's time zone, to the minute, for a
        workbook's cell of a date and time."""
        local = self.with_context(tz=self.env.user.tz or "UTC")
        return value and fields.Datetime.context_timestamp(local, value).replace(
            tzinfo=None, second=0, microsecond=0
        )

    @api.model
    def _lam_xlsx_meta(self, data, days):
        """The first lines of a workbook's sheet: the period printed (the one
        chosen in the report filter, or the span of the records' ``days``) and
        who printed it, when."""
        date_from, date_to = self._lam_printed_period(data, days)
        lines = []
        if date_from:
            lines.append(
                self.env._(
                    "Period: %(date_from)s to %(date_to)s",
                    date_from=date_from,
                    date_to=date_to,
                )
            )
        lines.append(
            self.env._(
                "Printed on %(date)s by %(user)s",
                date=fields.Date.context_today(self),
                user=self.env.user.name,
            )
        )
        return lines

    @api.model
    def _lam_xlsx_report(self, workbook):
        """The workbook's layout, with the company's name on every sheet."""
        return XlsxReport(workbook, company_name=self.env.company.name)

    @api.model
    def _lam_report_records(self, model, docids, data=None):
        """Return the records of ``model`` to print: ``docids``, or the ids the
        report action carried in its context (a report called from the filter
        wizard). Only the addon's users print them, and only records they may
        read."""
        ids = (
            docids
            or ((data or {}).get("context") or {}).get("active_ids")
            or self.env.context.get("active_ids")
        )
        if not self.env.su and not self.env.user._lam_is_addon_user():
            raise AccessError(
                self.env._(
                    "The account management reports are for account management only."
                )
            )
        ids = [ids] if isinstance(ids, int) else ids
        if not isinstance(ids, list | tuple) or not all(
            isinstance(id_, int) for id_ in ids
        ):
            raise UserError(
                self.env._("These are not records to print: %(ids)r.", ids=ids)
            )
        records = self.env[model].browse(
            ids or []
        )  # in this report's env: its user's rights
        if not records:
            raise UserError(self.env._("Choose what to print."))
        records.check_access("read")
        return records

    @api.model
    def _lam_report_partners(self, docids, data=None):
        """The customers to print (see _lam_report_records): lubricant customers
        only."""
        partners = self._lam_report_records("res.partner", docids, data)
        # one query however many: reading the kind of each would fetch every
        # customer's row, a thousand at a time
        strangers = partners.with_context(active_test=False).search(
            [("id", "in", partners.ids), ("lam_customer_kind", "=", False)]
        )
        if strangers:
            raise UserError(
                self.env._(
                    "%(partners)s: not a lubricant customer, so it has no archive to "
                    "print.",
                    partners=", ".join(strangers.mapped("display_name")),
                )
            )
        return partners

    @api.model
    def _lam_printed_period(self, data, days):
        """The period a report of records says it covers: the one chosen in the
        report filter, or the span of the records' ``days`` printed from a record."""
        if data and (data.get("date_from") or data.get("date_to")):
            return self._lam_report_period(data)
        days = [day for day in days if day]
        return (min(days), max(days)) if days else (False, False)

    @api.model
    def _lam_report_period(self, data=None):
        """Return the (date_from, date_to) asked for in ``data``, by default the last
        twelve months."""
        default = trailing_months(
            fields.Date.context_today(self), DEFAULT_REPORT_MONTHS
        )
        try:
            return parse_period(data, default)
        except PeriodError as error:
            problem, *values = error.args
            if problem == "order":
                message = self.env._(
                    "The period starts (%(start)s) after it ends (%(end)s).",
                    start=values[0],
                    end=values[1],
                )
            elif problem == "range":
                message = self.env._(
                    "%(date)s is out of range: a period lies between %(min)s and "
                    "%(max)s.",
                    date=values[0],
                    min=DATE_MIN,
                    max=DATE_MAX,
                )
            else:
                message = self.env._("%(value)r is not a date.", value=values[0])
            raise UserError(message) from None
