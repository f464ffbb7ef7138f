# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, models

from ..tools.xlsx import XlsxColumn as Col


class ReportMorningMeeting(models.AbstractModel):
    """The morning meeting (晨会) as PDF: one page per team."""

    _name = "report.lubricant_account_manager.report_morning_meeting"
    _inherit = ["lam.report.mixin"]
    _description = "Morning Meeting"

    @api.model
    def _get_report_values(self, docids, data=None):
        meetings = self._lam_report_records("lam.morning.meeting", docids, data)
        return {
            "doc_ids": meetings.ids,
            "doc_model": "lam.morning.meeting",
            "docs": meetings,
        }


class ReportMorningMeetingXlsx(models.AbstractModel):
    """The morning meeting as a workbook: one sheet per meeting."""

    _name = "report.lubricant_account_manager.report_morning_meeting_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "Morning Meeting, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.morning.meeting", docids, data)

    def generate_xlsx_report(self, workbook, data, meetings):
        report = self._lam_xlsx_report(workbook)
        for meeting in meetings:
            report.add_table_sheet(
                f"{meeting.team_id.name} {meeting.date}",
                meeting.display_name,
                [
                    _(
                        "Reviewed day: %(day)s · Department manager: %(leader)s · "
                        "Volume in %(uom)s",
                        day=meeting.previous_day,
                        leader=meeting.user_id.name,
                        uom=meeting.company_id._lam_reference_uom().name,
                    ),
                    meeting.note or "",
                ],
                [
                    Col(_("Account Manager"), 14),
                    Col(_("Attended"), 8),
                    Col(_("Visits Done"), 8, "int", total=True),
                    Col(_("Arrived Late"), 8, "int", total=True),
                    Col(_("Visits to Review"), 8, "int", total=True),
                    Col(_("Calls"), 8, "int", total=True),
                    Col(_("Orders"), 8, "int", total=True),
                    Col(_("Volume"), 11, "float", total=True),
                    Col(_("Complaints Received"), 9, "int", total=True),
                    Col(_("Complaints Resolved"), 9, "int", total=True),
                    Col(_("Complaints Open"), 9, "int", total=True),
                    Col(_("Visits Planned Today"), 9, "int", total=True),
                    Col(_("Visiting Today"), 30),
                    Col(_("Department Manager's Notes"), 40),
                ],
                [
                    [
                        line.user_id.name,
                        _("Yes") if line.attended else _("No"),
                        line.visits_done,
                        line.visits_late,
                        line.visits_flagged,
                        line.calls,
                        line.orders,
                        line.volume,
                        line.complaints_received,
                        line.complaints_resolved,
                        line.complaints_open,
                        line.visits_planned,
                        line.planned_customers or "",
                        line.note or "",
                    ]
                    for line in meeting._lam_readable_lines()
                ],
                total_label=_("Total"),
            )
