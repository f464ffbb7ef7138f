# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The one XLSX layout of the addon's reports (P1-P10).

OCA's ``report_xlsx`` creates the workbook and serves it; a report class
describes each sheet as a title, a few header lines and a table (columns and
rows), and ``XlsxReport`` owns the formats, the header block, column widths,
Chinese fonts, sheet-name rules, autofilter, totals and print setup.
"""

import datetime
import io
import re
import zipfile
import zlib

SHEET_NAME_MAX = 31
FONT = "Microsoft YaHei"
PAPER_A4 = 9
# Wider tables than this (in character widths) print in landscape.
PORTRAIT_MAX_WIDTH = 100
# what an A4 landscape page holds at 100 %, in column width units (277 mm
# between the margins, about 1.95 mm a unit as LibreOffice prints them: a
# sheet 180 units wide fitted to the page printed its 10 pt at 7.9 pt)
LANDSCAPE_WIDTH = 142
# a sheet is shrunk to the page's width only while its 10 pt text stays 8 pt
MIN_PRINT_SCALE = 80
# a row of wrapped text: points per line (10 pt font), and at most so many lines
ROW_HEIGHT = 13.5
MAX_ROW_LINES = 30


class XlsxColumn:
    """One column of a table: its header, width, kind (text, int, float,
    volume (one decimal), date, datetime, month, time, percent) and whether
    it adds up into a totals row. A month is a date or ``"YYYY-MM"``, a time
    a ``time`` or ``"HH:MM"``: both are written as dates a spreadsheet sorts
    and filters."""

    __slots__ = ("header", "width", "kind", "total")

    def __init__(self, header, width=14, kind="text", total=False):
        self.header = header
        self.width = width
        self.kind = kind
        self.total = total


def _as_date_or_time(kind, value):
    """A month's ``"YYYY-MM"`` as its first day, a time's ``"HH:MM"`` as a
    ``time``; anything else unchanged."""
    if not isinstance(value, str):
        return value
    try:
        if kind == "month":
            return datetime.datetime.strptime(value, "%Y-%m").date()
        return datetime.datetime.strptime(value, "%H:%M").time()
    except ValueError:
        return value


class XlsxReport:
    def __init__(self, workbook, company_name=None):
        """``company_name``: written at the right of every sheet's title row."""
        self.workbook = workbook
        self.company_name = company_name
        self._sheet_names = set()
        base = {"font_name": FONT, "font_size": 10, "valign": "top"}
        add = workbook.add_format
        self.formats = {
            "title": add({**base, "bold": True, "font_size": 14}),
            "company": add({**base, "bold": True, "align": "right"}),
            "meta": add({**base, "italic": True, "font_color": "#555555"}),
            "header": add(
                {
                    **base,
                    "bold": True,
                    "bg_color": "#D9E1F2",
                    "border": 1,
                    "text_wrap": True,
                }
            ),
            "text": add({**base, "border": 1, "text_wrap": True}),
            "int": add({**base, "border": 1, "num_format": "#,##0"}),
            "float": add({**base, "border": 1, "num_format": "#,##0.00"}),
            # a volume reads as in the PDF: one decimal
            "volume": add({**base, "border": 1, "num_format": "#,##0.0"}),
            "percent": add({**base, "border": 1, "num_format": "0.0%"}),
            "date": add({**base, "border": 1, "num_format": "yyyy-mm-dd"}),
            "datetime": add({**base, "border": 1, "num_format": "yyyy-mm-dd hh:mm"}),
            "month": add({**base, "border": 1, "num_format": "yyyy-mm"}),
            "time": add({**base, "border": 1, "num_format": "hh:mm"}),
            "total_label": add({**base, "bold": True, "border": 1, "top": 2}),
            "total_int": add(
                {**base, "bold": True, "border": 1, "top": 2, "num_format": "#,##0"}
            ),
            "total_float": add(
                {**base, "bold": True, "border": 1, "top": 2, "num_format": "#,##0.00"}
            ),
            "total_volume": add(
                {**base, "bold": True, "border": 1, "top": 2, "num_format": "#,##0.0"}
            ),
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

    def add_table_sheet(self, name, title, meta_lines, columns, rows, total_label=None):
        """Write a sheet: title, meta lines, then a table with one row per item
        of ``rows``, an autofilter, and a totals row (labelled ``total_label``)
        under the columns marked ``total`` when there are any."""
        sheet = self.workbook.add_worksheet(self._sheet_name(name))
        sheet.write(0, 0, title, self.formats["title"])
        if self.company_name and len(columns) > 1:
            sheet.write(0, len(columns) - 1, self.company_name, self.formats["company"])
        row = 1
        for line in meta_lines:
            sheet.write(row, 0, line, self.formats["meta"])
            row += 1
        header_row = row + 1
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write(header_row, col, column.header, self.formats["header"])
        sheet.freeze_panes(header_row + 1, 0)
        row = header_row
        for values in rows:
            row += 1
            for col, (column, value) in enumerate(zip(columns, values, strict=False)):
                self._write_cell(sheet, row, col, column.kind, value)
            lines = max(
                (
                    _text_lines(value, column.width)
                    for column, value in zip(columns, values, strict=False)
                    if column.kind == "text" and isinstance(value, str)
                ),
                default=1,
            )
            if lines > 1:
                # LibreOffice and WPS do not grow a row to its wrapped text
                sheet.set_row(row, ROW_HEIGHT * lines)
        sheet.autofilter(header_row, 0, max(row, header_row), len(columns) - 1)
        if rows and any(column.total for column in columns):
            self._write_totals(sheet, header_row + 1, row, columns, rows, total_label)
        self._print_setup(sheet, header_row, columns)
        return sheet

    def add_form_sheet(
        self, name, title, meta_lines, sections, widths=(22, 30, 22, 30)
    ):
        """Write a sheet laid out as a paper form: title, meta lines, then
        ``sections``, each ``(caption, lines)``. A line is a tuple:

        - ``("pairs", [(label, value, kind), ...])``: label/value pairs, two to
          a row;
        - ``("text", label, value)``: a label and a long text across the row;
        - ``("note", text)``: a text across the row (a section with nothing);
        - ``("table", headers, rows, kinds)``: a small table.

        Portrait, fitted to the page's width (the columns are made to fit)."""
        sheet = self.workbook.add_worksheet(self._sheet_name(name))
        last = len(widths) - 1
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.write(0, 0, title, self.formats["title"])
        if self.company_name:
            sheet.write(0, last, self.company_name, self.formats["company"])
        row = 1
        for line in meta_lines:
            sheet.write(row, 0, line, self.formats["meta"])
            row += 1
        for caption, lines in sections:
            row += 1
            if caption:
                sheet.merge_range(row, 0, row, last, caption, self.formats["header"])
                row += 1
            for line in lines:
                row = self._write_form_line(sheet, row, line, widths)
        sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        _page_setup(sheet)
        return sheet

    def _write_form_line(self, sheet, row, line, widths):
        """Write one line of a form from ``row``; return the next free row."""
        last = len(widths) - 1
        if line[0] == "pairs":
            pairs = line[1]
            for index in range(0, len(pairs), 2):
                for offset, (label, value, kind) in enumerate(pairs[index : index + 2]):
                    sheet.write(row, 2 * offset, label, self.formats["header"])
                    self._write_cell(sheet, row, 2 * offset + 1, kind, value)
                row += 1
            return row
        if line[0] == "note":
            sheet.merge_range(row, 0, row, last, line[1], self.formats["text"])
            return row + 1
        if line[0] == "text":
            _kind, label, value = line
            sheet.write(row, 0, label, self.formats["header"])
            sheet.merge_range(row, 1, row, last, value or "", self.formats["text"])
            lines = _text_lines(value or "", sum(widths[1:]))
            if lines > 1:
                sheet.set_row(row, ROW_HEIGHT * lines)
            return row + 1
        _kind, headers, rows, kinds = line
        for col, header in enumerate(headers):
            sheet.write(row, col, header, self.formats["header"])
        for values in rows:
            row += 1
            for col, (kind, value) in enumerate(zip(kinds, values, strict=False)):
                self._write_cell(sheet, row, col, kind, value)
            lines = max(
                (
                    _text_lines(value, width)
                    for kind, value, width in zip(kinds, values, widths, strict=False)
                    if kind == "text" and isinstance(value, str)
                ),
                default=1,
            )
            if lines > 1:
                sheet.set_row(row, ROW_HEIGHT * lines)
        return row + 1

    def _write_cell(self, sheet, row, col, kind, value):
        if kind in ("month", "time"):
            value = _as_date_or_time(kind, value)
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None, self.formats["text"])
        elif kind in ("date", "datetime", "month", "time") and isinstance(
            value, datetime.date | datetime.datetime | datetime.time
        ):
            sheet.write_datetime(row, col, value, self.formats[kind])
        elif kind in ("int", "float", "volume", "percent"):
            # a count in a column of figures (a plan's visits beside its
            # volume) keeps no decimals
            if (
                kind == "float"
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                kind = "int"
            sheet.write_number(row, col, value, self.formats[kind])
        else:
            sheet.write_string(row, col, str(value), self.formats["text"])

    def _write_totals(self, sheet, first, last, columns, rows, label):
        """A SUBTOTAL formula (it follows the autofilter) with its value computed
        here."""
        total_row = last + 1
        for col, column in enumerate(columns):
            if column.total:
                letter = _column_letter(col)
                fmt = self.formats[
                    {"int": "total_int", "volume": "total_volume"}.get(
                        column.kind, "total_float"
                    )
                ]
                value = sum(
                    values[col]
                    for values in rows
                    if isinstance(values[col], int | float)
                )
                sheet.write_formula(
                    total_row,
                    col,
                    f"=SUBTOTAL(9,{letter}{first + 1}:{letter}{last + 1})",
                    fmt,
                    value,
                )
            elif col == 0:
                sheet.write(total_row, col, label or "", self.formats["total_label"])
            else:
                sheet.write_blank(total_row, col, None, self.formats["total_label"])

    def _print_setup(self, sheet, header_row, columns):
        """A4, portrait when the columns fit, landscape otherwise; shrunk to
        the page's width while the text stays readable (8 pt), else printed
        at that size over several pages across, the header row and the first
        column repeated."""
        width = sum(column.width for column in columns)
        if width > PORTRAIT_MAX_WIDTH:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.repeat_rows(header_row)
        if 100 * LANDSCAPE_WIDTH >= MIN_PRINT_SCALE * width:
            sheet.fit_to_pages(1, 0)
        else:
            sheet.set_print_scale(MIN_PRINT_SCALE)
            sheet.repeat_columns(0)
        _page_setup(sheet)


def _page_setup(sheet):
    """What every printed sheet shares: A4, margins, page x / y."""
    sheet.set_paper(PAPER_A4)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&C&P / &N")


def _text_lines(text, width):
    """The lines ``text`` takes in a column ``width`` characters wide (a
    Chinese character is two), capped at MAX_ROW_LINES."""
    lines = 0
    for line in text.split("\n"):
        size = sum(2 if ord(char) > 0x2E7F else 1 for char in line)
        lines += max(1, -(-size // max(int(width), 1)))
    return min(lines, MAX_ROW_LINES)


def _column_letter(col):
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def selection_label(record, fname):
    """Return the translated label of a selection field's value on ``record``."""
    selection = dict(record._fields[fname]._description_selection(record.env))
    return selection.get(record[fname], "")


# What reading a damaged workbook's rows raises (openpyxl reads lazily: a bad
# cell or sheet XML fails while iterating, not when the file is opened; the XML
# parsers' errors are SyntaxErrors, a damaged zip member a BadZipFile or a
# zlib error).
DAMAGED_WORKBOOK_ERRORS = (
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    SyntaxError,
    OverflowError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
)
# An XLSX file's parts, unpacked, at most: a month's PSI of 2,000 rows is
# about 300 KB. A file that would unpack to more (a zip bomb) is refused from
# its directory, before anything is unpacked.
UNPACKED_MAX_BYTES = 20 * 1024 * 1024
PARTS_MAX = 1000
# an XML part is searched for a DTD in chunks of this size: an XLSX never
# declares one, and its entities are how an XML bomb or an external entity
# gets in
SCAN_CHUNK = 64 * 1024
MERGE_CELL = re.compile(
    rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"'
)


def check_package(content):
    """None when the bytes of an XLSX file may be opened, else why not:
    ``("size", unpacked bytes)`` or ``("dtd", part name)``. Bytes that are not
    a zip are left to load_sheets."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            parts = package.infolist()
            unpacked = sum(part.file_size for part in parts)
            if len(parts) > PARTS_MAX or unpacked > UNPACKED_MAX_BYTES:
                return ("size", unpacked)
            for part in parts:
                if _declares_dtd(package, part):
                    return ("dtd", part.filename)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, RuntimeError):
        # RuntimeError: an encrypted member; load_sheets refuses what is no zip
        return None
    return None


def _declares_dtd(package, part):
    """Whether an XML part of the package holds a DTD (read in chunks: the
    sizes were checked, the chunks overlap so a keyword is not cut)."""
    if not part.filename.endswith((".xml", ".rels", ".vml")):
        return False
    tail = b""
    with package.open(part) as stream:
        while chunk := stream.read(SCAN_CHUNK):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            tail = window[-16:]
    return False


def merged_ranges(sheet):
    """The merged cell ranges (``"A3:F3"``) of a worksheet opened read-only
    (openpyxl does not read them in that mode), from its XML part."""
    path = getattr(sheet, "_worksheet_path", None)
    archive = getattr(getattr(sheet, "parent", None), "_archive", None)
    if not path or archive is None:
        return []
    return [ref.decode() for ref in MERGE_CELL.findall(archive.read(path))]


def range_rows(ref):
    """(first row, last row) of a cell range such as ``"A3:F4"``."""
    rows = [int(re.sub(r"[A-Z]+", "", cell)) for cell in ref.split(":")]
    return min(rows), max(rows)


def load_sheets(content):
    """The worksheets of an XLSX file's bytes (read-only, values only), or
    None when the bytes are not an XLSX workbook: the one place the imports
    open a workbook."""
    # imported here: openpyxl is only needed by the imports
    from openpyxl import load_workbook

    try:
        return load_workbook(
            io.BytesIO(content or b""), read_only=True, data_only=True
        ).worksheets
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        IndexError,
        SyntaxError,
        TypeError,
        EOFError,
        zlib.error,
    ):
        # SyntaxError: the XML parsers' errors (a damaged workbook.xml)
        return None


def read_workbook(env, content, filename, reader):
    """``reader(worksheets)`` on an XLSX file's bytes: the imports' one way of
    refusing a file that is not a workbook, one that would unpack to more than
    an import reads, or whose rows cannot be read, with a message naming the
    file."""
    # imported here: the tools load before Odoo's exceptions are needed
    from odoo.exceptions import UserError

    name = filename or env._("The file")
    problem = check_package(content)
    if problem and problem[0] == "size":
        raise UserError(
            env._(
                "%(file)s would unpack to %(size)s MB: an import reads XLSX files "
                "of at most %(limit)s MB unpacked (%(parts)s parts). Save the "
                "template again with your rows only.",
                file=name,
                size=round(problem[1] / (1024 * 1024), 1),
                limit=UNPACKED_MAX_BYTES // (1024 * 1024),
                parts=PARTS_MAX,
            )
        )
    if problem:
        raise UserError(
            env._(
                "%(file)s is not a readable XLSX file: its part %(part)s declares a "
                "DTD, which a workbook saved by Excel, WPS or LibreOffice never "
                "does. Save your rows in the template and import that.",
                file=name,
                part=problem[1],
            )
        )
    sheets = load_sheets(content)
    if sheets is None:
        raise UserError(
            env._(
                "This file is not an XLSX workbook: download the template and fill "
                "it in."
            )
        )
    try:
        return reader(sheets)
    except DAMAGED_WORKBOOK_ERRORS:
        raise UserError(
            env._(
                "%(file)s is not a readable XLSX file: a cell or the workbook is "
                "damaged. Save it again from the template.",
                file=name,
            )
        ) from None
