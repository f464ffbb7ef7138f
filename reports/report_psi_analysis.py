# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import _, api, models

from ..tools.periods import month_bounds
from ..tools.xlsx import XlsxColumn as Col


def _round(value):
    """One decimal, or blank when undefined."""
    return None if value is None else round(value, 1)


class ReportPsiAnalysisMixin(models.AbstractModel):
    """A dealer's months of stock: sell-through, stock cover, our sales
    against his reported purchases, quota completion, and the trend."""

    _name = "lam.psi.analysis.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "Dealer PSI Analysis"

    @api.model
    def _lam_analysis(self, reports):
        """[(dealer, [row per month, oldest first])]."""
        reports = reports.sorted(lambda psi: (psi.partner_id.name or "", psi.month))
        quotas = self.env["lam.dealer.quota"].search(
            [
                ("partner_id", "in", reports.partner_id.ids),
                ("month", "in", reports.mapped("month")),
            ]
        )
        targets, bought = defaultdict(float), defaultdict(float)
        for quota in quotas:
            targets[quota.partner_id.id, quota.month] += quota.target
            bought[quota.partner_id.id, quota.month] += quota.actual
        by_dealer = defaultdict(list)
        for psi in reports:
            key = (psi.partner_id.id, psi.month)
            rows = by_dealer[psi.partner_id]
            previous = rows[-1] if rows else None
            rows.append(
                {
                    "psi": psi,
                    "month": psi.month.strftime("%Y-%m"),
                    "opening": psi.total_opening,
                    "purchases": psi.total_purchases,
                    "sales": psi.total_sales,
                    "closing": psi.total_closing,
                    # undefined (nothing to sell, nothing sold): blank, not 0
                    "sell_through": psi.sell_through
                    if psi.total_opening + psi.total_purchases
                    else None,
                    "cover": psi.stock_cover if psi.total_sales else None,
                    "ours": psi.our_sales,
                    "flagged": psi.flagged_count,
                    "on_time": psi.on_time,
                    "suggestions": psi.suggestions,
                    "quota": 100.0 * bought[key] / targets[key]
                    if targets[key]
                    else None,
                    "trend": 100.0
                    * (psi.total_sales - previous["sales"])
                    / previous["sales"]
                    if previous and previous["sales"]
                    else None,
                }
            )
        return list(by_dealer.items())


class ReportPsiAnalysis(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_psi_analysis"
    _inherit = ["lam.psi.analysis.report.mixin"]
    _description = "Dealer PSI Analysis"

    @api.model
    def _get_report_values(self, docids, data=None):
        reports = self._lam_report_records("lam.dealer.psi", docids, data)
        return {
            "doc_ids": reports.ids,
            "doc_model": "lam.dealer.psi",
            "docs": reports,
            "months": (
                min(reports.mapped("month"), default=False),
                max(reports.mapped("month"), default=False),
            ),
            "by_dealer": self._lam_analysis(reports),
        }


class ReportPsiAnalysisXlsx(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_psi_analysis_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.psi.analysis.report.mixin"]
    _description = "Dealer PSI Analysis, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.dealer.psi", docids, data)

    def generate_xlsx_report(self, workbook, data, reports):
        report = self._lam_xlsx_report(workbook)
        unit = self.env.company._lam_reference_uom().name
        months = reports.mapped("month")
        meta = [
            _("Volumes in %(unit)s", unit=unit),
            *self._lam_xlsx_meta(
                data, months + [month_bounds(max(months))[1]] if months else []
            ),
        ]
        for dealer, rows in self._lam_analysis(reports):
            report.add_table_sheet(
                dealer.name,
                _("PSI Analysis of %(dealer)s", dealer=dealer.name),
                meta,
                [
                    Col(_("Month"), 10, "month"),
                    Col(_("Opening Stock"), 12, "volume"),
                    Col(_("Bought In"), 12, "volume", True),
                    Col(_("Sales"), 12, "volume", True),
                    Col(_("Closing Stock"), 12, "volume"),
                    Col(_("Sell-through (%)"), 11, "float"),
                    Col(_("Stock Cover (months)"), 11, "float"),
                    Col(_("Our Sales to the Dealer"), 12, "volume", True),
                    Col(_("Purchases Differing"), 10, "int"),
                    Col(_("Quota Completion (%)"), 11, "float"),
                    Col(_("Sales Trend (%)"), 10, "float"),
                    Col(_("Reported on Time"), 9),
                    Col(_("Opinions and Suggestions"), 50),
                ],
                [
                    [
                        row["month"],
                        row["opening"],
                        row["purchases"],
                        row["sales"],
                        row["closing"],
                        # shares with one decimal, as the PDF prints them
                        _round(row["sell_through"]),
                        _round(row["cover"]),
                        row["ours"],
                        row["flagged"],
                        _round(row["quota"]),
                        _round(row["trend"]),
                        _("Yes") if row["on_time"] else _("No"),
                        row["suggestions"] or "",
                    ]
                    for row in rows
                ],
                total_label=_("Total"),
            )
