# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models

from ..tools.xlsx import XlsxColumn as Col


class ReportP7Xlsx(models.AbstractModel):
    """P7 购进跟踪 as a workbook: one row per customer, month and product."""

    _name = "report.lubricant_account_manager.report_p7_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.p7.report.mixin"]
    _description = "P7 Purchase Tracking, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_partners(docids, data)

    def generate_xlsx_report(self, workbook, data, partners):
        partners, date_from, date_to, tracking = self._lam_p7_values(partners.ids, data)
        unit = self.env.company._lam_reference_uom().name
        self._lam_xlsx_report(workbook).add_table_sheet(
            _("P7 Purchase Tracking"),
            _("Purchase Tracking (P7)"),
            [
                _(
                    "Period: %(date_from)s to %(date_to)s",
                    date_from=date_from,
                    date_to=date_to,
                ),
                _("Volumes in %(unit)s", unit=unit),
            ],
            [
                Col(_("Customer"), 28),
                Col(_("Month"), 10, "month"),
                Col(_("Product"), 30),
                Col(_("Volume Bought"), 14, "volume", total=True),
                Col(_("Untaxed Amount"), 14, "float", total=True),
                Col(_("Stock on Hand"), 14, "volume"),
                Col(_("Trend (%)"), 10, "float"),
                Col(_("Trend Against"), 12, "month"),
            ],
            [
                [
                    partner.name,
                    row["month"],
                    row["product"],
                    row["qty"],
                    row["amount"],
                    row["stock"],
                    row["trend"],
                    row["trend_base"] or None,
                ]
                for partner in partners
                for row in tracking[partner.id]
            ],
            total_label=_("Total"),
        )
