# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import base64
import binascii
import math

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.lam_dealer_psi import TOLERANCE
from ..tools.periods import month_bounds
from ..tools.xlsx import merged_ranges, range_rows, read_workbook

# Columns of the template: product code, product, opening, purchases, sales, closing.
COLUMNS = 6
QTY_MAX = 1e12
# a dealer's month fits well within this: a bigger file is refused, not read
FILE_MAX_BYTES = 5 * 1024 * 1024
# lines read per product row allowed, blank ones included: a sheet of empty
# lines is refused too
LINES_PER_ROW = 5
# the rows named in a refusal; the others are counted
ERRORS_SHOWN = 20


class LamPsiImportWizard(models.TransientModel):
    """Import a dealer's month of stock (PSI) from the XLSX template: every
    row is checked first, and one bad row imports nothing, each bad row named."""

    _name = "lam.psi.import.wizard"
    _description = "Import a Dealer PSI Month"
    _inherit = ["lam.validated.mixin"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(months=-1, day=1),
        help="Any day of the month reported.",
    )
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char(string="File Name")

    def action_download_template(self):
        self.ensure_one()
        self.partner_id.check_access("read")
        month = month_bounds(self.month)[0]
        return self.env.ref(
            "lubricant_account_manager.action_report_psi_template"
        ).report_action(
            self.partner_id,
            data={
                "month": fields.Date.to_string(month),
                "lam_filename": _(
                    "PSI %(dealer)s %(month)s.xlsx",
                    dealer=self.partner_id.name,
                    month=month.strftime("%Y-%m"),
                ),
            },
        )

    def action_import(self):
        self.ensure_one()
        dealer = self.partner_id
        dealer.check_access("write")
        if dealer.lam_customer_kind != "dealer":
            raise UserError(_("%(partner)s is not a dealer.", partner=dealer.name))
        if not self.file and self.filename:
            raise UserError(
                _(
                    "%(file)s is empty: download the template, fill it in and save "
                    "it before importing.",
                    file=self.filename,
                )
            )
        if not self.file:
            raise UserError(_("Choose the XLSX file to import."))
        month = month_bounds(self.month)[0]
        rows = self._lam_read_rows()
        products = self._lam_products()
        lines, errors = self._lam_parse_rows(rows, products)
        PSI = self.env["lam.dealer.psi"]
        existing = PSI.search([("partner_id", "=", dealer.id), ("month", "=", month)])
        probe = existing or PSI.new({"partner_id": dealer.id, "month": month})
        # the products of bad rows are named already: no second message about them
        failed = self._lam_failed_products(rows, lines, products)
        missing, missing_errors = self._lam_missing_products(
            dealer, month, lines, failed
        )
        errors += missing_errors
        errors += probe._lam_continuity_errors(
            {
                product: (line["opening"], line["closing"])
                for product, line in lines.items()
            },
            skip=failed | missing,
        )
        if errors:
            raise UserError(self._lam_errors_message(errors))
        commands = [(5, 0, 0)] + [
            (0, 0, {"product_id": product.id, **values})
            for product, values in lines.items()
        ]
        values = {"line_ids": commands, "submitted_on": fields.Date.context_today(self)}
        if existing:
            existing.write(values)
            psi = existing
        else:
            psi = PSI.create({"partner_id": dealer.id, "month": month, **values})
        psi.message_post(
            body=_(
                "Imported from %(file)s: %(count)s products.",
                file=self.filename or "XLSX",
                count=len(lines),
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "lam.dealer.psi",
            "res_id": psi.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _lam_errors_message(self, errors):
        """The refusal of a file: its first bad rows named, the others counted."""
        refusal = _(
            "Nothing was imported: correct these rows and import the file again."
        )
        message = "\n".join([refusal, *errors[:ERRORS_SHOWN]])
        if len(errors) > ERRORS_SHOWN:
            message += "\n" + _(
                "… and %(count)s more rows.", count=len(errors) - ERRORS_SHOWN
            )
        return message

    def _lam_read_rows(self):
        """The data rows of the first sheet as (row number, [6 cells]): every
        row after the header row (the first with six cells filled) that is not
        blank; a blank row anywhere is skipped, never the end of the table."""
        try:
            content = base64.b64decode(self.file)
        except (binascii.Error, ValueError):
            content = None
        if content and len(content) > FILE_MAX_BYTES:
            raise UserError(
                _(
                    "%(file)s is larger than %(size)s MB: a month's stock report "
                    "holds one row per product.",
                    file=self.filename or _("The file"),
                    size=FILE_MAX_BYTES // (1024 * 1024),
                )
            )
        if content is not None and not content:
            raise UserError(
                _(
                    "%(file)s is empty: download the template, fill it in and save it "
                    "before importing.",
                    file=self.filename or _("The file"),
                )
            )
        # the sheet of the table: the first with the template's header (an
        # instruction sheet placed before it is skipped)
        rows, header_seen = read_workbook(
            self.env, content, self.filename, self._lam_table_rows
        )
        if not header_seen:
            raise UserError(
                _("No table found in this file: download the template and fill it in.")
            )
        if not rows:
            raise UserError(_("The file holds no product row."))
        return rows

    def _lam_table_rows(self, sheets):
        """(data rows, whether a header was found) of the first sheet with the
        template's header."""
        rows_max = self.env.company.lam_psi_import_max_rows
        rows, header_seen = [], False
        for sheet in sheets:
            header = None
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > LINES_PER_ROW * rows_max:
                    raise UserError(
                        _(
                            "The file holds more than %(lines)s lines: a month's "
                            "stock report holds one row per product.",
                            lines=LINES_PER_ROW * rows_max,
                        )
                    )
                cells = (list(cells) + [None] * COLUMNS)[:COLUMNS]
                if not header_seen:
                    header_seen = all(cell not in (None, "") for cell in cells)
                    header = number
                    continue
                if all(
                    cell is None or (isinstance(cell, str) and not cell.strip())
                    for cell in cells
                ):
                    continue
                rows.append((number, cells))
                if len(rows) > rows_max:
                    raise UserError(
                        _(
                            "The file holds more than %(rows)s product rows: a "
                            "month's stock report holds one row per product "
                            "(Settings › Account Management).",
                            rows=rows_max,
                        )
                    )
            if header_seen:
                self._lam_check_merged(sheet, header)
                break
        return rows, header_seen

    @api.model
    def _lam_check_merged(self, sheet, header):
        """Refuse a table with merged cells: a merged cell holds one value for
        several, and the others read as empty."""
        merged = [ref for ref in merged_ranges(sheet) if range_rows(ref)[1] >= header]
        if merged:
            raise UserError(
                _(
                    "Cells %(cells)s of sheet %(sheet)s are merged: give each cell "
                    "its own value (unmerge them) and import the file again.",
                    cells=", ".join(merged[:5]),
                    sheet=sheet.title,
                )
            )

    def _lam_missing_products(self, dealer, month, lines, failed):
        """(products, [errors]): the products the dealer still held at the end
        of the previous month that the file leaves out."""
        # as the system: the previous month's report, whoever filed it
        previous = (
            self.env["lam.dealer.psi"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", dealer.id),
                    ("month", "=", month - relativedelta(months=1)),
                ],
                limit=1,
            )
        )
        held = previous.line_ids.filtered(lambda line: abs(line.closing) > TOLERANCE)
        missing = held.product_id.with_env(self.env) - failed
        missing -= self.env["product.product"].union(*lines)
        errors = [
            self.env._(
                "%(product)s is missing from the file: %(month)s closed with "
                "%(closing)s of it; add its row (its opening stock is that closing).",
                product=line.product_id.display_name,
                month=previous.month.strftime("%Y-%m"),
                closing=line.closing,
            )
            for line in held
            if line.product_id in missing
        ]
        return missing, errors

    def _lam_failed_products(self, rows, lines, products):
        """The products found on rows that were not imported."""
        found = self.env["product.product"].union(
            *(
                self._lam_find_product(products, code, name)
                for _number, (code, name, *_quantities) in rows
            )
        )
        return found - self.env["product.product"].union(*lines)

    def _lam_parse_rows(self, rows, products):
        """({product: values}, [errors]) of the rows."""
        lines, errors = {}, []
        for number, (code, name, *quantities) in rows:
            product = self._lam_find_product(products, code, name)
            if not product:
                errors.append(
                    _(
                        "Row %(row)s: no lubricant product %(product)s.",
                        row=number,
                        product=" ".join(str(value) for value in (code, name) if value),
                    )
                )
                continue
            if product in lines:
                errors.append(
                    _(
                        "Row %(row)s: %(product)s is already on another row.",
                        row=number,
                        product=product.display_name,
                    )
                )
                continue
            values, problems = {}, []
            for key, cell in zip(
                ("opening", "purchases", "sales", "closing"), quantities, strict=False
            ):
                number_value, problem = self._lam_quantity(cell)
                values[key] = number_value
                if problem:
                    problems.append(problem)
            if problems:
                errors.append(
                    _(
                        "Row %(row)s (%(product)s): %(problems)s",
                        row=number,
                        product=product.display_name,
                        problems="; ".join(problems),
                    )
                )
                continue
            expected = values["opening"] + values["purchases"] - values["sales"]
            if abs(expected - values["closing"]) > TOLERANCE:
                errors.append(
                    _(
                        "Row %(row)s (%(product)s): opening + purchases - sales = "
                        "%(expected)s, not the "
                        "closing stock %(closing)s.",
                        row=number,
                        product=product.display_name,
                        expected=round(expected, 3),
                        closing=values["closing"],
                    )
                )
                continue
            lines[product] = values
        return lines, errors

    def _lam_products(self):
        """({code: product}, {name: product}) of the lubricant products, read
        once for the whole file: a name matches whatever its case."""
        by_code, by_name = {}, {}
        products = self.env["product.product"].search(
            [("lam_is_lubricant", "=", True)], order="id"
        )
        for product in products:
            if product.default_code:
                by_code.setdefault(product.default_code.strip(), product)
            by_name.setdefault(product.name.strip().casefold(), product)
        return by_code, by_name

    def _lam_find_product(self, products, code, name):
        by_code, by_name = products
        product = by_code.get(str(code).strip()) if code not in (None, "") else None
        if not product and name not in (None, ""):
            product = by_name.get(str(name).strip().casefold())
        return product or self.env["product.product"]

    def _lam_quantity(self, cell):
        """(value, problem): a quantity of the file, 0 when empty."""
        if cell in (None, ""):
            return 0.0, None
        try:
            value = (
                float(str(cell).replace(",", "").strip())
                if isinstance(cell, str)
                else float(cell)
            )
        except (TypeError, ValueError):
            return 0.0, _("%(value)r is not a number", value=cell)
        if not math.isfinite(value) or abs(value) >= QTY_MAX:
            return 0.0, _("%(value)s cannot be a quantity", value=cell)
        if value < 0:
            return 0.0, _("%(value)s is negative", value=cell)
        return value, None

    @api.constrains("month")
    def _check_month(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.month > today:
                raise ValidationError(_("A month is reported once it has begun."))
