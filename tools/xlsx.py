# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one XLSX writer of the addon's reports (P1-P10).

A report builder describes each sheet as a title, a few header lines and a
table (columns and rows); this class owns the formats, the header block,
column widths, Chinese fonts and sheet-name rules.
"""

import datetime
import io
import re

import xlsxwriter

SHEET_NAME_MAX = 31
FONT = "Microsoft YaHei"


class XlsxColumn:
    """One column of a table: its header, width and kind (text, int, float, date, percent)."""

    __slots__ = ("header", "width", "kind")

    def __init__(self, header, width=14, kind="text"):
        self.header = header
        self.width = width
        self.kind = kind


class XlsxReport:
    def __init__(self):
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self._buffer, {"in_memory": True, "remove_timezone": True})
        self._sheet_names = set()
        base = {"font_name": FONT, "font_size": 10, "valign": "top"}
        add = self.workbook.add_format
        self.formats = {
            "title": add({**base, "bold": True, "font_size": 14}),
            "meta": add({**base, "italic": True, "font_color": "#555555"}),
            "header": add({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}),
            "text": add({**base, "border": 1, "text_wrap": True}),
            "int": add({**base, "border": 1, "num_format": "#,##0"}),
            "float": add({**base, "border": 1, "num_format": "#,##0.00"}),
            "percent": add({**base, "border": 1, "num_format": "0.0%"}),
            "date": add({**base, "border": 1, "num_format": "yyyy-mm-dd"}),
        }

    def _sheet_name(self, name):
        clean = re.sub(r"[\[\]:*?/\\]", " ", name)[:SHEET_NAME_MAX] or "Sheet"
        candidate, index = clean, 2
        while candidate.lower() in self._sheet_names:
            suffix = f" ({index})"
            candidate = clean[: SHEET_NAME_MAX - len(suffix)] + suffix
            index += 1
        self._sheet_names.add(candidate.lower())
        return candidate

    def add_table_sheet(self, name, title, meta_lines, columns, rows):
        """Write a sheet: title, meta lines, then a table with one row per item of ``rows``."""
        sheet = self.workbook.add_worksheet(self._sheet_name(name))
        sheet.write(0, 0, title, self.formats["title"])
        row = 1
        for line in meta_lines:
            sheet.write(row, 0, line, self.formats["meta"])
            row += 1
        row += 1
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write(row, col, column.header, self.formats["header"])
        sheet.freeze_panes(row + 1, 0)
        for values in rows:
            row += 1
            for col, (column, value) in enumerate(zip(columns, values)):
                self._write_cell(sheet, row, col, column.kind, value)
        return sheet

    def _write_cell(self, sheet, row, col, kind, value):
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None, self.formats["text"])
        elif kind == "date" and isinstance(value, (datetime.date, datetime.datetime)):
            sheet.write_datetime(row, col, value, self.formats["date"])
        elif kind in ("int", "float", "percent"):
            sheet.write_number(row, col, value, self.formats[kind])
        else:
            sheet.write_string(row, col, str(value), self.formats["text"])

    def close(self):
        """Finish the workbook and return its bytes."""
        self.workbook.close()
        return self._buffer.getvalue()


def selection_label(record, fname):
    """Return the translated label of a selection field's value on ``record``."""
    selection = dict(record._fields[fname]._description_selection(record.env))
    return selection.get(record[fname], "")
