# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import accumulate

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..tools.periods import period_bounds, plan_deadlines
from ..tools.prefetch import compute_together

# The results of a plan's period, computed together (lam.plan._lam_results).
RESULT_FIELDS = (
    "actual_volume",
    "actual_visits",
    "actual_calls",
    "actual_new_customers",
)

PERIOD_TYPES = [("week", "Weekly Plan"), ("month", "Monthly Plan")]
# Set by the submit actions and the computations, never by hand.
SYSTEM_FIELDS = (
    "state",
    "plan_submitted",
    "summary_submitted",
    "date_from",
    "date_to",
    "plan_due",
    "summary_due",
    "plan_on_time",
    "summary_on_time",
)
# What a submitted plan no longer changes; then what a submitted summary no longer
# changes.
PLAN_FIELDS = (
    "user_id",
    "period_type",
    "date",
    "target_volume",
    "target_visits",
    "target_calls",
    "target_new_customers",
)
SUMMARY_FIELDS = ("key_customer_changes", "proposals", "summary")


class LamPlan(models.Model):
    """周计划/周小结 (P2), 月计划 (P3) and 月总结 (P4): one plan per manager and
    period, its targets and lines, and the summary of the period: results
    computed from the work logged and the sales, reasons for key customers'
    volume changes and proposals."""

    _name = "lam.plan"
    _description = "Work Plan and Summary"
    _inherit = [
        "lam.validated.mixin",
        "lam.volume.mixin",
        "lam.review.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _lam_volume_fields = ("target_volume", "actual_volume", "new_volume")
    _order = "date_from desc, period_type, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Plan Type", required=True, default="week", tracking=True
    )
    date = fields.Date(
        string="In the Period Of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the week or month planned.",
    )
    date_from = fields.Date(
        compute="_compute_period", store=True, index=True, string="From"
    )
    date_to = fields.Date(compute="_compute_period", store=True, string="To")
    plan_due = fields.Date(compute="_compute_period", store=True)
    summary_due = fields.Date(compute="_compute_period", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("planned", "Plan Submitted"),
            ("done", "Summary Submitted"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    plan_submitted = fields.Datetime(
        string="Plan Submitted On", readonly=True, copy=False
    )
    summary_submitted = fields.Datetime(
        string="Summary Submitted On", readonly=True, copy=False
    )
    plan_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    summary_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    # --- targets
    target_volume = fields.Float(
        digits="Lubricant Volume",
        help="Sales volume to reach, in the reference unit.",
    )
    target_visits = fields.Integer()
    target_calls = fields.Integer(string="Target Phone/Online Contacts")
    target_new_customers = fields.Integer()
    line_ids = fields.One2many(
        "lam.plan.line", "plan_id", string="Plan Lines", copy=True
    )
    # --- summary
    actual_volume = fields.Float(
        string="Volume Sold", digits="Lubricant Volume", compute="_compute_results"
    )
    actual_visits = fields.Integer(string="Visits Done", compute="_compute_results")
    actual_calls = fields.Integer(
        string="Phone/Online Contacts", compute="_compute_results"
    )
    actual_new_customers = fields.Integer(
        string="New Customers", compute="_compute_results"
    )
    key_customer_changes = fields.Text(
        string="Key Customers' Volume Changes and Reasons"
    )
    key_change_ids = fields.One2many(
        "lam.plan.key.change",
        "plan_id",
        string="Key Customers Whose Month Moved",
        help="The A and B customers whose month differs from their monthly average "
        "by more than the share set in Settings; each needs its reason before the "
        "summary is submitted.",
    )
    lost_customer_ids = fields.Many2many(
        "res.partner",
        string="Customers Lost",
        compute="_compute_progress",
        help="Customers who bought in the twelve months before and have now bought "
        "nothing for the months set in Settings (monthly plans).",
    )
    new_volume = fields.Float(
        digits="Lubricant Volume",
        compute="_compute_progress",
        help="Volume bought in the month by customers who bought nothing in the "
        "twelve months before (monthly plans).",
    )
    customer_opinions = fields.Text(
        help="The customers' opinions gathered in the period (Art. 22.1), for the "
        "monthly business analysis meeting."
    )
    proposals = fields.Text()
    summary = fields.Text(string="Summary of the Period")

    _lam_rule_fields = ("user_id",)
    _lam_unique_keys = [("user_id", "period_type", "date_from")]
    _lam_unique_depends = ("date",)
    _sql_constraints = [
        (
            "one_plan_a_period",
            "UNIQUE(user_id, period_type, date_from)",
            "A manager has one plan for a period: open the existing one.",
        ),
        (
            "targets_not_negative",
            "CHECK(COALESCE(target_volume, 0) >= 0 AND COALESCE(target_visits, 0) >= 0 "
            "AND COALESCE(target_calls, 0) >= 0 AND COALESCE(target_new_customers, 0) "
            ">= 0)",
            "Targets cannot be negative.",
        ),
    ]

    @api.model
    def _lam_unique_values(self, values):
        day = fields.Date.to_date(values.get("date"))
        if day and values.get("period_type"):
            values["date_from"] = period_bounds(values["period_type"], day)[0]
        return values

    @api.depends(
        "period_type",
        "date",
        "user_id.company_id.lam_weekly_meeting_day",
        "user_id.company_id.lam_monthly_deadline_days",
    )
    def _compute_period(self):
        for plan in self:
            if not plan.date:
                plan.date_from = plan.date_to = plan.plan_due = plan.summary_due = False
                continue
            company = plan.user_id.company_id or self.env.company
            plan.date_from, plan.date_to = period_bounds(plan.period_type, plan.date)
            plan.plan_due, plan.summary_due = plan_deadlines(
                plan.period_type,
                plan.date_from,
                int(company.lam_weekly_meeting_day or 0),
                company.lam_monthly_deadline_days,
            )

    @api.depends(
        "plan_submitted", "summary_submitted", "plan_due", "summary_due", "user_id.tz"
    )
    def _compute_on_time(self):
        for plan in self:
            local = plan.with_context(tz=plan.user_id.tz or "UTC")
            plan.plan_on_time = bool(plan.plan_submitted) and (
                fields.Datetime.context_timestamp(local, plan.plan_submitted).date()
                <= plan.plan_due
            )
            plan.summary_on_time = bool(plan.summary_submitted) and (
                fields.Datetime.context_timestamp(local, plan.summary_submitted).date()
                <= plan.summary_due
            )

    @api.depends("user_id", "date_from", "date_to")
    def _compute_results(self):
        values = self._lam_results()
        for plan in self:
            plan.update(values[plan.id])

    def _lam_results(self):
        """{plan id: {result field: value}}: the results of the period from
        the logged work and the purchases service, in a few grouped queries
        for all the plans."""
        result = {
            plan.id: {"actual_volume": 0.0, **dict.fromkeys(RESULT_FIELDS[1:], 0)}
            for plan in self
        }
        plans = self.filtered(lambda plan: plan.date_from and plan.user_id)
        if not plans:
            return result
        users = plans.user_id
        date_from, date_to = (
            min(plans.mapped("date_from")),
            max(plans.mapped("date_to")),
        )
        visits = self._lam_count_by_day(
            "lam.visit",
            "visit_date",
            users,
            date_from,
            date_to,
            [("state", "in", ("done", "reported"))],
        )
        calls = self._lam_count_by_day(
            "lam.communication",
            "day",
            users,
            date_from,
            date_to,
            [("channel", "in", ("phone", "online"))],
        )
        purchases = self._lam_volume_by_manager_day(users, date_from, date_to)
        new_customers = self._lam_new_customers(users, date_from, date_to)
        totals = {
            name: self._lam_period_totals(counts)
            for name, counts in (
                ("actual_visits", visits),
                ("actual_calls", calls),
                ("actual_volume", purchases),
                ("actual_new_customers", new_customers),
            )
        }
        for plan in plans:
            result[plan.id] = {
                name: total(plan.user_id.id, plan.date_from, plan.date_to)
                for name, total in totals.items()
            }
            result[plan.id]["actual_volume"] = float(result[plan.id]["actual_volume"])
        return result

    def read(self, fields=None, load="_classic_read"):
        """A read of the results computes them for all the plans read together:
        the ORM would compute a thousand at a time, each thousand costing the
        same queries again."""
        if set(fields or ()) & set(RESULT_FIELDS):
            compute_together(
                self,
                {name: name for name in RESULT_FIELDS},
                lambda todo: todo._lam_results(),
            )
        return super().read(fields=fields, load=load)

    @api.model
    def _lam_period_totals(self, counts):
        """A function (user id, first day, last day) -> the sum of ``counts``
        ({(user id, day): value}) over those days: each user's days sorted
        once with their running sums, so that a year of plans costs a
        look-up each, not a pass over every count."""
        by_user = defaultdict(list)
        for (user, day), value in counts.items():
            by_user[user].append((day, value))
        running = {}
        for user, entries in by_user.items():
            entries.sort(key=lambda entry: entry[0])
            running[user] = (
                [day for day, _value in entries],
                [0, *accumulate(value for _day, value in entries)],
            )

        def total(user, date_from, date_to):
            days, sums = running.get(user, ((), (0,)))
            return (
                sums[bisect_right(days, date_to)] - sums[bisect_left(days, date_from)]
            )

        return total

    @api.depends("user_id", "period_type", "date_from")
    def _compute_progress(self):
        """Customers lost and new volume of the monthly plans (Art. 22.4): one
        purchases-service call per company."""
        monthly = self.filtered(
            lambda plan: plan.period_type == "month" and plan.user_id and plan.date_from
        )
        (self - monthly).update({"lost_customer_ids": False, "new_volume": 0.0})
        by_company = defaultdict(lambda: self.browse())
        for plan in monthly:
            by_company[plan.user_id.company_id] |= plan
        for company, plans in by_company.items():
            customers = self._lam_customers_of(plans.user_id)
            progress = (
                self.env["lam.purchase.analysis"]
                # as the system: the customers' purchases come from sales orders the
                # user may not read
                .sudo()
                ._lam_month_progress(
                    customers, sorted(set(plans.mapped("date_from"))), company
                )
            )
            for plan in plans:
                mine = customers.filtered(
                    lambda customer, plan=plan: customer.user_id == plan.user_id
                )
                month = progress[plan.date_from]
                plan.lost_customer_ids = mine.filtered(
                    lambda customer, month=month: customer.id in month["lost"]
                )
                plan.new_volume = sum(
                    month["new"].get(customer.id, 0.0) for customer in mine
                )

    @api.depends("user_id", "period_type", "date_from", "date_to")
    def _compute_display_name(self):
        for plan in self:
            user = plan.user_id.name or ""
            if plan.period_type == "month" and plan.date_from:
                plan.display_name = _(
                    "Monthly plan of %(user)s, %(month)s",
                    user=user,
                    month=plan.date_from.strftime("%Y-%m"),
                )
            else:
                plan.display_name = _(
                    "Weekly plan of %(user)s, %(date_from)s – %(date_to)s",
                    user=user,
                    date_from=plan.date_from or "",
                    date_to=plan.date_to or "",
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_system_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._lam_check_system_fields(vals)
        if "user_id" in vals and self.filtered(
            lambda plan: plan.user_id.id != vals["user_id"]
        ):
            raise UserError(_("A plan stays its author's."))
        if not self.env.su:
            locked = (
                set(PLAN_FIELDS)
                if self.filtered(lambda plan: plan.state != "draft")
                else set()
            )
            if self.filtered(lambda plan: plan.state == "done"):
                locked |= set(SUMMARY_FIELDS)
            if locked.intersection(vals):
                raise UserError(
                    _(
                        "A submitted plan is kept as it was submitted: %(fields)s can "
                        "no longer change.",
                        fields=", ".join(
                            self._fields[fname]._description_string(self.env)
                            for fname in locked.intersection(vals)
                        ),
                    )
                )
        return super().write(vals)

    @api.model
    def _lam_check_system_fields(self, vals):
        refused = [fname for fname in SYSTEM_FIELDS if fname in vals]
        if refused and not self.env.su:
            raise UserError(
                _(
                    "%(fields)s cannot be changed: the system sets it.",
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in refused
                    ),
                )
            )

    @api.constrains("date_from", "date_to")
    def _check_lines_in_period(self):
        self.line_ids._check_planned_date()

    # --- actions
    def action_submit_plan(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    _(
                        "%(plan)s: the plan is already submitted.",
                        plan=plan.display_name,
                    )
                )
            if not plan.line_ids:
                raise UserError(
                    _(
                        "%(plan)s: a plan says whom you will work on: add its lines.",
                        plan=plan.display_name,
                    )
                )
        self.check_access("write")
        # as the system: the state and submission time are the actions'; write access
        # was checked just before
        self.sudo().write({"state": "planned", "plan_submitted": fields.Datetime.now()})
        self._lam_close_deadline_activities(
            "lubricant_account_manager.mail_activity_type_lam_plan"
        )
        return True

    def action_lam_key_changes(self):
        """List the key customers whose month moved (kept reasons stay)."""
        self.check_access("write")
        self._lam_refresh_key_changes()
        return True

    def _lam_refresh_key_changes(self):
        """The A and B customers of each open monthly plan whose month differs
        from their monthly average over the grading's look-back by more than
        the company's share: one purchases-service call per plan."""
        for plan in self.filtered(
            lambda plan: plan.period_type == "month" and plan.state != "done"
        ):
            company = plan.user_id.company_id
            look_back = company.lam_abc_months
            customers = self._lam_customers_of(plan.user_id).filtered(
                lambda customer: customer.lam_abc_grade in ("a", "b")
            )
            rows = (
                self.env["lam.purchase.analysis"]
                # as the system: the customers' purchases, for the plan's author
                .sudo()
                ._lam_purchases(
                    plan.date_from - relativedelta(months=look_back),
                    plan.date_to,
                    partners=customers,
                    groupby=("partner", "month"),
                    company=company,
                )["rows"]
            )
            volume, history = defaultdict(float), defaultdict(float)
            for row in rows:
                target = volume if row["month"] == plan.date_from else history
                target[row["partner_id"]] += row["qty"]
            share = company.lam_key_change_share
            listed = {}
            for customer in customers:
                average = history[customer.id] / look_back
                change = (
                    100.0 * (volume[customer.id] - average) / average
                    if average
                    else (100.0 if volume[customer.id] else 0.0)
                )
                if abs(change) > share:
                    listed[customer] = {
                        "grade": customer.lam_abc_grade,
                        "volume": volume[customer.id],
                        "average": average,
                        "change": round(change, 1),
                    }
            existing = {line.partner_id: line for line in plan.key_change_ids}
            # as the system: the lines are the system's; the manager writes reasons
            commands = [
                Command.update(existing[customer].id, values)
                if customer in existing
                else Command.create({"partner_id": customer.id, **values})
                for customer, values in listed.items()
            ] + [
                Command.delete(line.id)
                for customer, line in existing.items()
                if customer not in listed
            ]
            plan.sudo().key_change_ids = commands

    def action_submit_summary(self):
        monthly = self.filtered(lambda plan: plan.period_type == "month")
        if monthly:
            monthly.check_access("write")
            monthly._lam_refresh_key_changes()
            unexplained = monthly.key_change_ids.filtered(
                lambda line: not (line.reason or "").strip()
            )
            if unexplained:
                # the lines just listed are kept: the manager gives their reasons
                return {
                    "type": "ir.actions.client",
                    "tag": "display_notification",
                    "params": {
                        "type": "warning",
                        "sticky": True,
                        "message": _(
                            "Give the reason of each key customer whose month moved "
                            "before submitting: %(customers)s.",
                            # as the system: the customers' names, for the author
                            customers=", ".join(
                                unexplained.partner_id.sudo().mapped("name")
                            ),
                        ),
                        "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                    },
                }
        for plan in self:
            if plan.state != "planned":
                raise UserError(
                    _(
                        "%(plan)s: submit the plan before its summary.",
                        plan=plan.display_name,
                    )
                )
            today = fields.Date.context_today(
                plan.with_context(tz=plan.user_id.tz or "UTC")
            )
            if today < plan.date_from:
                raise UserError(
                    _(
                        "%(plan)s: a summary tells how the period went; it can be "
                        "submitted from %(date)s, when the period starts.",
                        plan=plan.display_name,
                        date=plan.date_from,
                    )
                )
            if not (plan.summary or "").strip():
                raise UserError(
                    _(
                        "%(plan)s: write the summary of the period first.",
                        plan=plan.display_name,
                    )
                )
        self.check_access("write")
        # as the system: the state and submission time are the actions'; write access
        # was checked just before
        self.sudo().write({"state": "done", "summary_submitted": fields.Datetime.now()})
        self._lam_close_deadline_activities(
            "lubricant_account_manager.mail_activity_type_lam_summary"
        )
        return True

    def action_propose_customers(self):
        """Add a line for each of the manager's customers not planned yet
        (for instance customers just handed over to him)."""
        for plan in self:
            planned = plan.line_ids.partner_id
            customers = self.env["res.partner"].search(
                [
                    ("user_id", "=", plan.user_id.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                    ("id", "not in", planned.ids),
                ],
                order="name",
            )
            action = _("Follow up")
            plan.line_ids = [
                (0, 0, {"partner_id": customer.id, "action": action})
                for customer in customers
            ]
        return True

    def _lam_close_deadline_activities(self, activity_type_ref):
        activity_type = self.env.ref(activity_type_ref)
        activities = self.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        activities.action_feedback(feedback=_("Submitted"))

    # --- deadlines
    @api.model
    def _cron_plan_deadlines(self):
        """Give each account manager one activity on each plan or summary that
        is due and not submitted (the draft plan is created for him if need
        be). Idempotent: a second run finds the activities in place."""
        today = fields.Date.context_today(self)
        managers = self.env["res.users"]._lam_account_managers()
        due = self._lam_due_periods(managers, today)
        plans = self.search(
            [
                ("user_id", "in", managers.ids),
                ("date_from", "in", list({d for _u, _t, d in due})),
            ]
        )
        by_key = {
            (plan.user_id.id, plan.period_type, plan.date_from): plan for plan in plans
        }
        missing = [
            {"user_id": user_id, "period_type": period_type, "date": date_from}
            for user_id, period_type, date_from in due
            if (user_id, period_type, date_from) not in by_key
        ]
        for plan in self.create(missing):
            by_key[plan.user_id.id, plan.period_type, plan.date_from] = plan
        todo = self.browse([by_key[key].id for key in due])
        self._lam_schedule_deadline_activities(
            todo.filtered(
                lambda plan: plan.state == "draft" and plan.plan_due <= today
            ),
            "plan",
        )
        self._lam_schedule_deadline_activities(
            todo.filtered(
                lambda plan: plan.state != "done" and plan.summary_due <= today
            ),
            "summary",
        )

    @api.model
    def _lam_due_periods(self, managers, today):
        """[(user id, period type, first day)] of the periods whose plan or summary is
        due by today."""
        due = []
        for period_type in ("week", "month"):
            step = (
                relativedelta(weeks=1)
                if period_type == "week"
                else relativedelta(months=1)
            )
            for day in (today - step, today, today + step):
                date_from, _date_to = period_bounds(period_type, day)
                for user in managers:
                    company = user.company_id
                    plan_due, summary_due = plan_deadlines(
                        period_type,
                        date_from,
                        int(company.lam_weekly_meeting_day or 0),
                        company.lam_monthly_deadline_days,
                    )
                    if plan_due <= today or summary_due <= today:
                        due.append((user.id, period_type, date_from))
        return due

    @api.model
    def _lam_schedule_deadline_activities(self, plans, kind):
        """One open activity of ``kind`` ("plan" or "summary") per plan, in one batch,
        without mail."""
        activity_type = self.env.ref(
            f"lubricant_account_manager.mail_activity_type_lam_{kind}"
        )
        existing = (
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", plans.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": plan.id,
                    "activity_type_id": activity_type.id,
                    "user_id": plan.user_id.id,
                    "date_deadline": plan.plan_due
                    if kind == "plan"
                    else plan.summary_due,
                    "summary": plan._lam_deadline_summary(kind),
                }
                for plan in plans
                if plan.id not in existing
            ]
        )

    def _lam_deadline_summary(self, kind):
        """The activity's summary, in the manager's language."""
        plan = self.with_context(lang=self.user_id.lang or self.env.lang)
        if kind == "plan":
            return plan.env._("Plan due: %(plan)s", plan=plan.display_name)
        return plan.env._("Summary due: %(plan)s", plan=plan.display_name)

    # --- results
    @api.model
    def _lam_count_by_day(self, model, day_field, users, date_from, date_to, domain=()):
        """{(user id, day): count} of records done by ``users`` between the dates."""
        groups = (
            self.env[model]
            # as the system: counts for the managers the caller may see (users), not the
            # records themselves
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    (day_field, ">=", date_from),
                    (day_field, "<=", date_to),
                    *domain,
                ],
                ["user_id", f"{day_field}:day"],
                ["__count"],
            )
        )
        return {
            (user.id, day.date() if hasattr(day, "date") else day): count
            for user, day, count in groups
        }

    @api.model
    def _lam_volume_by_manager_day(self, users, date_from, date_to):
        """{(manager id, day): volume in the reference unit} sold to the managers'
        customers."""
        customers = self._lam_customers_of(users)
        if not customers:
            return {}
        rows = (
            self.env["lam.purchase.analysis"]
            # as the system: the customers' purchases come from sales orders the user
            # may not read
            .sudo()
            ._lam_purchases(
                date_from,
                date_to,
                partners=customers,
                groupby=("manager", "day"),
            )["rows"]
        )
        return {(row["manager_id"], row["day"]): row["qty"] for row in rows}

    @api.model
    def _lam_new_customers(self, users, date_from, date_to):
        """{(manager id, day): count} of customers whose first confirmed order falls on
        that day."""
        customers = self._lam_customers_of(users)
        firsts = (
            # as the system: first purchases come from sales orders the user may not
            # read
            self.env["lam.purchase.analysis"].sudo()._lam_first_purchase_days(customers)
        )
        result = defaultdict(int)
        for customer in customers:
            day = firsts.get(customer.id)
            if day and date_from <= day <= date_to:
                result[customer.user_id.id, day] += 1
        return result

    @api.model
    def _lam_customers_of(self, users):
        # as the system: the results of a manager's plan are read by his department
        # manager too
        # with their managers in one query, not a thousand customers at a time
        return (
            self.env["res.partner"]
            .sudo()
            .search_fetch(
                [
                    ("user_id", "in", users.ids),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ],
                ["user_id"],
            )
        )
