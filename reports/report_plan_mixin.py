# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError

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
    # the plans it prints: "week" (P2) or "month" (P3, P4)
    _lam_period_type = None

    @api.model
    def _lam_plans(self, docids, data=None):
        """The plans to print: those of the report's period type among the
        records chosen (the plan list's Print menu offers P2, P3 and P4 for
        any plan); none of them is an error that says so."""
        plans = self._lam_report_records("lam.plan", docids, data)
        kept = plans.filtered(
            lambda plan: plan.period_type == (self._lam_period_type or plan.period_type)
        )
        if not kept:
            raise UserError(
                _("This report prints weekly plans; the selection holds none.")
                if self._lam_period_type == "week"
                else _("This report prints monthly plans; the selection holds none.")
            )
        return kept

    @api.model
    def _get_report_values(self, docids, data=None):
        plans = self._lam_plans(docids, data).sorted(
            lambda plan: (plan.user_id.name, plan.date_from)
        )
        chosen = self._lam_report_records("lam.plan", docids, data)
        show_summary = "summary" in self._lam_parts
        return {
            "doc_ids": plans.ids,
            "doc_model": "lam.plan",
            "docs": plans,
            "show_plan": "plan" in self._lam_parts,
            "show_summary": show_summary,
            "market_info": self._lam_market_info(plans) if show_summary else {},
            "dealer_months": self._lam_dealer_months(plans) if show_summary else {},
            "started": self._lam_started(plans),
            # plans of the other period type, chosen in the list's Print menu
            "left_out": len(chosen) - len(plans),
        }

    @api.model
    def _lam_started(self, plans):
        """{plan id: whether its period has begun}: before, nothing can have
        been achieved, and the results print blank rather than 0."""
        today = fields.Date.context_today(self)
        return {plan.id: plan.date_from <= today for plan in plans}

    @api.model
    def _lam_market_info(self, plans):
        """{plan id: the market information its manager recorded in its
        period} (Art. 22.1), in one search."""
        if not plans:
            return {}
        infos = self.env["lam.market.info"].search(
            [
                ("user_id", "in", plans.user_id.ids),
                ("date", ">=", min(plans.mapped("date_from"))),
                ("date", "<=", max(plans.mapped("date_to"))),
            ],
            order="date, id",
        )
        return {
            plan.id: infos.filtered(
                lambda info, plan=plan: info.user_id == plan.user_id
                and plan.date_from <= info.date <= plan.date_to
            )
            for plan in plans
        }

    @api.model
    def _lam_dealer_months(self, plans):
        """{plan id: the monthly stock reports (PSI) of its manager's dealers
        for its month} (Art. 22.2: a channel manager helps his dealers with
        their month's analysis), for the monthly plans of channel managers."""
        monthly = plans.filtered(
            lambda plan: plan.period_type == "month"
            and plan.user_id.lam_manager_category == "channel"
        )
        if not monthly:
            return {}
        # as the system: the reader of the plan (its manager, his department
        # manager) reads the month of the manager's own dealers
        reports = (
            self.env["lam.dealer.psi"]
            .sudo()
            .search(
                [
                    ("partner_id.user_id", "in", monthly.user_id.ids),
                    ("month", "in", monthly.mapped("date_from")),
                ],
                order="month, id",
            )
        )
        return {
            plan.id: reports.filtered(
                lambda psi, plan=plan: psi.partner_id.user_id == plan.user_id
                and psi.month == plan.date_from
            )
            for plan in monthly
        }

    def _lam_plan_form_sections(self, plan, market_info=None, dealer_months=None):
        """The sections of a plan's sheet, as the paper form has them; a
        monthly summary adds the market information of its month and, for a
        channel manager, his dealers' month (``_lam_market_info``,
        ``_lam_dealer_months``)."""
        show_plan = "plan" in self._lam_parts
        show_summary = "summary" in self._lam_parts
        started = self._lam_started(plan)[plan.id]
        pairs = [
            (_("Account Manager"), plan.user_id.name, "text"),
            (_("Status"), selection_label(plan, "state"), "text"),
            (_("From"), plan.date_from, "date"),
            (_("To"), plan.date_to, "date"),
        ]
        if show_plan:
            pairs += [
                (_("Plan Due"), plan.plan_due, "date"),
                (
                    _("Plan Submitted On"),
                    self._lam_local_datetime(plan.plan_submitted),
                    "datetime",
                ),
            ]
        if show_summary:
            pairs += [
                (_("Summary Due"), plan.summary_due, "date"),
                (
                    _("Summary Submitted On"),
                    self._lam_local_datetime(plan.summary_submitted),
                    "datetime",
                ),
            ]
        unit = plan.volume_uom_id.name
        figures = [
            (_("Volume (%(unit)s)", unit=unit), "target_volume", "actual_volume"),
            (_("Visits"), "target_visits", "actual_visits"),
            (_("Phone/Online Contacts"), "target_calls", "actual_calls"),
            (_("New Customers"), "target_new_customers", "actual_new_customers"),
        ]
        headers = [_("Item"), _("Target")] + (
            [_("Achieved"), _("Completion (%)")] if show_summary else []
        )
        kinds = ["text", "float"] + (["float", "float"] if show_summary else [])
        table = [
            # no target set: blank, as on paper, not 0
            [label, plan[target] or None]
            + (
                [
                    plan[actual] if started else None,
                    # no target, or not begun: no completion, blank rather than 0
                    round(100.0 * plan[actual] / plan[target], 1)
                    if plan[target] and started
                    else None,
                ]
                if show_summary
                else []
            )
            for label, target, actual in figures
        ]
        sections = [
            (None, [("pairs", pairs)]),
            (_("Targets and Results"), [("table", headers, table, kinds)]),
        ]
        if show_summary:
            lines = []
            if plan.period_type == "month":
                lines += [
                    (
                        "pairs",
                        [
                            (
                                _("New Volume (%(unit)s)", unit=unit),
                                plan.new_volume if started else None,
                                "float",
                            )
                        ],
                    ),
                    (
                        "text",
                        _("Customers Lost"),
                        # as the system: the customers' names, for a reader of the plan
                        ", ".join(plan.lost_customer_ids.sudo().mapped("name")),
                    ),
                    (
                        "text",
                        _("Key Customers Whose Month Moved"),
                        "\n".join(
                            f"{change.partner_id.sudo().name}: {change.change:+.1f}% "
                            f"{change.reason or ''}"
                            for change in plan.key_change_ids
                        ),
                    ),
                ]
            lines += [
                (
                    "text",
                    _("Key Customers' Volume Changes and Reasons"),
                    plan.key_customer_changes,
                ),
                ("text", _("Customer Opinions"), plan.customer_opinions),
                ("text", _("Proposals"), plan.proposals),
                ("text", _("Summary of the Period"), plan.summary),
            ]
            sections.append((_("Period Summary"), lines))
            if plan.period_type == "month":
                sections += self._lam_plan_month_sections(
                    plan,
                    (market_info or {}).get(plan.id),
                    (dealer_months or {}).get(plan.id),
                )
        return sections

    def _lam_plan_month_sections(self, plan, infos, dealer_psi):
        """A monthly summary's market information (Art. 22.1) and, for a
        channel manager, his dealers' month (Art. 22.2), as sheet sections."""
        rows = [
            [
                info.date,
                info.partner_id.sudo().name or None,
                f"{selection_label(info, 'info_type')}: {info.note or ''}",
            ]
            for info in infos or []
        ]
        sections = [
            (
                _("Market Information"),
                [
                    (
                        "table",
                        [_("Date"), _("Customer"), _("Information")],
                        rows,
                        ["date", "text", "text"],
                    )
                    if rows
                    else ("note", _("None recorded in the month."))
                ],
            )
        ]
        if dealer_psi is not None:
            unit = plan.volume_uom_id.name
            sections.append(
                (
                    _("The Dealers' Month"),
                    [
                        (
                            "table",
                            [
                                _("Dealer"),
                                _("Sales (%(unit)s)", unit=unit),
                                _("Closing Stock (%(unit)s)", unit=unit),
                                _("Sell-through (%)"),
                                _("Stock Cover (months)"),
                            ],
                            [
                                [
                                    psi.partner_id.sudo().name,
                                    psi.total_sales,
                                    psi.total_closing,
                                    psi.sell_through
                                    if psi.total_opening + psi.total_purchases
                                    else None,
                                    psi.stock_cover if psi.total_sales else None,
                                ]
                                for psi in dealer_psi
                            ],
                            ["text", "float", "float", "float", "float"],
                        )
                        if dealer_psi
                        else ("note", _("No dealer's report for the month yet."))
                    ],
                )
            )
        return sections

    def _lam_plan_workbook(self, workbook, plans, title):
        """The plans as a workbook: a sheet per plan laid out as the paper
        form (targets and results, the summary), then a sheet of all their
        lines."""
        report = self._lam_xlsx_report(workbook)
        plans = plans.sorted(lambda plan: (plan.user_id.name, plan.date_from))
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s",
                date_from=min(plans.mapped("date_from")),
                date_to=max(plans.mapped("date_to")),
            ),
            _(
                "Printed on %(date)s by %(user)s",
                date=fields.Date.context_today(self),
                user=self.env.user.name,
            ),
        ]
        show_summary = "summary" in self._lam_parts
        market_info = self._lam_market_info(plans) if show_summary else {}
        dealer_months = self._lam_dealer_months(plans) if show_summary else {}
        for plan in plans:
            report.add_form_sheet(
                f"{plan.user_id.name} {plan.date_from}",
                title,
                meta,
                self._lam_plan_form_sections(plan, market_info, dealer_months),
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
                    Col(_("Expected Volume"), 12, "volume", total=True),
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
                        # no volume expected: blank, as on paper
                        line.expected_volume or None,
                        selection_label(line, "quadrant"),
                        yes if line.done else no,
                    ]
                    for plan in plans
                    for line in plan.line_ids
                ],
                total_label=_("Total"),
            )
