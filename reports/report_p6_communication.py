# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class ReportP6Communication(models.AbstractModel):
    """P6 沟通跟进记录: communications with customers over a period, as PDF."""

    _name = "report.lubricant_account_manager.report_p6_communication"
    _inherit = ["lam.report.mixin"]
    _description = "P6 Communication Follow-up"

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self._lam_report_records("lam.communication", docids, data).sorted(
            lambda record: (record.user_id.name, record.date)
        )
        date_from, date_to = self._lam_printed_period(data, records.mapped("day"))
        return {
            "doc_ids": records.ids,
            "doc_model": "lam.communication",
            "docs": records,
            "by_user": [
                (user, records.filtered_domain([("user_id", "=", user.id)]))
                for user in records.user_id
            ],
            "date_from": date_from,
            "date_to": date_to,
        }
