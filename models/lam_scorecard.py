# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools.periods import month_bounds, plan_deadlines, week_bounds
from ..tools.working_hours import working_hours_by_day

PERIODS = [("day", "Day"), ("week", "Week"), ("month", "Month")]
REQUIREMENTS = [
    ("work_log", "Work log written"),
    ("calls", "Customers contacted by phone/online"),
    ("field_day_customers", "Customers visited on a field day"),
    ("field_days", "Field days"),
    ("reviews", "Archives reviewed"),
    ("plan_on_time", "Plan on time"),
    ("summary_on_time", "Summary on time"),
    ("field_share", "Share of working time in the field (%)"),
    ("purchases_checked", "Days purchases and stocks checked"),
    ("customers_lost", "Customers lost"),
    ("new_volume", "New volume"),
    ("credit_visits", "Credit customers given their follow-up visits"),
    ("late_arrivals", "Visits arrived late"),
    ("logs_reviewed", "Work logs commented by the department manager"),
]


class LamScorecard(models.Model):
    """The manager's work requirements (DOMAIN §5, Art. 17, 18, 20-22): one
    row per manager, period and requirement with its figure, target and
    whether it is met. Rows are computed from the logged work with grouped
    queries (never one query per manager and day) and stored, for pivots."""

    _name = "lam.scorecard"
    _description = "Account Manager Scorecard"
    _order = "date_from desc, user_id, period, requirement"
    _sql_constraints = [
        (
            "one_row",
            "UNIQUE(user_id, period, date_from, requirement)",
            "A manager has one scorecard row per requirement and period.",
        ),
    ]

    user_id = fields.Many2one(
        "res.users", string="Account Manager", required=True, index=True, readonly=True
    )
    period = fields.Selection(PERIODS, required=True, readonly=True, index=True)
    date_from = fields.Date(string="From", required=True, readonly=True, index=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    requirement = fields.Selection(REQUIREMENTS, required=True, readonly=True)
    actual = fields.Float(
        string="Figure", readonly=True, aggregator="sum", digits=(12, 1)
    )
    target = fields.Float(readonly=True, aggregator="sum", digits=(12, 1))
    met = fields.Boolean(readonly=True)
    met_count = fields.Integer(
        string="Requirements Met", readonly=True, aggregator="sum"
    )
    missed_count = fields.Integer(
        string="Requirements Missed", readonly=True, aggregator="sum"
    )
    contacts = fields.Float(
        string="Calls Made",
        readonly=True,
        aggregator="sum",
        digits=(12, 0),
        help="Customers contacted: the phone and online contacts made to them.",
    )
    in_progress = fields.Boolean(
        readonly=True,
        help="The week or month is still running: neither met nor missed yet.",
    )
    field_method = fields.Selection(
        [("field_days", "Field Days"), ("day_out", "Day Out")],
        string="Field Time Counted As",
        readonly=True,
        help="How the share of time in the field was measured (Settings).",
    )

    @api.model
    def _lam_refresh(self, users, date_from, date_to):
        """Compute the rows of ``users`` for the days in [date_from, date_to]
        (up to yesterday) and the weeks and months touching it, and replace
        the stored ones."""
        days = list(
            self._lam_days(
                date_from,
                min(date_to, fields.Date.context_today(self) - timedelta(days=1)),
            )
        )
        weeks = sorted(
            {week_bounds(day)[0] for day in self._lam_days(date_from, date_to)}
        )
        months = sorted(
            {month_bounds(day)[0] for day in self._lam_days(date_from, date_to)}
        )
        start = min(weeks[0], months[0])
        end = max(weeks[-1] + timedelta(days=6), month_bounds(months[-1])[1])
        data = self._lam_data(users, start, end)
        rows = []
        for user in users:
            company = user.company_id
            working_days = data["working_days"][user.id]
            for day in days:
                if day in working_days:
                    rows += self._lam_day_rows(user, day, data, company)
            for monday in weeks:
                rows += self._lam_week_rows(user, monday, data, company)
            for first in months:
                rows += self._lam_month_rows(user, first, data, company)
        self._lam_replace_rows(users, date_from, date_to, weeks, months, rows)

    @api.model
    def _lam_replace_rows(self, users, date_from, date_to, weeks, months, rows):
        """Upsert the computed rows and drop the stored ones of the same
        managers and periods that are no longer computed, in two statements
        whatever their number: the rows are figures computed by the system,
        with no mail, no attachment and nothing computed on them. A row whose
        figures did not change is left as it is."""
        self.flush_model()
        payload = json.dumps(rows, default=str)
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM lam_scorecard s
                 WHERE s.user_id = ANY(%(users)s)
                   AND ((s.period = 'day'
                         AND s.date_from BETWEEN %(date_from)s AND %(date_to)s)
                        OR (s.period = 'week' AND s.date_from = ANY(%(weeks)s))
                        OR (s.period = 'month' AND s.date_from = ANY(%(months)s)))
                   AND NOT EXISTS (
                       SELECT 1
                         FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(
                              user_id int, period varchar, date_from date,
                              requirement varchar)
                        WHERE r.user_id = s.user_id AND r.period = s.period
                          AND r.date_from = s.date_from
                          AND r.requirement = s.requirement)
                """,
                users=users.ids,
                date_from=date_from,
                date_to=date_to,
                weeks=weeks,
                months=months,
                rows=payload,
            )
        )
        if rows:
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO lam_scorecard (
                           user_id, period, date_from, date_to, requirement, actual,
                           target, met, met_count, missed_count, contacts, in_progress,
                           field_method, create_uid, create_date, write_uid, write_date)
                    SELECT r.user_id, r.period, r.date_from, r.date_to, r.requirement,
                           r.actual, r.target, r.met, r.met_count, r.missed_count,
                           r.contacts, r.in_progress, r.field_method,
                           %(uid)s, NOW() AT TIME ZONE 'UTC',
                           %(uid)s, NOW() AT TIME ZONE 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(
                           user_id int, period varchar, date_from date, date_to date,
                           requirement varchar, actual float8, target float8,
                           met bool, met_count int, missed_count int, contacts float8,
                           in_progress bool, field_method varchar)
                        ON CONFLICT (user_id, period, date_from, requirement)
                        DO UPDATE SET date_to = EXCLUDED.date_to,
                                      actual = EXCLUDED.actual,
                                      target = EXCLUDED.target,
                                      met = EXCLUDED.met,
                                      met_count = EXCLUDED.met_count,
                                      missed_count = EXCLUDED.missed_count,
                                      contacts = EXCLUDED.contacts,
                                      in_progress = EXCLUDED.in_progress,
                                      field_method = EXCLUDED.field_method,
                                      write_uid = EXCLUDED.write_uid,
                                      write_date = EXCLUDED.write_date
                     WHERE (lam_scorecard.date_to, lam_scorecard.actual,
                            lam_scorecard.target, lam_scorecard.met,
                            lam_scorecard.contacts, lam_scorecard.in_progress,
                            lam_scorecard.field_method)
                           IS DISTINCT FROM (EXCLUDED.date_to, EXCLUDED.actual,
                                             EXCLUDED.target, EXCLUDED.met,
                                             EXCLUDED.contacts, EXCLUDED.in_progress,
                                             EXCLUDED.field_method)
                    """,
                    uid=self.env.uid,
                    rows=payload,
                )
            )
        self.invalidate_model()

    @api.model
    def _lam_days(self, date_from, date_to):
        day = date_from
        while day <= date_to:
            yield day
            day += timedelta(days=1)

    @api.model
    def _lam_row(
        self,
        user,
        period,
        date_from,
        date_to,
        requirement,
        actual,
        target,
        met=None,
        **extra,
    ):
        """A row; ``extra``: contacts, field_method, and ``compare``: the figure
        reaches its target when it is at least it ("min", the default), at most
        it ("max": customers lost) or above it ("above": new volume). A period
        still running is in progress unless met already (a ceiling, unless
        exceeded already): neither met nor missed."""
        compare = extra.get("compare", "min")
        reached = {
            "min": actual >= target,
            "max": actual <= target,
            "above": actual > target,
            "info": False,
        }[compare]
        # a deadline (plan, summary) is met or missed once due; a figure is judged
        # when its period ends
        in_progress = (
            met is None
            and (reached if compare == "max" else not reached)
            and date_to >= fields.Date.context_today(self)
        )
        met = reached if met is None else met
        if compare == "info":
            # a figure shown beside the requirements: neither met nor missed
            return {
                **self._lam_row(
                    user,
                    period,
                    date_from,
                    date_to,
                    requirement,
                    actual,
                    target,
                    met=False,
                ),
                "met_count": 0,
                "missed_count": 0,
            }
        return {
            "user_id": user.id,
            "period": period,
            "date_from": date_from,
            "date_to": date_to,
            "requirement": requirement,
            "actual": actual,
            "target": target,
            "met": met,
            "met_count": int(met),
            "missed_count": int(not met and not in_progress),
            "in_progress": in_progress,
            "contacts": extra.get("contacts", 0.0),
            "field_method": extra.get("field_method"),
        }

    @api.model
    def _lam_day_rows(self, user, day, data, company):
        key = (user.id, day)
        rows = [
            self._lam_row(
                user, "day", day, day, "work_log", float(key in data["logs"]), 1.0
            ),
            self._lam_row(
                user,
                "day",
                day,
                day,
                "calls",
                data["contacted"].get(key, 0),
                company.lam_target_daily_calls,
                contacts=data["calls"].get(key, 0),
            ),
        ]
        visited = data["visited"].get(key, 0)
        if visited:  # a field day: at least one visit done
            rows.append(
                self._lam_row(
                    user,
                    "day",
                    day,
                    day,
                    "field_day_customers",
                    visited,
                    company.lam_target_field_day_customers,
                )
            )
        return rows

    @api.model
    def _lam_week_rows(self, user, monday, data, company):
        sunday = monday + timedelta(days=6)
        week = [monday + timedelta(days=offset) for offset in range(7)]
        field_days = sum(1 for day in week if data["visited"].get((user.id, day)))
        reviews = sum(data["reviews"].get((user.id, day), 0) for day in week)
        rows = [
            self._lam_row(
                user,
                "week",
                monday,
                sunday,
                "field_days",
                field_days,
                company.lam_target_field_days_week,
            ),
            self._lam_row(
                user,
                "week",
                monday,
                sunday,
                "reviews",
                reviews,
                company.lam_target_reviews_week,
            ),
        ]
        return rows + self._lam_plan_rows(user, "week", monday, sunday, data)

    @api.model
    def _lam_month_rows(self, user, first, data, company):
        last = month_bounds(first)[1]
        hours = data["work_hours"].get((user.id, first), 0.0)
        field = data["field_hours"].get((user.id, first), 0.0)
        share = 100.0 * field / hours if hours else 0.0
        rows = [
            self._lam_row(
                user,
                "month",
                first,
                last,
                "field_share",
                round(share, 1),
                company.lam_target_field_share,
                field_method=company.lam_field_time_method,
            ),
            self._lam_row(
                user,
                "month",
                first,
                last,
                "purchases_checked",
                self._lam_month_total(data["checks"], user, first, last),
                data["work_days"].get((user.id, first), 0),
            ),
            self._lam_row(
                user,
                "month",
                first,
                last,
                "customers_lost",
                len(data["lost"].get((user.id, first), ())),
                0.0,
                compare="max",
            ),
            self._lam_row(
                user,
                "month",
                first,
                last,
                "new_volume",
                round(data["new_volume"].get((user.id, first), 0.0), 1),
                0.0,
                compare="above",
            ),
            self._lam_row(
                user,
                "month",
                first,
                last,
                "late_arrivals",
                self._lam_month_total(data["late"], user, first, last),
                0.0,
                compare="max",
            ),
            self._lam_row(
                user,
                "month",
                first,
                last,
                "logs_reviewed",
                self._lam_month_total(data["logs_reviewed"], user, first, last),
                self._lam_month_total(data["logs"], user, first, last),
                compare="info",
            ),
        ]
        rows += self._lam_credit_rows(user, first, last, data)
        return rows + self._lam_plan_rows(user, "month", first, last, data)

    @api.model
    def _lam_month_total(self, by_day, user, first, last):
        """The sum of a figure counted per (manager, day) over a month."""
        return sum(by_day.get((user.id, day), 0) for day in self._lam_days(first, last))

    @api.model
    def _lam_plan_rows(self, user, period, date_from, date_to, data):
        """Plan and summary of the period, once due: on time, late or missing."""
        plan = data["plans"].get((user.id, period, date_from))
        company = user.company_id
        plan_due, summary_due = plan_deadlines(
            period,
            date_from,
            int(company.lam_weekly_meeting_day or 0),
            company.lam_monthly_deadline_days,
        )
        today = fields.Date.context_today(self)
        rows = []
        for requirement, due, on_time_field in (
            ("plan_on_time", plan_due, "plan_on_time"),
            ("summary_on_time", summary_due, "summary_on_time"),
        ):
            on_time = bool(plan and plan[on_time_field])
            if due >= today and not on_time:
                continue  # not due yet
            rows.append(
                self._lam_row(
                    user,
                    period,
                    date_from,
                    date_to,
                    requirement,
                    float(on_time),
                    1.0,
                    on_time,
                )
            )
        return rows

    @api.model
    def _lam_data(self, users, start, end):
        """Everything the rows need, in one grouped query per kind of record."""

        def grouped(model, day_field, aggregate, domain=()):
            result = (
                self.env[model]
                # as the system: counts for the managers the caller may see, not the
                # records themselves
                .sudo()
                ._read_group(
                    [
                        ("user_id", "in", users.ids),
                        (day_field, ">=", start),
                        (day_field, "<=", end),
                        *domain,
                    ],
                    ["user_id", f"{day_field}:day"],
                    [aggregate],
                )
            )
            return {
                (user.id, fields.Date.to_date(day)): value
                for user, day, value in result
            }

        plans = (
            self.env["lam.plan"]
            # as the system: the plans' figures for the managers the caller may see
            .sudo()
            .search_read(
                [
                    ("user_id", "in", users.ids),
                    ("date_from", ">=", start - timedelta(days=31)),
                    ("date_from", "<=", end),
                ],
                [
                    "user_id",
                    "period_type",
                    "date_from",
                    "plan_due",
                    "summary_due",
                    "plan_on_time",
                    "summary_on_time",
                ],
            )
        )
        calendar = self._lam_calendar_data(users, start, end)
        field_hours = defaultdict(float)
        for (user_id, day), hours in self._lam_field_day_hours(
            users, start, end, calendar["day_hours"]
        ).items():
            field_hours[user_id, month_bounds(day)[0]] += hours
        phoned = [("channel", "in", ("phone", "online"))]
        return {
            **self._lam_progress_data(users, start, end),
            **self._lam_credit_data(users, start, end),
            "logs": grouped("lam.work.log", "date", "__count"),
            "logs_reviewed": grouped(
                "lam.work.log", "date", "__count", [("reviewed_on", "!=", False)]
            ),
            "calls": grouped("lam.communication", "day", "__count", phoned),
            "contacted": grouped(
                "lam.communication", "day", "partner_id:count_distinct", phoned
            ),
            "visited": grouped(
                "lam.visit",
                "visit_date",
                "partner_id:count_distinct",
                [("state", "in", ("done", "reported"))],
            ),
            # Art. 35.5: arrived after the margin before the appointment
            "late": grouped(
                "lam.visit",
                "visit_date",
                "__count",
                [("state", "in", ("done", "reported")), ("is_late", "=", True)],
            ),
            "reviews": grouped("lam.archive.review", "day", "__count"),
            "checks": grouped("lam.purchase.check", "date", "__count"),
            "field_hours": field_hours,
            "plans": {
                (plan["user_id"][0], plan["period_type"], plan["date_from"]): plan
                for plan in plans
            },
            **calendar,
        }

    @api.model
    def _lam_credit_rows(self, user, first, last, data):
        """Credit customers (Art. 22.5) who had the credit follow-up visits the
        shipped cadence asks for in the month, out of the manager's credit
        customers (as they are now: lam_is_credit_customer)."""
        customers = data["credit_customers"].get(user.id)
        if not customers or not data["credit_visits_min"]:
            return []
        followed = sum(
            1
            for partner_id in customers
            if data["credit_visits"].get((user.id, partner_id, first), 0)
            >= data["credit_visits_min"]
        )
        return [
            self._lam_row(
                user,
                "month",
                first,
                last,
                "credit_visits",
                followed,
                len(customers),
            )
        ]

    @api.model
    def _lam_credit_data(self, users, start, end):
        """The managers' credit customers (one search per company), their credit
        visits per month (one grouped query) and the visits a month the active
        credit cadence asks for."""
        rule = (
            self.env["lam.cadence.rule"]
            # as the system: the cadences are the administrators' configuration
            .sudo()
            .search(
                [("contact_type", "=", "credit_visit"), ("period_type", "=", "month")],
                order="min_count desc",
                limit=1,
            )
        )
        by_company = defaultdict(lambda: self.env["res.users"])
        for user in users:
            by_company[user.company_id] |= user
        credit_customers = defaultdict(set)
        for company, company_users in by_company.items():
            for customer in (
                self.env["res.partner"]
                # as the system: the figures of the managers the caller may see
                .sudo()
                .with_company(company)
                .search(
                    [
                        ("user_id", "in", company_users.ids),
                        ("is_company", "=", True),
                        ("lam_is_credit_customer", "=", True),
                    ]
                )
            ):
                credit_customers[customer.user_id.id].add(customer.id)
        visits = (
            self.env["lam.visit"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("purpose", "=", "credit"),
                    ("state", "in", ("done", "reported")),
                    ("visit_date", ">=", start),
                    ("visit_date", "<=", end),
                ],
                ["user_id", "partner_id", "visit_date:month"],
                ["__count"],
            )
        )
        return {
            "credit_customers": credit_customers,
            "credit_visits_min": rule.min_count,
            "credit_visits": {
                (user.id, partner.id, fields.Date.to_date(month)): count
                for user, partner, month, count in visits
            },
        }

    @api.model
    def _lam_progress_data(self, users, start, end):
        """{"lost": {(user id, month): customer ids}, "new_volume": {(user id,
        month): volume}}: the monthly progress of the users' customers, one
        purchases-service call per company."""
        months = sorted({month_bounds(day)[0] for day in self._lam_days(start, end)})
        customers = self.env["lam.plan"]._lam_customers_of(users)
        lost, new_volume = {}, defaultdict(float)
        by_company = defaultdict(lambda: self.env["res.users"])
        for user in users:
            by_company[user.company_id] |= user
        for company, company_users in by_company.items():
            mine = customers.filtered(
                lambda customer, company_users=company_users: customer.user_id
                in company_users
            )
            progress = (
                self.env["lam.purchase.analysis"]
                # as the system: figures of the managers the caller may see
                .sudo()
                ._lam_month_progress(mine, months, company)
            )
            managers = {customer.id: customer.user_id.id for customer in mine}
            for month, values in progress.items():
                for partner_id in values["lost"]:
                    lost.setdefault((managers[partner_id], month), set()).add(
                        partner_id
                    )
                for partner_id, volume in values["new"].items():
                    new_volume[managers[partner_id], month] += volume
        return {"lost": lost, "new_volume": new_volume}

    @api.model
    def _lam_field_day_hours(self, users, start, end, day_hours):
        """{(user id, day): hours in the field} on the days with a visit done,
        as the company's setting counts them (one grouped query):

        - field days: the manager's working hours that day;
        - day out: from leaving for the first visit (its check-in, or its planned
          start, less the travel to it: from the departure time it records, or
          the setting) to the last check-out plus the way back; a day without any
          check-out counts the visits' planned durations.
        """
        # as the system: the figures of the managers the caller may see
        days = (
            self.env["lam.visit"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("visit_date", ">=", start),
                    ("visit_date", "<=", end),
                    ("state", "in", ("done", "reported")),
                ],
                ["user_id", "visit_date:day"],
                [
                    "checkin_time:min",
                    "planned_start:min",
                    "checkout_time:max",
                    "departure_time:min",
                    "planned_duration:sum",
                ],
            )
        )
        result = {}
        for user, day, checkin, planned, checkout, departure, planned_hours in days:
            day = fields.Date.to_date(day)
            company = user.company_id
            if company.lam_field_time_method == "field_days":
                result[user.id, day] = day_hours.get((user.id, day), 0.0)
                continue
            first = checkin or planned
            if not checkout or not first or checkout <= first:
                result[user.id, day] = planned_hours
                continue
            travel = company.lam_field_travel_hours
            if departure and departure < first:
                travel = (first - departure).total_seconds() / 3600
            result[user.id, day] = (
                checkout - first
            ).total_seconds() / 3600 + 2 * travel
        return result

    @api.model
    def _lam_calendar_data(self, users, start, end):
        """Working days and working hours per month of each manager, from
        his working calendar (the company's when he has none), computed once
        per calendar, not per manager."""
        by_calendar = defaultdict(lambda: self.env["res.users"])
        for user in users:
            by_calendar[
                user.resource_calendar_id or user.company_id.resource_calendar_id
            ] |= user
        working_days, work_hours, work_days, day_hours = {}, {}, {}, {}
        months = sorted({month_bounds(day)[0] for day in self._lam_days(start, end)})
        for calendar, calendar_users in by_calendar.items():
            by_day = working_hours_by_day(
                calendar, months[0], month_bounds(months[-1])[1]
            )
            # the days worked: the calendar's, its public holidays off and its
            # make-up days (调休) on; Monday to Friday without a calendar
            weekdays = (
                {day for day, value in by_day.items() if value > 0}
                if calendar
                else {
                    day
                    for day in self._lam_days(months[0], month_bounds(months[-1])[1])
                    if day.weekday() < 5
                }
            )
            hours, days = defaultdict(float), defaultdict(int)
            for day, value in by_day.items():
                hours[month_bounds(day)[0]] += value
                days[month_bounds(day)[0]] += value > 0
            for user in calendar_users:
                working_days[user.id] = weekdays
                work_hours.update({(user.id, first): hours[first] for first in months})
                work_days.update({(user.id, first): days[first] for first in months})
                day_hours.update(
                    {(user.id, day): value for day, value in by_day.items()}
                )
        return {
            "working_days": working_days,
            "work_hours": work_hours,
            "work_days": work_days,
            "day_hours": day_hours,
        }

    @api.model
    def _cron_refresh(self):
        """Daily: this week and month, and the last ones (late plans and summaries
        change them)."""
        today = fields.Date.context_today(self)
        managers = self.env["res.users"]._lam_account_managers()
        start = min(
            week_bounds(today - timedelta(weeks=1))[0],
            month_bounds(today - timedelta(days=today.day))[0],
        )
        self._lam_refresh(managers, start, today)

    @api.model
    def action_lam_open(self):
        """Refresh the last two months of the scorecards the user may see, and open
        them."""
        if not self.env.user.has_group("lubricant_account_manager.group_lam_user"):
            raise AccessError(
                self.env._(
                    "The scorecards are for account managers and their department "
                    "managers."
                )
            )
        today = fields.Date.context_today(self)
        users = (
            self.env.user._lam_reportable_managers()
            & self.env["res.users"]._lam_account_managers()
        )
        self._lam_refresh(
            users, month_bounds(today - timedelta(days=today.day))[0], today
        )
        return self.env["ir.actions.act_window"]._for_xml_id(
            "lubricant_account_manager.lam_scorecard_action"
        )

    @api.depends("user_id", "period", "date_from", "requirement")
    def _compute_display_name(self):
        labels = dict(self._fields["requirement"]._description_selection(self.env))
        for row in self:
            row.display_name = _(
                "%(user)s, %(date)s: %(requirement)s",
                user=row.user_id.name or "",
                date=row.date_from or "",
                requirement=labels.get(row.requirement, ""),
            )
