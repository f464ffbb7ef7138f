# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import bulk
from ..tools.allocation import largest_remainder
from ..tools.periods import month_bounds


class LamSalesPlanManager(models.Model):
    """An account manager's part of the monthly sales plan, and his
    breakdown of it per customer (lines), next to each customer's own
    purchase plan; what was bought comes from the purchases service."""

    _name = "lam.sales.plan.manager"
    _description = "Manager's Part of the Sales Plan"
    _inherit = [
        "lam.validated.mixin",
        "lam.volume.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _lam_volume_fields = (
        "target_volume",
        "allocated_volume",
        "difference",
        "actual_volume",
    )
    _order = "month desc, user_id"

    plan_id = fields.Many2one(
        "lam.sales.plan", required=True, ondelete="cascade", index=True
    )
    month = fields.Date(related="plan_id.month", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    due_date = fields.Date(related="plan_id.due_date")
    user_id = fields.Many2one(
        "res.users", string="Account Manager", required=True, index=True
    )
    target_volume = fields.Float(digits="Lubricant Volume", tracking=True)
    line_ids = fields.One2many(
        "lam.sales.plan.line", "manager_plan_id", string="Customers"
    )
    allocated_volume = fields.Float(
        string="Broken Down", compute="_compute_allocated", digits="Lubricant Volume"
    )
    difference = fields.Float(
        compute="_compute_allocated",
        digits="Lubricant Volume",
        help="The target less what the lines give the customers: zero when it adds up.",
    )
    actual_volume = fields.Float(
        string="Bought",
        compute="_compute_actual",
        digits="Lubricant Volume",
        help="Confirmed sales of the month to the customers of the lines.",
    )
    completion = fields.Float(
        string="Completion (%)", compute="_compute_actual", digits=(5, 1)
    )
    breakdown_done = fields.Boolean(readonly=True, copy=False, tracking=True)

    _lam_rule_fields = ("user_id",)
    _lam_unique_keys = [("plan_id", "user_id")]
    _sql_constraints = [
        (
            "one_part_per_manager",
            "UNIQUE(plan_id, user_id)",
            "A manager has one part of a month's plan.",
        ),
        (
            "target_not_negative",
            "CHECK(target_volume >= 0)",
            "A target cannot be negative.",
        ),
    ]

    @api.constrains("target_volume", "plan_id")
    def _check_allocation(self):
        self.plan_id._check_allocation()

    @api.depends("target_volume", "line_ids.target")
    def _compute_allocated(self):
        for part in self:
            part.allocated_volume = sum(part.line_ids.mapped("target"))
            part.difference = part.target_volume - part.allocated_volume

    @api.depends("line_ids.actual", "target_volume")
    def _compute_actual(self):
        for part in self:
            part.actual_volume = sum(part.line_ids.mapped("actual"))
            part.completion = (
                100.0 * part.actual_volume / part.target_volume
                if part.target_volume
                else 0.0
            )

    @api.depends("user_id", "month")
    def _compute_display_name(self):
        for part in self:
            part.display_name = _(
                "%(manager)s, %(month)s",
                manager=part.user_id.name or "",
                month=part.month and part.month.strftime("%Y-%m") or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["lam.sales.plan"]._lam_check_planner()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"month", "company_id", "due_date"}.intersection(vals):
            raise UserError(
                _("A part of the plan is for the month and company of its plan.")
            )
        if {"target_volume", "user_id", "plan_id", "breakdown_done"}.intersection(vals):
            self.env["lam.sales.plan"]._lam_check_planner()
        return super().write(vals)

    # --- the breakdown
    def _lam_weights(self, customers, months=12):
        """{customer: monthly weight}: the average purchases of the ``months``
        months before the plan's, or the forecast where it says more (the
        larger of the twelve months before this one and the equipment's
        needs). Both windows are read in one purchases-service call."""
        self.ensure_one()
        first = month_bounds(self.month)[0]
        this_month = month_bounds(fields.Date.context_today(self))[0]
        windows = {
            "history": (first - relativedelta(months=months), first),
            "recent": (this_month - relativedelta(months=12), this_month),
        }
        rows = (
            self.env["lam.purchase.analysis"]
            # as the system: the manager's purchases come from sales orders the planner
            # may not read
            .sudo()
            ._lam_purchases(
                min(start for start, _stop in windows.values()),
                max(stop for _start, stop in windows.values()) - relativedelta(days=1),
                partners=customers,
                groupby=("partner", "month"),
                company=self.company_id,
            )["rows"]
        )
        sums = {name: defaultdict(float) for name in windows}
        for row in rows:
            for name, (start, stop) in windows.items():
                if start <= row["month"] < stop:
                    sums[name][row["partner_id"]] += row["qty"]
        forecast = customers.with_company(self.company_id)._lam_forecast_needs(
            bought=sums["recent"]
        )
        return {
            customer: max(
                sums["history"][customer.id] / months,
                forecast.get(customer.id, {}).get("monthly", 0.0),
            )
            for customer in customers
        }

    def _lam_propose(self, months=12):
        """Lines for the manager's customers: a customer whose own purchase
        plan is entered starts from it (Art. 22.3); the rest of the target is
        split over the others in proportion to their weights, in whole units
        (largest remainder), so that the lines add up to the target exactly
        unless the customers' own plans already exceed it."""
        for part in self:
            if part.breakdown_done:
                raise UserError(
                    _("%(part)s is broken down already.", part=part.display_name)
                )
            customers = self.env["res.partner"].search(
                [
                    ("user_id", "=", part.user_id.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "in", ("terminal", "dealer")),
                ],
                order="name",
            )
            existing = {line.partner_id: line for line in part.line_ids}
            own = {
                partner: round(line.customer_plan)
                for partner, line in existing.items()
                if line.customer_plan > 0 and partner in customers
            }
            others = customers.filtered(lambda customer, own=own: customer not in own)
            weights = part._lam_weights(others, months)
            split = dict(
                zip(
                    others,
                    largest_remainder(
                        max(round(part.target_volume) - sum(own.values()), 0),
                        [weights[customer] for customer in others],
                    ),
                    strict=True,
                )
            )
            targets = {
                customer: own.get(customer, split.get(customer))
                for customer in customers
            }
            commands = [
                (1, line.id, {"target": targets.get(partner, 0)})
                for partner, line in existing.items()
            ]
            if commands:
                part.line_ids = commands
            part._lam_insert_lines(
                {
                    customer: target
                    for customer, target in targets.items()
                    if customer not in existing
                }
            )

    def _lam_insert_lines(self, targets):
        """The new lines ({customer: target}) of this part, in one statement:
        Propose writes one per customer, hundreds (the ORM inserted a hundred
        a statement, then computed each line's month and manager). A line's
        creation checks hold: the part is the user's to change, the lines the
        user's to create, for his customers, their values valid."""
        self.ensure_one()
        if not targets:
            return
        self.check_access("write")
        Line = self.env["lam.sales.plan.line"]
        lines = bulk.insert(
            Line,
            [
                {
                    "manager_plan_id": self.id,
                    "partner_id": customer.id,
                    "account_manager_id": customer.user_id.id,
                    "company_id": self.company_id.id,
                    "month": self.month,
                    "target": target,
                }
                for customer, target in targets.items()
            ],
        )
        lines.check_access("create")
        lines._lam_check_customer_access()
        lines._validate_fields(["manager_plan_id", "partner_id", "target"])
        lines.modified(Line._fields, create=True)
        self.invalidate_recordset(["line_ids"])

    def action_propose(self):
        self._lam_propose()
        return True

    def action_done(self):
        for part in self:
            if part.user_id != self.env.user and not self.env.user.has_group(
                "lubricant_account_manager.group_lam_department_manager"
            ):
                raise AccessError(_("A manager breaks down his own part of the plan."))
            if abs(part.difference) > 0.001:
                raise UserError(
                    _(
                        "%(part)s: the customers' targets add up to %(allocated)s, not "
                        "the target "
                        "%(target)s.",
                        part=part.display_name,
                        allocated=part.allocated_volume,
                        target=part.target_volume,
                    )
                )
        self.check_access("write")
        # as the system: the flag is the action's; write access was checked just before
        self.sudo().write({"breakdown_done": True})
        self.activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref(
                "lubricant_account_manager.mail_activity_type_lam_sales_plan"
            )
        ).action_feedback(_("Broken down"))
        return True

    @api.model
    def _cron_breakdown_due(self):
        """One activity for each manager whose part of next month's plan is
        not broken down, due on the due day; none twice."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_sales_plan"
        )
        # as the system: a scheduled action over every company's plans
        parts = self.sudo().search(
            [("breakdown_done", "=", False), ("month", ">", today)]
        )
        waiting = parts.filtered(
            lambda part: not part.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )
        )
        # as the system: activities for the parts' managers, not the caller
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": part.id,
                    "activity_type_id": activity_type.id,
                    "user_id": part.user_id.id,
                    "date_deadline": part.due_date,
                    "summary": part.with_context(lang=part.user_id.lang).env._(
                        "Break down your part of the sales plan %(month)s per customer",
                        month=part.month.strftime("%Y-%m"),
                    ),
                }
                for part in waiting
            ]
        )
        return len(waiting)
