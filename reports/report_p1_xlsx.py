# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models

from ..tools.xlsx import XlsxColumn as Col


class ReportP1Xlsx(models.AbstractModel):
    """P1 营销工作日志 as a workbook: one row per manager and day."""

    _name = "report.lubricant_account_manager.report_p1_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "P1 Marketing Work Log, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.work.log", docids, data)

    def generate_xlsx_report(self, workbook, data, logs):
        sections = self.env[
            "report.lubricant_account_manager.report_p1_work_log"
        ]._lam_sections()
        report = self._lam_xlsx_report(workbook)
        meta = self._lam_xlsx_meta(data, logs.mapped("date"))
        columns = [Col(_("Date"), 12, "date"), Col(_("Account Manager"), 14)] + [
            Col(label, 40) for _fname, label in sections
        ]
        rows = [
            [log.date, log.user_id.name, *(log[fname] for fname, _label in sections)]
            for log in logs.sorted(lambda log: (log.user_id.name, log.date))
        ]
        report.add_table_sheet(
            _("P1 Work Log"), _("P1 Marketing Work Log"), meta, columns, rows
        )
