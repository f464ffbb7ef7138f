# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import base64
import binascii
import datetime
import io
import re
from urllib.parse import quote

import xlsxwriter
from openpyxl.utils.datetime import from_excel

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.xlsx import FONT, read_workbook

# Columns: first day, last day, name, kind (放假 / 上班).
COLUMNS = 4
# a year holds some twenty rows: a bigger file is refused, not read
FILE_MAX_BYTES = 1024 * 1024
ROWS_MAX = 400
# lines read, blank ones included: a sheet of empty lines is refused too
LINES_MAX = 4000
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# What a user may write in the kind column (Chinese or English).
KIND_WORDS = {
    "放假": "holiday",
    "假日": "holiday",
    "holiday": "holiday",
    "上班": "workday",
    "调休上班": "workday",
    "补班": "workday",
    "workday": "workday",
}


class LamHolidayImportWizard(models.TransientModel):
    """Load a year's public holidays and make-up working days (调休) into a
    working calendar from an XLSX file: one row per holiday or make-up day,
    every row checked before anything is written."""

    _name = "lam.holiday.import.wizard"
    _description = "Import Public Holidays"

    calendar_id = fields.Many2one(
        "resource.calendar", string="Working Hours", required=True
    )
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()

    @api.constrains("file")
    def _check_file(self):
        """A file bigger than a year's holidays can be is refused when it is
        given, not kept until the import."""
        for wizard in self:
            if wizard.file and len(wizard.file) * 3 // 4 > FILE_MAX_BYTES:
                raise ValidationError(
                    _(
                        "%(file)s is larger than 1 MB: a year's holidays hold some "
                        "twenty rows.",
                        file=wizard.filename or _("The file"),
                    )
                )

    def action_download_template(self):
        """The template: its header and the two kinds of rows, as examples."""
        self.ensure_one()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(_("Holidays"))
        header = workbook.add_format({"bold": True, "font_name": FONT})
        cell = workbook.add_format({"font_name": FONT})
        date = workbook.add_format({"font_name": FONT, "num_format": "yyyy-mm-dd"})
        for column, title in enumerate(
            (_("First Day"), _("Last Day"), _("Name"), _("Kind (放假 / 上班)"))
        ):
            sheet.write(0, column, title, header)
            sheet.set_column(column, column, 18)
        examples = (
            (datetime.date(2026, 10, 1), datetime.date(2026, 10, 7), "国庆节", "放假"),
            (
                datetime.date(2026, 10, 10),
                datetime.date(2026, 10, 10),
                "国庆节调休",
                "上班",
            ),
        )
        for row, (first, last, name, kind) in enumerate(examples, start=1):
            sheet.write_datetime(
                row, 0, datetime.datetime.combine(first, datetime.time()), date
            )
            sheet.write_datetime(
                row, 1, datetime.datetime.combine(last, datetime.time()), date
            )
            sheet.write(row, 2, name, cell)
            sheet.write(row, 3, kind, cell)
        workbook.close()
        self.write(
            {
                "file": base64.b64encode(buffer.getvalue()),
                "filename": _(
                    "holidays-%(calendar)s.xlsx", calendar=self.calendar_id.name
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/"
            f"{quote(self.filename, safe='')}?download=true",
            "target": "self",
        }

    def action_import(self):
        self.ensure_one()
        rows = self._lam_read_rows()
        holidays, workdays = self.calendar_id._lam_add_days(rows)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": _("Holidays imported"),
                "message": _(
                    "%(holidays)s public holidays and %(workdays)s make-up working "
                    "days added to %(calendar)s.",
                    holidays=holidays,
                    workdays=workdays,
                    calendar=self.calendar_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _lam_read_rows(self):
        """The rows of the first sheet after its header, as (first day, last
        day, name, kind); blank rows skipped, a bad cell named by its row."""
        try:
            content = base64.b64decode(self.file or b"")
        except (binascii.Error, ValueError):
            content = None
        if not content:
            raise UserError(
                _(
                    "%(file)s is empty: download the template, fill it in and save "
                    "it before importing.",
                    file=self.filename or _("The file"),
                )
            )
        rows = read_workbook(
            self.env,
            content,
            self.filename,
            lambda sheets: self._lam_sheet_rows(sheets[0]),
        )
        if not rows:
            raise UserError(_("The file holds no holiday row."))
        return rows

    def _lam_sheet_rows(self, sheet):
        """The checked rows of the sheet after its header; blank lines skipped
        but counted, a day given twice or both off and worked refused."""
        rows, days_off, days_on = [], {}, {}
        cells_by_row = sheet.iter_rows(min_row=2, values_only=True)
        for number, cells in enumerate(cells_by_row, start=2):
            if number > LINES_MAX:
                raise UserError(
                    _("The file holds more than %(rows)s lines.", rows=LINES_MAX)
                )
            cells = (list(cells) + [None] * COLUMNS)[:COLUMNS]
            if all(cell in (None, "") for cell in cells):
                continue
            if len(rows) >= ROWS_MAX:
                raise UserError(
                    _("The file holds more than %(rows)s rows.", rows=ROWS_MAX)
                )
            row = self._lam_row(number, cells)
            self._lam_check_overlap(number, row, days_off, days_on)
            rows.append(row)
        return rows

    def _lam_check_overlap(self, number, row, days_off, days_on):
        """Refuse a day the file already gives, off or worked."""
        first, last, _name, kind = row
        day = first
        while day <= last:
            earlier = days_off.get(day) or days_on.get(day)
            if earlier:
                raise UserError(
                    _(
                        "Row %(row)s: %(day)s is given already in row %(earlier)s.",
                        row=number,
                        day=day,
                        earlier=earlier,
                    )
                )
            (days_off if kind == "holiday" else days_on)[day] = number
            day += datetime.timedelta(days=1)

    def _lam_row(self, number, cells):
        first, last, name, kind = cells
        first = self._lam_date(number, first)
        last = self._lam_date(number, last) if last not in (None, "") else first
        kind_key = KIND_WORDS.get(str(kind or "").strip().lower())
        if not kind_key:
            raise UserError(
                _(
                    "Row %(row)s: the kind is %(kind)s; write 放假 for a public "
                    "holiday or 上班 for a make-up working day.",
                    row=number,
                    kind=kind or _("empty"),
                )
            )
        row = (first, last, str(name or "").strip(), kind_key)
        self.env["resource.calendar"]._lam_check_day_row(number, *row)
        return row

    @staticmethod
    def _lam_serial_date(value):
        """The date of an Excel serial day number, or None."""
        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, TypeError):
            return None

    def _lam_date(self, number, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            # a date cell without a date format: Excel's serial day number
            day = self._lam_serial_date(value)
            if day:
                return day
        text = str(value).strip() if value is not None else ""
        try:
            if not ISO_DATE.fullmatch(text):
                raise ValueError(text)
            return fields.Date.to_date(text)
        except ValueError:
            raise UserError(
                _(
                    "Row %(row)s: %(value)s is not a date (write it as 2027-10-01).",
                    row=number,
                    value=value if value not in (None, "") else _("empty"),
                )
            ) from None
