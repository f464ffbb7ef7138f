# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportP6Xlsx(models.AbstractModel):
    """P6 沟通跟进记录 as a workbook."""

    _name = "report.lubricant_account_manager.report_p6_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "P6 Communication Follow-up, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.communication", docids, data)

    def generate_xlsx_report(self, workbook, data, records):
        records = records.sorted(lambda record: (record.user_id.name, record.date))
        report = self._lam_xlsx_report(workbook)
        date_from, date_to = self._lam_printed_period(data, records.mapped("day"))
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s",
                date_from=date_from,
                date_to=date_to,
            )
        ]
        report.add_table_sheet(
            _("P6 Communications"),
            _("P6 Communication Follow-up"),
            meta,
            [
                Col(_("Date"), 12, "date"),
                Col(_("Time"), 7, "time"),
                Col(_("Contacted By"), 14),
                Col(_("Customer"), 26),
                Col(_("Contact Person"), 14),
                Col(_("Channel"), 12),
                Col(_("Direction"), 8),
                Col(_("Summary"), 45),
                Col(_("Follow-up Action"), 35),
                Col(_("Next Contact"), 12, "date"),
            ],
            [
                [
                    record.day,
                    fields.Datetime.context_timestamp(
                        record.with_context(tz=record.user_id.tz or "UTC"), record.date
                    ).strftime("%H:%M"),
                    record.user_id.name,
                    record.partner_id.name,
                    record.contact_id.name,
                    selection_label(record, "channel"),
                    selection_label(record, "direction"),
                    record.summary,
                    record.follow_up,
                    record.next_date,
                ]
                for record in records
            ],
        )
