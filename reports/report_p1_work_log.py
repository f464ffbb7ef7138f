# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class ReportP1WorkLog(models.AbstractModel):
    """P1 营销工作日志: the daily work logs, as PDF."""

    _name = "report.lubricant_account_manager.report_p1_work_log"
    _inherit = ["lam.report.mixin"]
    _description = "P1 Marketing Work Log"

    @api.model
    def _get_report_values(self, docids, data=None):
        logs = self._lam_report_records("lam.work.log", docids, data).sorted(
            lambda log: (log.user_id.name, log.date)
        )
        return {
            "doc_ids": logs.ids,
            "doc_model": "lam.work.log",
            "docs": logs,
            "sections": self._lam_sections(),
        }

    @api.model
    def _lam_sections(self):
        """[(field name, label)] of the log's sections, in the form's order."""
        fields = self.env["lam.work.log"]._fields
        return [
            (fname, fields[fname]._description_string(self.env))
            for fname in (
                "communications",
                "visits",
                "sales",
                "market_info",
                "customer_service",
                "memo",
            )
        ]
