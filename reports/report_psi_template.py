# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..tools.periods import month_bounds
from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import XlsxReport


class ReportPsiTemplate(models.AbstractModel):
    """The XLSX a dealer fills in for a month of stock (PSI): one row per
    product he reported last month or bought from us this month, prefilled
    with last month's closing stock as opening and our sales as purchases,
    so that the file balances until he enters his sales and stock."""

    _name = "report.lubricant_account_manager.report_psi_template"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "Dealer PSI Template, XLSX"

    def _get_objs_for_report(self, docids, data):
        dealers = self._lam_report_partners(docids, data)
        if dealers.filtered(lambda dealer: dealer.lam_customer_kind != "dealer"):
            raise UserError(_("Stock reports are a dealer's."))
        return dealers

    def generate_xlsx_report(self, workbook, data, dealers):
        report = XlsxReport(workbook)
        asked = (data or {}).get("month")
        month = (
            self._lam_report_period({"date_from": asked, "date_to": asked})[0]
            if asked
            else (fields.Date.context_today(self) + relativedelta(months=-1, day=1))
        )
        first, last = month_bounds(month)
        for dealer in dealers:
            rows = self._lam_rows(dealer, first, last)
            report.add_table_sheet(
                dealer.name,
                _(
                    "PSI of %(dealer)s, %(month)s",
                    dealer=dealer.name,
                    month=first.strftime("%Y-%m"),
                ),
                [
                    _(
                        "Volumes in %(unit)s. Fill in the sales and the closing stock "
                        "of each product: opening + purchases "
                        "- sales = closing.",
                        unit=self.env.company._lam_reference_uom().name,
                    ),
                    _(
                        "Opening stock: last month's closing; purchases: our "
                        "deliveries to you this month."
                    ),
                ],
                [
                    Col(_("Product Code"), 14),
                    Col(_("Product"), 30),
                    Col(_("Opening Stock"), 14, "float"),
                    Col(_("Bought In"), 14, "float"),
                    Col(_("Sales"), 14, "float"),
                    Col(_("Closing Stock"), 14, "float"),
                ],
                rows,
            )

    def _lam_rows(self, dealer, first, last):
        previous = self.env["lam.dealer.psi"].search(
            [
                ("partner_id", "=", dealer.id),
                ("month", "=", first - relativedelta(months=1)),
            ]
        )
        closing = {line.product_id: line.closing for line in previous.line_ids}
        sold = self.env["lam.purchase.analysis"]._lam_purchases(
            first, last, partners=dealer, groupby=("partner", "product")
        )["rows"]
        ours = {
            self.env["product.product"].browse(row["product_id"]): row["qty"]
            for row in sold
        }
        products = sorted(
            set(closing) | set(ours),
            key=lambda product: (product.default_code or "", product.name),
        )
        return [
            [
                product.default_code or "",
                product.name,
                round(closing.get(product, 0.0), 3),
                round(ours.get(product, 0.0), 3),
                0.0,
                round(closing.get(product, 0.0) + ours.get(product, 0.0), 3),
            ]
            for product in products
        ]
