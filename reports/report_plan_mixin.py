# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class LamPlanReportMixin(models.AbstractModel):
    """What P2 (weekly plan and summary), P3 (monthly plan) and P4 (monthly
    summary) share: the plans printed and which parts of them."""

    _name = "lam.plan.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "Plan Report"

    # the parts of the plan this report prints: "plan", "summary"
    _lam_parts = ("plan", "summary")

    @api.model
    def _get_report_values(self, docids, data=None):
        plans = self._lam_report_records("lam.plan", docids, data).sorted(
            lambda plan: (plan.user_id.name, plan.date_from)
        )
        return {
            "doc_ids": plans.ids,
            "doc_model": "lam.plan",
            "docs": plans,
            "show_plan": "plan" in self._lam_parts,
            "show_summary": "summary" in self._lam_parts,
        }

    def _lam_plan_workbook(self, workbook, plans, title):
        """The plans as a workbook: a sheet of targets and results, a sheet of lines."""
        report = self._lam_xlsx_report(workbook)
        plans = plans.sorted(lambda plan: (plan.user_id.name, plan.date_from))
        meta = [
            _(
                "Printed on %(date)s by %(user)s",
                date=fields.Date.context_today(self),
                user=self.env.user.name,
            )
        ]
        columns = [
            Col(_("Account Manager"), 14),
            Col(_("From"), 12, "date"),
            Col(_("To"), 12, "date"),
            Col(_("Status"), 12),
        ]
        if "plan" in self._lam_parts:
            columns += [
                Col(_("Target Volume"), 12, "float", total=True),
                Col(_("Target Visits"), 10, "int", total=True),
                Col(_("Target Phone/Online Contacts"), 12, "int", total=True),
                Col(_("Target New Customers"), 10, "int", total=True),
                Col(_("Plan Due"), 12, "date"),
                Col(_("Plan Submitted On"), 16),
            ]
        if "summary" in self._lam_parts:
            columns += [
                Col(_("Volume Sold"), 12, "float", total=True),
                Col(_("Visits Done"), 10, "int", total=True),
                Col(_("Phone/Online Contacts"), 10, "int", total=True),
                Col(_("New Customers"), 10, "int", total=True),
                Col(_("New Volume"), 12, "float", total=True),
                Col(_("Customers Lost"), 30),
                Col(_("Key Customers Whose Month Moved"), 40),
                Col(_("Summary Due"), 12, "date"),
                Col(_("Summary Submitted On"), 16),
                Col(_("Key Customers' Volume Changes and Reasons"), 40),
                Col(_("Proposals"), 40),
                Col(_("Summary of the Period"), 40),
            ]
        rows = []
        for plan in plans:
            row = [
                plan.user_id.name,
                plan.date_from,
                plan.date_to,
                selection_label(plan, "state"),
            ]
            if "plan" in self._lam_parts:
                row += [
                    plan.target_volume,
                    plan.target_visits,
                    plan.target_calls,
                    plan.target_new_customers,
                    plan.plan_due,
                    plan.plan_submitted
                    and fields.Datetime.context_timestamp(
                        self, plan.plan_submitted
                    ).strftime("%Y-%m-%d %H:%M"),
                ]
            if "summary" in self._lam_parts:
                row += [
                    plan.actual_volume,
                    plan.actual_visits,
                    plan.actual_calls,
                    plan.actual_new_customers,
                    plan.new_volume,
                    # as the system: the customers' names, for a reader of the plan
                    ", ".join(plan.lost_customer_ids.sudo().mapped("name")),
                    "\n".join(
                        f"{change.partner_id.sudo().name}: {change.change:+.1f}% "
                        f"{change.reason or ''}"
                        for change in plan.key_change_ids
                    ),
                    plan.summary_due,
                    plan.summary_submitted
                    and fields.Datetime.context_timestamp(
                        self, plan.summary_submitted
                    ).strftime("%Y-%m-%d %H:%M"),
                    plan.key_customer_changes,
                    plan.proposals,
                    plan.summary,
                ]
            rows.append(row)
        report.add_table_sheet(
            title, title, meta, columns, rows, total_label=_("Total")
        )
        if "plan" in self._lam_parts:
            yes, no = _("Yes"), _("No")
            report.add_table_sheet(
                _("Plan Lines"),
                _("Plan Lines"),
                meta,
                [
                    Col(_("Account Manager"), 14),
                    Col(_("From"), 12, "date"),
                    Col(_("Customer"), 28),
                    Col(_("Action"), 36),
                    Col(_("Planned Date"), 12, "date"),
                    Col(_("Expected Volume"), 12, "float", total=True),
                    Col(_("Importance / Urgency"), 18),
                    Col(_("Done"), 8),
                ],
                [
                    [
                        plan.user_id.name,
                        plan.date_from,
                        # as the system: the customer's name, for a reader of the plan
                        line.partner_id.sudo().name,
                        line.action,
                        line.planned_date,
                        line.expected_volume,
                        selection_label(line, "quadrant"),
                        yes if line.done else no,
                    ]
                    for plan in plans
                    for line in plan.line_ids
                ],
                total_label=_("Total"),
            )
