# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models


class ReportP3(models.AbstractModel):
    """P3 Monthly Plan, as PDF."""

    _name = "report.lubricant_account_manager.report_p3_monthly_plan"
    _inherit = ["lam.plan.report.mixin"]
    _description = "P3 Monthly Plan"
    _lam_parts = ("plan",)
    _lam_period_type = "month"


class ReportP3Xlsx(models.AbstractModel):
    """P3 Monthly Plan, as a workbook."""

    _name = "report.lubricant_account_manager.report_p3_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.plan.report.mixin"]
    _description = "P3 Monthly Plan, XLSX"
    _lam_parts = ("plan",)
    _lam_period_type = "month"

    def _get_objs_for_report(self, docids, data):
        return self._lam_plans(docids, data)

    def generate_xlsx_report(self, workbook, data, plans):
        self._lam_plan_workbook(workbook, plans, _("P3 Monthly Plan"))
