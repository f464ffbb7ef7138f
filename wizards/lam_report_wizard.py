# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.periods import DEFAULT_REPORT_MONTHS, trailing_months

# report code: (PDF report action, XLSX report action)
REPORTS = {
    "p1": (
        "lubricant_account_manager.action_report_p1",
        "lubricant_account_manager.action_report_p1_xlsx",
    ),
    "p2": (
        "lubricant_account_manager.action_report_p2",
        "lubricant_account_manager.action_report_p2_xlsx",
    ),
    "p3": (
        "lubricant_account_manager.action_report_p3",
        "lubricant_account_manager.action_report_p3_xlsx",
    ),
    "p4": (
        "lubricant_account_manager.action_report_p4",
        "lubricant_account_manager.action_report_p4_xlsx",
    ),
    "p5": (
        "lubricant_account_manager.action_report_p5",
        "lubricant_account_manager.action_report_p5_xlsx",
    ),
    "p6": (
        "lubricant_account_manager.action_report_p6",
        "lubricant_account_manager.action_report_p6_xlsx",
    ),
    "p7": (
        "lubricant_account_manager.action_report_p7",
        "lubricant_account_manager.action_report_p7_xlsx",
    ),
    "p8": (
        "lubricant_account_manager.action_report_p8",
        "lubricant_account_manager.action_report_p8_xlsx",
    ),
    "p9": (
        "lubricant_account_manager.action_report_p9",
        "lubricant_account_manager.action_report_p9_xlsx",
    ),
    "p10": (
        "lubricant_account_manager.action_report_p10",
        "lubricant_account_manager.action_report_p10_xlsx",
    ),
}
# reports over a period, reports of customers
PERIOD_REPORTS = ("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p10")
CUSTOMER_REPORTS = ("p5", "p6", "p7", "p8", "p9", "p10")
# plan reports: the period type of the plans they print
PLAN_REPORTS = {"p2": "week", "p3": "month", "p4": "month"}


