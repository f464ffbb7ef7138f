# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models


class ReportP4(models.AbstractModel):
    """P4 Monthly Summary, as PDF."""

    _name = "report.lubricant_account_manager.report_p4_monthly_summary"
    _inherit = ["lam.plan.report.mixin"]
    _description = "P4 Monthly Summary"
    _lam_parts = ("summary",)
    _lam_period_type = "month"


class ReportP4Xlsx(models.AbstractModel):
    """P4 Monthly Summary, as a workbook."""

    _name = "report.lubricant_account_manager.report_p4_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.plan.report.mixin"]
    _description = "P4 Monthly Summary, XLSX"
    _lam_parts = ("summary",)
    _lam_period_type = "month"

    def _get_objs_for_report(self, docids, data):
        return self._lam_plans(docids, data)

    def generate_xlsx_report(self, workbook, data, plans):
        self._lam_plan_workbook(workbook, plans, _("P4 Monthly Summary"))
