# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportP5ExpansionPlan(models.AbstractModel):
    """P5 终端拓展计划表, as PDF: one table of the plans printed, per manager."""

    _name = "report.lubricant_account_manager.report_p5_expansion_plan"
    _inherit = ["lam.report.mixin"]
    _description = "P5 Terminal Expansion Plan"

    @api.model
    def _get_report_values(self, docids, data=None):
        plans = self._lam_report_records("lam.expansion.plan", docids, data).sorted(
            lambda plan: (
                plan.user_id.name,
                plan.stage_sequence,
                # as the system: the customer's name, for a reader of the plan
                plan.partner_id.sudo().name,
            )
        )
        # printed from the list: the span of the plans, from start to target
        date_from, date_to = self._lam_printed_period(
            data, plans.mapped("date_start") + plans.mapped("date_target")
        )
        return {
            "doc_ids": plans.ids,
            "doc_model": "lam.expansion.plan",
            "docs": plans,
            "date_from": date_from,
            "date_to": date_to,
            "by_user": [
                (user, plans.filtered_domain([("user_id", "=", user.id)]))
                for user in plans.user_id
            ],
        }


class ReportP5Xlsx(models.AbstractModel):
    """P5 终端拓展计划表 as a workbook."""

    _name = "report.lubricant_account_manager.report_p5_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "P5 Terminal Expansion Plan, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.expansion.plan", docids, data)

    def generate_xlsx_report(self, workbook, data, plans):
        report = self._lam_xlsx_report(workbook)
        # printed from the list: the span of the plans, from start to target
        date_from, date_to = self._lam_printed_period(
            data, plans.mapped("date_start") + plans.mapped("date_target")
        )
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s",
                date_from=date_from or "",
                date_to=date_to or "",
            ),
            _(
                "Printed on %(date)s by %(user)s",
                date=fields.Date.context_today(self),
                user=self.env.user.name,
            ),
        ]
        report.add_table_sheet(
            _("P5 Expansion Plans"),
            _("P5 Terminal Expansion Plan"),
            meta,
            [
                Col(_("Responsible Manager"), 14),
                Col(_("Target Customer"), 28),
                Col(_("Breakthrough Type"), 12),
                Col(_("Breakthrough Detail"), 30),
                Col(_("Development Scheme"), 40),
                Col(_("Expected Annual Volume"), 14, "volume", total=True),
                Col(_("Unit"), 8),
                Col(_("Stage"), 12),
                Col(_("Start"), 12, "date"),
                Col(_("Target Date"), 12, "date"),
                Col(_("Progress Notes"), 40),
            ],
            [
                [
                    plan.user_id.name,
                    # as the system: the customer's name, for a reader of the plan
                    plan.partner_id.sudo().name,
                    selection_label(plan, "breakthrough"),
                    plan.breakthrough_detail,
                    plan.scheme,
                    plan.expected_annual_volume,
                    plan.volume_uom_id.name,
                    selection_label(plan, "stage"),
                    plan.date_start,
                    plan.date_target,
                    plan.progress,
                ]
                for plan in plans.sorted(
                    lambda plan: (plan.user_id.name, plan.stage_sequence)
                )
            ],
            total_label=_("Total"),
        )
