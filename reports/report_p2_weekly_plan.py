# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models


class ReportP2(models.AbstractModel):
    """P2 Weekly Plan and Summary, as PDF."""

    _name = "report.lubricant_account_manager.report_p2_weekly_plan"
    _inherit = ["lam.plan.report.mixin"]
    _description = "P2 Weekly Plan and Summary"
    _lam_parts = ("plan", "summary")
    _lam_period_type = "week"


class ReportP2Xlsx(models.AbstractModel):
    """P2 Weekly Plan and Summary, as a workbook."""

    _name = "report.lubricant_account_manager.report_p2_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.plan.report.mixin"]
    _description = "P2 Weekly Plan and Summary, XLSX"
    _lam_parts = ("plan", "summary")
    _lam_period_type = "week"

    def _get_objs_for_report(self, docids, data):
        return self._lam_plans(docids, data)

    def generate_xlsx_report(self, workbook, data, plans):
        self._lam_plan_workbook(workbook, plans, _("P2 Weekly Plan and Summary"))
