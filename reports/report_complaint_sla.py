# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.tools import SQL

from ..models.lam_complaint import OPEN_STATES
from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportComplaintSlaMixin(models.AbstractModel):
    """The complaints printed and their SLA figures per manager, the median
    computed by the database (percentile_cont) over exactly these complaints."""

    _name = "lam.complaint.sla.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "Complaint SLA Report"

    @api.model
    def _lam_sla_figures(self, complaints):
        """([{user, complaints, resolved, due, on_time, share, median,
        open_breaches}] per handler, the same figures for all of them), in one
        query (the total is a grouping set of its own)."""
        if not complaints:
            return [], None
        self.env["lam.complaint"].flush_model()
        rows = self.env.execute_query_dict(
            SQL(
                """SELECT user_id, GROUPING(user_id) = 1 AS is_total,
                      COUNT(*) AS complaints,
                      COUNT(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
                      COUNT(*) FILTER (WHERE deadline IS NOT NULL
                                         AND (resolved_at IS NOT NULL OR deadline <
                                             NOW() AT TIME ZONE 'UTC')) AS due,
                      COUNT(*) FILTER (WHERE sla_met) AS on_time,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY working_hours)
                          FILTER (WHERE resolved_at IS NOT NULL) AS median,
                      COUNT(*) FILTER (WHERE state = ANY(%(open)s)
                                         AND deadline < NOW() AT TIME ZONE 'UTC') AS
                                             open_breaches
                 FROM lam_complaint WHERE id = ANY(%(ids)s)
             GROUP BY GROUPING SETS ((user_id), ())""",
                open=list(OPEN_STATES),
                ids=complaints.ids,
            )
        )
        for row in rows:
            row["user"] = self.env["res.users"].browse(row["user_id"])
            row["share"] = 100.0 * row["on_time"] / row["due"] if row["due"] else None
            row["median"] = row["median"] and round(row["median"], 1)
        total = next(row for row in rows if row["is_total"])
        per_user = [row for row in rows if not row["is_total"]]
        return sorted(per_user, key=lambda row: row["user"].name or ""), total

    @api.model
    def _lam_sla_values(self, docids, data):
        complaints = self._lam_report_records("lam.complaint", docids, data).sorted(
            lambda complaint: (complaint.user_id.name or "", complaint.received_at)
        )
        date_from, date_to = self._lam_printed_period(
            data,
            [
                fields.Datetime.context_timestamp(self, complaint.received_at).date()
                for complaint in complaints
            ],
        )
        return complaints, *self._lam_sla_figures(complaints), date_from, date_to


class ReportComplaintSla(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_complaint_sla"
    _inherit = ["lam.complaint.sla.report.mixin"]
    _description = "Complaint SLA Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        complaints, figures, total, date_from, date_to = self._lam_sla_values(
            docids, data
        )
        return {
            "doc_ids": complaints.ids,
            "doc_model": "lam.complaint",
            "docs": complaints,
            "figures": figures,
            "total": total,
            "date_from": date_from,
            "date_to": date_to,
        }


class ReportComplaintSlaXlsx(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_complaint_sla_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.complaint.sla.report.mixin"]
    _description = "Complaint SLA Report, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.complaint", docids, data)

    def generate_xlsx_report(self, workbook, data, complaints):
        complaints, figures, _total, date_from, date_to = self._lam_sla_values(
            complaints.ids, data
        )
        report = self._lam_xlsx_report(workbook)
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s",
                date_from=date_from,
                date_to=date_to,
            )
        ]
        report.add_table_sheet(
            _("SLA per Manager"),
            _("Complaint SLA per Manager"),
            meta,
            [
                Col(_("Handled By"), 14),
                Col(_("Complaints"), 10, "int", total=True),
                Col(_("Resolved"), 10, "int", total=True),
                Col(_("Resolved in Time"), 12, "int", total=True),
                Col(_("Resolved in Time (%)"), 12, "float"),
                Col(_("Median Working Hours to Resolve"), 14, "float"),
                Col(_("Open Past Deadline"), 12, "int", total=True),
            ],
            [
                [
                    row["user"].name,
                    row["complaints"],
                    row["resolved"],
                    row["on_time"],
                    row["share"],
                    row["median"],
                    row["open_breaches"],
                ]
                for row in figures
            ],
            total_label=_("Total"),
        )
        report.add_table_sheet(
            _("Complaints"),
            _("Complaints"),
            meta,
            [
                Col(_("Reference"), 16),
                Col(_("Received At"), 16, "datetime"),
                Col(_("Customer"), 26),
                Col(_("Category"), 10),
                Col(_("Handled By"), 12),
                Col(_("Status"), 10),
                Col(_("Deadline"), 16, "datetime"),
                Col(_("Resolved At"), 16, "datetime"),
                Col(_("Working Hours to Resolve"), 10, "float"),
                Col(_("Resolved in Time"), 8),
                Col(_("Description"), 40),
            ],
            [
                [
                    complaint.name,
                    self._lam_local_datetime(complaint.received_at),
                    # as the system: the customer's name, for a reader of the complaint
                    complaint.partner_id.sudo().name,
                    selection_label(complaint, "category"),
                    complaint.user_id.name,
                    selection_label(complaint, "state"),
                    self._lam_local_datetime(complaint.deadline),
                    self._lam_local_datetime(complaint.resolved_at),
                    complaint.working_hours if complaint.resolved_at else None,
                    (_("Yes") if complaint.sla_met else _("No"))
                    if complaint.deadline and complaint.resolved_at
                    else "",
                    complaint.description,
                ]
                for complaint in complaints
            ],
        )