class LamReportWizard(models.TransientModel):
    """Choose what to print; the report actions do the printing (PDF or XLSX),
    with their own access checks. Nothing is stored here."""

    _name = "lam.report.wizard"
    _description = "Account Management Report Filter"
    _inherit = ["lam.validated.mixin"]

    def _default_period(self):
        return trailing_months(fields.Date.context_today(self), DEFAULT_REPORT_MONTHS)

    report_code = fields.Selection(
        [
            ("p1", "P1 Marketing Work Log"),
            ("p2", "P2 Weekly Plan and Summary"),
            ("p3", "P3 Monthly Plan"),
            ("p4", "P4 Monthly Summary"),
            ("p5", "P5 Terminal Expansion Plan"),
            ("p6", "P6 Communication Follow-up"),
            ("p7", "P7 Purchase Tracking"),
            ("p8", "P8 Receivables Tracking"),
            ("p9", "P9 Customer Archive (Basic)"),
            ("p10", "P10 Customer Archive (Dynamic)"),
        ],
        string="Report",
        required=True,
        default="p9",
    )
    allowed_user_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_user_ids"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        domain="[('id', 'in', allowed_user_ids)]",
        help="Leave empty for every customer you may see.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
        help="Leave empty for all customers of the account manager.",
    )
    date_from = fields.Date(
        string="From", default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(string="To", default=lambda self: self._default_period()[1])
    needs_period = fields.Boolean(compute="_compute_needs_period")
    needs_customers = fields.Boolean(compute="_compute_needs_period")

    # a dependency in the form: the form's first onchange fills every field it
    # shows, and recomputes only those depending on one of them
    @api.depends("user_id")
    @api.depends_context("uid")
    def _compute_allowed_user_ids(self):
        self.allowed_user_ids = self.env.user._lam_reportable_managers()

    @api.constrains("user_id")
    def _check_user_id(self):
        for wizard in self:
            if (
                wizard.user_id
                and wizard.user_id not in self.env.user._lam_reportable_managers()
            ):
                raise ValidationError(
                    _("You may print the reports of your own team only.")
                )

    @api.depends("report_code")
    def _compute_needs_period(self):
        for wizard in self:
            wizard.needs_period = wizard.report_code in PERIOD_REPORTS
            wizard.needs_customers = wizard.report_code in CUSTOMER_REPORTS

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_from > wizard.date_to
            ):
                raise ValidationError(
                    _("The start of the period must be before its end.")
                )

    def _get_partners(self):
        self.ensure_one()
        if self.partner_ids:
            return self.partner_ids
        domain = [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
        if self.user_id:
            domain.append(("user_id", "=", self.user_id.id))
        partners = self.env["res.partner"].search(domain, order="name")
        if not partners:
            raise UserError(_("No customer matches these filters."))
        limit = self.env.company.lam_report_max_customers
        if len(partners) > limit:
            raise UserError(
                _(
                    "These filters select %(count)s customers; a report prints at most "
                    "%(limit)s at once "
                    "(Settings › Account Management). Choose a manager or customers.",
                    count=len(partners),
                    limit=limit,
                )
            )
        return partners

    def _get_records(self):
        """The records the chosen report prints."""
        self.ensure_one()
        if self.report_code == "p1":
            return self._lam_found(
                self.env["lam.work.log"].search(
                    self._lam_period_domain("date"), order="date"
                )
            )
        if self.report_code == "p6":
            domain = self._lam_period_domain("day")
            if self.partner_ids:
                domain.append(("partner_id", "in", self.partner_ids.ids))
            return self._lam_found(
                self.env["lam.communication"].search(domain, order="date")
            )
        if self.report_code in PLAN_REPORTS:
            # the plans of the periods that overlap the chosen one
            domain = [
                ("period_type", "=", PLAN_REPORTS[self.report_code]),
                ("date_from", "<=", self.date_to),
                ("date_to", ">=", self.date_from),
            ]
            if self.user_id:
                domain.append(("user_id", "=", self.user_id.id))
            return self._lam_found(
                self.env["lam.plan"].search(domain, order="user_id, date_from")
            )
        if self.report_code == "p5":
            return self._lam_found(
                self.env["lam.expansion.plan"].search(self._lam_expansion_domain())
            )
        return self._get_partners()

    def _lam_expansion_domain(self):
        """Expansion plans under way in the period: started by its end, and
        still open or started within it."""
        domain = [
            ("date_start", "<=", self.date_to),
            "|",
            ("stage", "in", ("planned", "in_progress")),
            ("date_start", ">=", self.date_from),
        ]
        if self.user_id:
            domain.append(("user_id", "=", self.user_id.id))
        if self.partner_ids:
            domain.append(("partner_id", "in", self.partner_ids.ids))
        return domain

    def _lam_period_domain(self, date_field):
        domain = [(date_field, ">=", self.date_from), (date_field, "<=", self.date_to)]
        if self.user_id:
            domain.append(("user_id", "=", self.user_id.id))
        return domain

    @api.model
    def _lam_found(self, records):
        if not records:
            raise UserError(_("Nothing matches these filters."))
        return records

    def _get_options(self):
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def _lam_report_action(self, report_ref):
        self.ensure_one()
        report = self.env.ref(report_ref)
        # a report the user's groups may not print (finance and P1-P6): said
        # plainly, before the records are read
        if report.sudo().groups_id and not (
            report.sudo().groups_id & self.env.user.groups_id
        ):
            raise UserError(
                _(
                    "%(report)s is not among the reports you print.",
                    report=report.name,
                )
            )
        # The web client sends `data` as the report's options and the record
        # ids in the action's context (active_ids): the report models read
        # them there.
        return report.report_action(self._get_records(), data=self._get_options())

    def action_print_pdf(self):
        return self._lam_report_action(REPORTS[self.report_code][0])

    def action_export_xlsx(self):
        return self._lam_report_action(REPORTS[self.report_code][1])
