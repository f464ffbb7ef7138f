# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import MODULE, LamCommon

D = datetime.date


def utc(day, hour):
    """Shanghai wall-clock time as the naive UTC datetime Odoo stores."""
    return datetime.datetime.combine(day, datetime.time(hour)) - datetime.timedelta(
        hours=8
    )


class LamCadenceCase(LamCommon):
    """Two rules of our own (the shipped ones archived): a weekly call to every
    customer, and a monthly visit. Customers exist since 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.manager_a, cls.manager_b, cls.manager_c):
            user.tz = "Asia/Shanghai"
        cls.env["lam.cadence.rule"].search([]).active = False
        cls.call_rule = cls.env["lam.cadence.rule"].create(
            {
                "name": "Call weekly",
                "contact_type": "call",
                "min_count": 1,
                "period_type": "days",
                "period_length": 7,
                "activity_type_id": cls.env.ref(
                    f"{MODULE}.mail_activity_type_lam_cadence_call"
                ).id,
                "note": "Call the customer",
            }
        )
        cls.visit_rule = cls.env["lam.cadence.rule"].create(
            {
                "name": "Visit monthly",
                "contact_type": "visit",
                "min_count": 1,
                "period_type": "month",
                "period_length": 1,
                "window": "calendar",
                "activity_type_id": cls.env.ref(
                    f"{MODULE}.mail_activity_type_lam_cadence_visit"
                ).id,
            }
        )
        cls.customers = cls.customer_a | cls.customer_b | cls.customer_c
        cls._age(cls.customers)
        cls.Engine = cls.env["lam.cadence.engine"]

    @classmethod
    def _age(cls, partners):
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = '2025-01-01' WHERE id = ANY(%s)",
            [partners.ids],
        )
        partners.invalidate_recordset(["create_date"])

    def _run(self, day, hour=4):
        with freeze_time(datetime.datetime.combine(day, datetime.time(hour))):
            self.Engine._cron_enforce_cadences()
            self.env.flush_all()

    def _activities(self, partner, rule=None, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("active", "=", active),
                    ("lam_cadence_rule_id", "=", (rule or self.call_rule).id),
                ]
            )
        )

    def _status(self, partner, rule=None):
        return self.env["lam.cadence.status"].search(
            [
                ("partner_id", "=", partner.id),
                ("rule_id", "=", (rule or self.call_rule).id),
            ]
        )

    @classmethod
    def _call(cls, partner, day, user=None, channel="phone"):
        return (
            cls.env["lam.communication"]
            .with_user(user or partner.user_id)
            .create(
                {
                    "partner_id": partner.id,
                    "channel": channel,
                    "date": utc(day, 10),
                    "summary": "Oil plan",
                }
            )
        )

    @classmethod
    def _visit(cls, partner, day, purpose="follow_up"):
        visit = (
            cls.env["lam.visit"]
            .with_user(partner.user_id)
            .create(
                {
                    "partner_id": partner.id,
                    "planned_start": utc(day, 9),
                    "purpose": purpose,
                    "next_visit_date": day + datetime.timedelta(days=30),
                }
            )
        )
        visit.action_done()
        return visit


@tagged("post_install", "-at_install")
class TestCadenceRules(LamCadenceCase):
    def _facts(self, **values):
        return {
            "company_id": self.company.id,
            "kind": "terminal",
            "size": "large",
            "grade": "a",
            "credit": False,
            "category": "maintenance",
            "stage": "active",
            "via_dealer": False,
            **values,
        }

    def test_shipped_rules_select_their_customers(self):
        def rule(xmlid):
            return self.env.ref(f"{MODULE}.lam_cadence_rule_{xmlid}")

        cases = [
            ("visit_a", {}, True),
            ("visit_a", {"grade": "b"}, False),
            ("visit_a", {"kind": "prospect"}, False),
            ("visit_b", {"grade": "b"}, True),
            ("visit_b", {"grade": False}, False),
            ("call_ab", {"grade": "b"}, True),
            ("call_ab", {"grade": "c"}, False),
            ("credit_visit", {"credit": True, "grade": False}, True),
            ("credit_visit", {}, False),
            ("key_person", {"size": "medium"}, True),
            ("key_person", {"size": "small"}, False),
            ("key_person", {"kind": "dealer"}, False),
            ("review_quarterly", {"grade": "c", "kind": "prospect"}, True),
            ("review_a", {"grade": "a"}, True),
            ("review_a", {"grade": "c"}, False),
            # issue 18, item 10: prospects on the target list, dealers' customers
            ("visit_target", {"kind": "prospect", "grade": False}, False),
            (
                "visit_target",
                {"kind": "prospect", "grade": False, "stage": "target"},
                True,
            ),
            ("visit_target", {"grade": "c", "stage": "target"}, True),
            ("visit_target", {"kind": "dealer", "stage": "target"}, False),
            ("visit_dealer_customer", {"grade": False, "category": "channel"}, False),
            (
                "visit_dealer_customer",
                {"grade": False, "category": "channel", "via_dealer": True},
                True,
            ),
            (
                "visit_dealer_customer",
                {"grade": False, "category": "maintenance", "via_dealer": True},
                False,
            ),
        ]
        for xmlid, values, expected in cases:
            with self.subTest(rule=xmlid, facts=values):
                self.assertEqual(
                    rule(xmlid)._lam_applies(self._facts(**values)), expected
                )
        self.call_rule.manager_category = "channel"
        self.assertFalse(self.call_rule._lam_applies(self._facts()))
        self.assertTrue(self.call_rule._lam_applies(self._facts(category="channel")))
        with self.assertRaisesRegex(ValidationError, "selects no customer"):
            self.call_rule.write(
                {"kind_terminal": False, "kind_dealer": False, "kind_prospect": False}
            )
        with self.assertRaisesRegex(ValidationError, "too large"):
            self.call_rule.write({"min_count": 2**40})
        with self.assertRaises(AccessError):
            self.call_rule.with_user(self.manager_a).min_count = 3

    def test_a_target_and_a_dealer_s_customer_get_their_visits(self):
        """Issue 18, item 10, end to end: with the shipped rules, a prospect on
        the target list gets a visit activity; a dealer's terminal customer gets
        his quarterly visit, for the channel manager."""
        target_rule = self.env.ref(f"{MODULE}.lam_cadence_rule_visit_target")
        dealer_rule = self.env.ref(f"{MODULE}.lam_cadence_rule_visit_dealer_customer")
        (target_rule | dealer_rule).active = True
        prospect = self.env["res.partner"].create(
            {
                "name": "Zijin Target",
                "is_company": True,
                "lam_customer_kind": "prospect",
                "lam_stage": "target",
                "user_id": self.manager_a.id,
            }
        )
        dealer = self.env["res.partner"].create(
            {
                "name": "Lurun Dealer",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": self.manager_c.id,
            }
        )
        served = self.env["res.partner"].create(
            {
                "name": "Weifang Workshop",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_dealer_id": dealer.id,
                "user_id": self.manager_c.id,
            }
        )
        self._age(prospect | dealer | served)
        self._run(datetime.date(2026, 11, 10))
        self.assertEqual(
            self._activities(prospect, target_rule).user_id, self.manager_a
        )
        self.assertEqual(self._activities(served, dealer_rule).user_id, self.manager_c)
        self.assertFalse(self._activities(dealer, dealer_rule))
        self.assertFalse(self._activities(self.customer_a, target_rule))

    def test_calendar_periods_and_rolling_windows(self):
        rule = self.visit_rule
        self.assertEqual(rule._lam_period_start(D(2026, 11, 20)), D(2026, 11, 1))
        rule.period_length = 2
        self.assertEqual(rule._lam_period_start(D(2026, 12, 20)), D(2026, 11, 1))
        self.assertEqual(rule._lam_period_start(D(2027, 1, 5)), D(2027, 1, 1))
        rule.write({"period_type": "week", "period_length": 1})
        self.assertEqual(rule._lam_period_start(D(2026, 11, 22)), D(2026, 11, 16))
        self.assertEqual(
            self.call_rule._lam_period_start(D(2026, 11, 20)), D(2026, 11, 14)
        )

    def test_every_two_months_in_a_rolling_window(self):
        """Issue 18, item 5: "every two months" means never more than two
        months apart (rolling, the default); calendar pairs let a visit on
        1 January and the next on 30 April both count as on time."""
        b_rule = self.visit_rule.copy(
            {"name": "B every two months", "period_length": 2, "window": "rolling"}
        )
        self.visit_rule.active = False
        a = self.customer_a
        self._visit(a, D(2027, 1, 1))
        self._run(D(2027, 2, 28))
        self.assertTrue(self._status(a, b_rule).covered)
        self._run(D(2027, 3, 15))
        status = self._status(a, b_rule)
        self.assertEqual(
            (status.covered, status.overdue, status.since, status.deadline),
            (False, True, D(2027, 3, 1), D(2027, 3, 1)),
        )
        self.assertEqual(b_rule.description, "1 in any 2 months")
        # the same rule on calendar pairs (January-February, March-April): due by
        # 30 April, not overdue
        b_rule.window = "calendar"
        self._run(D(2027, 3, 15))
        status = self._status(a, b_rule)
        self.assertEqual(
            (status.covered, status.overdue, status.since, status.deadline),
            (False, False, D(2027, 3, 1), D(2027, 4, 30)),
        )
        self.assertEqual(b_rule.description, "1 per 2 calendar months")
        self.assertEqual(
            self.env.ref(f"{MODULE}.lam_cadence_rule_review_quarterly").window,
            "rolling",
        )

    def test_an_overdue_archive_is_its_review_cadence_not_met(self):
        """Issue 18, item 4: the overdue flag and the review cadence read the
        same reviews: the flag is the cadence's status, and a review recorded
        updates both at once."""
        review_rule = self.env.ref(f"{MODULE}.lam_cadence_rule_review_quarterly")
        review_rule.active = True
        a = self.customer_a
        Review = self.env["lam.archive.review"].sudo()
        Review.create(
            {"partner_id": a.id, "date": utc(D(2026, 7, 20), 10), "updated": "Prices"}
        )
        self._run(D(2026, 10, 19))
        self.assertTrue(self._status(a, review_rule).covered)
        self.assertFalse(a.lam_review_overdue)
        self._run(D(2026, 10, 21))
        self.assertFalse(self._status(a, review_rule).covered)
        self.assertTrue(a.lam_review_overdue)
        self.assertIn(
            a, self.env["res.partner"].search([("lam_review_overdue", "=", True)])
        )
        with freeze_time(datetime.datetime(2026, 10, 21, 4)):
            a.with_user(self.manager_a).action_lam_mark_reviewed()
        self.assertTrue(self._status(a, review_rule).covered)
        self.assertFalse(a.lam_review_overdue)
        self.assertNotIn(
            a, self.env["res.partner"].search([("lam_review_overdue", "=", True)])
        )


@tagged("post_install", "-at_install")
class TestCadenceEnforcement(LamCadenceCase):
    def test_a_logged_contact_clears_its_reminder_at_once(self):
        """Issue 19, item 3: a call logged, or a visit done, closes the reminder
        it satisfies at once, with its feedback, and the compliance reads it,
        without waiting for the nightly run."""
        a = self.customer_a
        self._call(a, D(2026, 11, 10))
        self._run(D(2026, 11, 20))
        call_activity = self._activities(a)
        visit_activity = self._activities(a, self.visit_rule)
        self.assertTrue(call_activity.active and visit_activity.active)
        with freeze_time("2026-11-20 06:00:00"):
            self._call(a, D(2026, 11, 20))
        self.assertFalse(call_activity.active)
        self.assertEqual(
            call_activity.lam_cadence_feedback, "Covered: the contact was logged."
        )
        self.assertTrue(self._status(a).covered)
        self.assertTrue(visit_activity.active)
        with freeze_time("2026-11-20 07:00:00"):
            self._visit(a, D(2026, 11, 20))
        self.assertFalse(visit_activity.active)
        self.assertTrue(self._status(a, self.visit_rule).covered)

    def test_early_in_the_month_a_running_period_is_in_progress(self):
        """Issue 19, item 17: on 3 November a monthly visit not made yet is in
        progress, neither 0 % on time nor overdue; a customer visited in the
        month is on time; the share counts only the customers judged."""
        a, b = self.customer_a, self.customer_b
        self._visit(b, D(2026, 11, 2))
        self._visit(a, D(2026, 10, 5))
        self._run(D(2026, 11, 3))
        status_a = self._status(a, self.visit_rule)
        self.assertEqual(
            (status_a.covered, status_a.overdue, status_a.in_progress_count),
            (False, False, 1),
        )
        self.assertFalse(status_a.on_time)
        groups = self.env["lam.cadence.status"]._read_group(
            [("rule_id", "=", self.visit_rule.id), ("partner_id", "in", (a | b).ids)],
            [],
            ["on_time:avg", "in_progress_count:sum", "overdue_count:sum"],
        )
        self.assertEqual(groups, [(100.0, 1, 0)])
        # the in-progress column is a checkbox, searchable like a stored one
        self.assertTrue(status_a.in_progress)
        Status = self.env["lam.cadence.status"]
        scope = [
            ("rule_id", "=", self.visit_rule.id),
            ("partner_id", "in", (a | b).ids),
        ]
        self.assertEqual(Status.search(scope + [("in_progress", "=", True)]), status_a)
        self.assertNotIn(status_a, Status.search(scope + [("in_progress", "!=", True)]))

    def test_the_manager_follows_his_reminded_customer_once(self):
        """Issue 22: the reminders' managers follow their customers as an
        activity's creation makes them (the default subtypes of an internal
        user), written together; a follower already there keeps his own
        subtypes, and nobody follows twice."""
        a, b = self.customer_a, self.customer_b
        Followers = self.env["mail.followers"]
        mine = Followers.search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", b.id),
                ("partner_id", "=", self.manager_b.partner_id.id),
            ]
        )
        if not mine:
            b.message_subscribe(partner_ids=self.manager_b.partner_id.ids)
            mine = Followers.search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", b.id),
                    ("partner_id", "=", self.manager_b.partner_id.id),
                ]
            )
        comment = self.env.ref("mail.mt_comment")
        mine.subtype_ids = comment
        a.message_unsubscribe(partner_ids=self.manager_a.partner_id.ids)
        self._run(D(2026, 11, 20))
        self._run(D(2026, 11, 27))
        self.assertTrue(self._activities(a) and self._activities(b))
        follower_a = Followers.search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", a.id),
                ("partner_id", "=", self.manager_a.partner_id.id),
            ]
        )
        self.assertEqual(len(follower_a), 1)
        self.assertEqual(
            follower_a.subtype_ids,
            self.env["mail.message.subtype"].default_subtypes("res.partner")[0],
        )
        self.assertIn(self.manager_a.partner_id, a.message_partner_ids)
        self.assertEqual(mine.subtype_ids, comment)

    def test_one_activity_while_uncovered_closed_once_covered(self):
        a = self.customer_a
        self._call(a, D(2026, 11, 10))
        self._run(D(2026, 11, 20))
        activity = self._activities(a)
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            (activity.user_id, activity.date_deadline),
            (self.manager_a, D(2026, 11, 17)),
        )
        self.assertEqual(activity.summary, "Call weekly: uncovered since 2026-11-17")
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref(f"{MODULE}.mail_activity_type_lam_cadence_call"),
        )
        status = self._status(a)
        self.assertEqual(
            (status.covered, status.overdue, status.since, status.count),
            (False, True, D(2026, 11, 17), 0),
        )

        # twice: nothing changes
        def statuses_now():
            return sorted(
                (row.partner_id.id, row.rule_id.id, row.covered, row.deadline)
                for row in self.env["lam.cadence.status"].search([])
            )

        statuses = statuses_now()
        rows = self.env["lam.cadence.status"].search([])
        self._run(D(2026, 11, 20), hour=5)
        self.assertEqual(self._activities(a), activity)
        self.assertEqual(statuses_now(), statuses)
        # issue 22: the same rows, not rewritten
        self.assertEqual(self.env["lam.cadence.status"].search([]), rows)
        # an email is no phone call; a call is
        self._call(a, D(2026, 11, 20), channel="email")
        self._run(D(2026, 11, 20), hour=6)
        self.assertTrue(activity.active)
        self._call(a, D(2026, 11, 20))
        self._run(D(2026, 11, 21))
        self.assertFalse(activity.active)
        self.assertEqual(
            activity.lam_cadence_feedback, "Covered: the contact was logged."
        )
        self.assertEqual(activity.date_done, D(2026, 11, 21))
        self.assertFalse(self._activities(a))
        self.assertEqual((self._status(a).covered, self._status(a).count), (True, 1))
        # a week later the customer is due again: a new activity
        self._run(D(2026, 11, 28))
        self.assertEqual(
            self._activities(a).summary, "Call weekly: uncovered since 2026-11-27"
        )

    def test_month_boundaries(self):
        a = self.customer_a
        self._visit(a, D(2026, 10, 31))
        self._run(D(2026, 10, 31), hour=12)
        self.assertTrue(self._status(a, self.visit_rule).covered)
        self.assertFalse(self._activities(a, self.visit_rule))
        # the 1st of November: due by the end of the month, not overdue
        self._run(D(2026, 11, 1))
        activity = self._activities(a, self.visit_rule)
        self.assertEqual(activity.date_deadline, D(2026, 11, 30))
        self.assertEqual(
            (
                self._status(a, self.visit_rule).overdue,
                self._status(a, self.visit_rule).since,
            ),
            (False, D(2026, 11, 1)),
        )
        # the 1st of December, still no visit in November: overdue since November
        self._run(D(2026, 12, 1))
        status = self._status(a, self.visit_rule)
        self.assertEqual(
            (status.overdue, status.since, status.deadline),
            (True, D(2026, 11, 1), D(2026, 11, 30)),
        )
        self.assertEqual(
            self._activities(a, self.visit_rule), activity
        )  # still the one activity

    def test_rules_that_no_longer_apply_close_their_activities(self):
        self._run(D(2026, 11, 20))
        activity = self._activities(self.customer_b)
        self.assertTrue(activity)
        self.call_rule.kind_dealer = False  # customer B is a dealer
        self._run(D(2026, 11, 20), hour=5)
        self.assertFalse(activity.active)
        self.assertEqual(
            activity.lam_cadence_feedback,
            "The cadence rule no longer applies to this customer.",
        )
        self.assertFalse(self._status(self.customer_b))
        self.visit_rule.active = False
        self._run(D(2026, 11, 20), hour=6)
        self.assertFalse(self._activities(self.customer_a, self.visit_rule))
        self.assertFalse(self._status(self.customer_a, self.visit_rule))

    def test_one_message_per_manager_and_run(self):
        def messages():
            return self.env["mail.message"].search_count(
                [
                    ("partner_ids", "in", self.manager_a.partner_id.ids),
                    ("subject", "=", "Customers due a contact"),
                ]
            )

        before = messages()
        a2 = self.env["res.partner"].create(
            {
                "name": "Second",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        self._age(a2)
        self._run(D(2026, 11, 20))
        self.assertEqual(messages(), before + 1)
        self.assertEqual(
            len(
                self.env["mail.activity"].search(
                    [
                        ("user_id", "=", self.manager_a.id),
                        ("lam_cadence_rule_id", "!=", False),
                    ]
                )
            ),
            4,
        )
        self._run(D(2026, 11, 20), hour=5)  # nothing new: no message
        self.assertEqual(messages(), before + 1)

    def test_batches_report_their_progress(self):
        self.company.lam_cadence_batch_size = 10
        self.call_rule.kind_prospect = True
        cron = self.env.ref(f"{MODULE}.ir_cron_lam_enforce_cadences")
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": cron.id, "remaining": 0, "done": 0}
        )
        total = self.env["res.partner"].search_count(self.Engine._lam_customer_domain())
        with freeze_time("2026-11-20 04:00:00"):
            self.Engine.with_context(
                ir_cron_progress_id=progress.id, cron_id=cron.id
            )._cron_enforce_cadences()
        self.assertEqual((progress.done, progress.remaining), (10, total - 10))
        self.assertTrue(
            self.env["lam.cron.progress"]._lam_get(
                "lubricant_account_manager.cadence_cursor"
            )
        )
        for _batch in range((total - 10 + 9) // 10):
            with freeze_time("2026-11-20 04:00:00"):
                self.Engine.with_context(
                    ir_cron_progress_id=progress.id, cron_id=cron.id
                )._cron_enforce_cadences()
        self.assertEqual(progress.remaining, 0)
        self.assertFalse(
            self.env["lam.cron.progress"]._lam_get(
                "lubricant_account_manager.cadence_cursor"
            )
        )
        self.assertEqual(
            self.env["lam.cadence.status"].search_count(
                [("rule_id", "=", self.call_rule.id)]
            ),
            total,
        )

    def test_run_manually_runs_to_the_end(self):
        """Issue 22: "Run Manually" (a progress record, no scheduler) goes
        through every batch, as the scheduler does over its calls."""
        self.company.lam_cadence_batch_size = 10
        self.call_rule.kind_prospect = True
        cron = self.env.ref(f"{MODULE}.ir_cron_lam_enforce_cadences")
        total = self.env["res.partner"].search_count(self.Engine._lam_customer_domain())
        self.assertGreater(total, 10)
        with freeze_time("2026-11-20 04:00:00"):
            cron.method_direct_trigger()
        self.assertFalse(
            self.env["lam.cron.progress"]._lam_get(
                "lubricant_account_manager.cadence_cursor"
            )
        )
        self.assertEqual(
            self.env["lam.cadence.status"].search_count(
                [("rule_id", "=", self.call_rule.id)]
            ),
            total,
        )

    def test_dashboard_isolation(self):
        self._run(D(2026, 11, 20))
        Status = self.env["lam.cadence.status"]
        self.assertEqual(
            Status.with_user(self.manager_a).search([]).user_id, self.manager_a
        )
        self.assertEqual(
            Status.with_user(self.department_manager).search([]).user_id,
            self.manager_a | self.manager_b,
        )
        self.assertEqual(
            Status.with_user(self.other_department_manager).search([]).user_id,
            self.manager_c,
        )
        row = Status.with_user(self.manager_a).search([], limit=1)
        with self.assertRaises(AccessError):
            row.with_user(self.manager_b).read(["covered"])
        with self.assertRaises(AccessError):
            row.with_user(self.manager_a).write({"covered": True})
        with self.assertRaises(AccessError):
            Status.with_user(self.finance).search([])
        groups = Status.with_user(self.department_manager)._read_group(
            [("rule_id", "=", self.call_rule.id)],
            ["user_id"],
            ["__count", "on_time:avg", "overdue_count:sum"],
        )
        self.assertEqual(
            {user: count for user, count, _share, _overdue in groups},
            {self.manager_a: 1, self.manager_b: 1},
        )


@tagged("post_install", "-at_install")
class TestCadenceScale(LamCadenceCase):
    """The enforcement of a batch costs the same queries for 60 customers as
    for 20: customers with orders in several units, visits and calls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.groups = []
        for size in (20, 60):
            partners = cls.env["res.partner"].create(
                [
                    {
                        "name": f"Scale {size} {index}",
                        "is_company": True,
                        "lam_customer_kind": "terminal",
                        "lam_size": ("large", "medium", "small")[index % 3],
                        "user_id": (cls.manager_a if index % 2 else cls.manager_b).id,
                    }
                    for index in range(size)
                ]
            )
            cls._age(partners)
            for index, partner in enumerate(partners):
                cls._create_order(
                    partner,
                    [
                        (cls.hydraulic_oil, 100.0),
                        (cls.grease, 10.0),
                        (cls.bulk_oil, 0.2),
                    ],
                    "2026-10-10 02:00:00",
                )
                if index % 3:
                    cls._call(partner, D(2026, 11, 12 + index % 5))
                if index % 4 == 0:
                    cls._visit(partner, D(2026, 11, 3 + index % 7))
            cls.groups.append(partners)

    def test_queries_do_not_grow_with_customers(self):
        small, large = self.groups
        today = D(2026, 11, 20)
        with freeze_time("2026-11-20 04:00:00"):
            self.Engine._lam_enforce(self.customer_a, today)  # warm the caches
            for_small = self._lam_query_count(self.Engine._lam_enforce, small, today)
            self.env.invalidate_all()
            with self.assertQueryCount(for_small):
                self.Engine._lam_enforce(large, today)
        created = self.env["mail.activity"].search(
            [
                ("res_id", "in", large.ids),
                ("res_model", "=", "res.partner"),
                ("lam_cadence_rule_id", "!=", False),
            ]
        )
        # every customer without a call since 14 November, every customer without a
        # visit in November
        self.assertEqual(
            len(
                created.filtered(lambda act: act.lam_cadence_rule_id == self.call_rule)
            ),
            len([i for i in range(60) if not (i % 3 and 12 + i % 5 >= 14)]),
        )
        self.assertEqual(
            len(
                created.filtered(lambda act: act.lam_cadence_rule_id == self.visit_rule)
            ),
            len([i for i in range(60) if i % 4]),
        )
