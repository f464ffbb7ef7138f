# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 18, the standard's measures that were missing: the daily check of
P7 (item 15), customers lost and new volume (item 11), key customers whose
volume moved (item 12), cadences of prospects and dealers' customers and the
dealers' own ranking (item 10), coverage that drives work (item 16)."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MODULE, LamCommon

NOVEMBER = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestMeasures(LamCommon):
    def _month_row(self, user, first, requirement):
        return self.env["lam.scorecard"].search(
            [
                ("user_id", "=", user.id),
                ("period", "=", "month"),
                ("date_from", "=", first),
                ("requirement", "=", requirement),
            ]
        )

    def test_the_daily_check_of_p7_is_recorded_and_counted(self):
        """Item 15: *Checked* on P7's list records the day once; the scorecard
        counts the days checked against the working days of the month."""
        Tracking = self.env["lam.purchase.tracking"].with_user(self.manager_a)
        for moment in (
            "2026-11-09 01:00:00",
            "2026-11-09 09:00:00",  # the same Monday, twice
            "2026-11-10 01:00:00",
        ):
            with freeze_time(moment):
                action = Tracking.action_lam_checked()
        self.assertEqual(action["tag"], "display_notification")
        Check = self.env["lam.purchase.check"]
        checks = Check.search([("user_id", "=", self.manager_a.id)])
        self.assertEqual(
            sorted(checks.mapped("date")), [date(2026, 11, 9), date(2026, 11, 10)]
        )
        # only the button sets who and when: a create records the user's today
        with freeze_time("2026-11-11 01:00:00"):
            forged = Check.with_user(self.manager_a).create(
                {"user_id": self.manager_b.id, "date": "2026-11-30"}
            )
        self.assertEqual(
            (forged.user_id, forged.date), (self.manager_a, date(2026, 11, 11))
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            forged.with_user(self.manager_a).write({"date": "2026-11-12"})
        # a colleague and another team's department manager see none of them;
        # his department manager does
        self.assertFalse(Check.with_user(self.manager_b).search([]))
        self.assertFalse(Check.with_user(self.other_department_manager).search([]))
        self.assertEqual(
            len(
                Check.with_user(self.department_manager).search(
                    [("user_id", "=", self.manager_a.id)]
                )
            ),
            3,
        )
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, NOVEMBER, date(2026, 11, 30)
            )
        row = self._month_row(self.manager_a, NOVEMBER, "purchases_checked")
        # 3 days checked of November 2026's 21 working days (Monday to Friday)
        self.assertEqual((row.actual, row.target, row.met), (3.0, 21.0, False))

    def _customer(self, name, user=None, **vals):
        return self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": (user or self.manager_a).id,
                **vals,
            }
        )

    def _monthly_plan(self, user, day):
        return (
            self.env["lam.plan"]
            .with_user(user)
            .create(
                {
                    "date": day,
                    "period_type": "month",
                    "line_ids": [
                        (0, 0, {"partner_id": self.customer_a.id, "action": "Visit"})
                    ],
                }
            )
        )

    def test_customers_lost_and_new_volume_every_month(self):
        """Item 11: with the default 3 months, a customer whose last purchase was
        in August is lost in November; a customer who bought nothing in the
        twelve months before November brings new volume; one who bought in
        December 2025 does not."""
        self.assertEqual(self.company.lam_lost_months, 3)
        lost = self._customer("Liaoyang Lost")
        new = self._customer("Panjin New")
        steady = self._customer("Tieling Steady")
        self._create_order(lost, [(self.hydraulic_oil, 500.0)], "2026-02-10 02:00:00")
        self._create_order(lost, [(self.hydraulic_oil, 200.0)], "2026-08-10 02:00:00")
        self._create_order(new, [(self.hydraulic_oil, 300.0)], "2026-11-10 02:00:00")
        self._create_order(new, [(self.hydraulic_oil, 100.0)], "2025-10-10 02:00:00")
        self._create_order(steady, [(self.hydraulic_oil, 400.0)], "2025-12-10 02:00:00")
        self._create_order(steady, [(self.hydraulic_oil, 400.0)], "2026-11-12 02:00:00")
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, NOVEMBER, date(2026, 11, 30)
            )
            plan = self._monthly_plan(self.manager_a, "2026-11-10")
            self.assertEqual(plan.lost_customer_ids, lost)
            self.assertEqual(plan.new_volume, 300.0)
        row = self._month_row(self.manager_a, NOVEMBER, "customers_lost")
        self.assertEqual((row.actual, row.target, row.met), (1.0, 0.0, False))
        row = self._month_row(self.manager_a, NOVEMBER, "new_volume")
        self.assertEqual((row.actual, row.met), (300.0, True))
        # October: nobody lost yet (the third month without purchases is November)
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, date(2026, 10, 1), date(2026, 10, 31)
            )
        row = self._month_row(self.manager_a, date(2026, 10, 1), "customers_lost")
        self.assertEqual((row.actual, row.met), (0.0, True))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_p4_monthly_summary", plan.ids
            )[0]
            .decode()
        )
        self.assertIn("Liaoyang Lost", html)

    def test_key_customers_whose_month_moved_need_a_reason(self):
        """Item 12: an A customer averaging 1,000 L a month buys 500 L in
        November (-50 %): listed, and the summary waits for its reason; a B
        customer at +10 % and a C customer are not listed."""
        self.company.lam_abc_months = 12
        key_a = self._customer("Anshan Key A")
        key_b = self._customer("Benxi Key B")
        small = self._customer("Chaoyang Small C")
        for customer, grade in ((key_a, "a"), (key_b, "b"), (small, "c")):
            customer.sudo().lam_abc_grade = grade
            self._create_order(
                customer, [(self.hydraulic_oil, 12000.0)], "2025-12-10 02:00:00"
            )
        self._create_order(key_a, [(self.hydraulic_oil, 500.0)], "2026-11-10 02:00:00")
        self._create_order(key_b, [(self.hydraulic_oil, 1100.0)], "2026-11-10 02:00:00")
        with freeze_time("2026-12-01 02:00:00"):
            plan = self._monthly_plan(self.manager_a, "2026-11-10")
            plan.action_submit_plan()
            plan.summary = "Steady month."
            action = plan.action_submit_summary()
        self.assertEqual(plan.state, "planned")
        self.assertIn("Anshan Key A", action["params"]["message"])
        [line] = plan.key_change_ids
        self.assertEqual(
            (line.partner_id, line.grade, line.volume, line.average, line.change),
            (key_a, "a", 500.0, 1000.0, -50.0),
        )
        mine = line.with_user(self.manager_a)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            mine.write({"change": 0.0})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            line.with_user(self.manager_b).reason = "Not mine"
        self.assertFalse(
            self.env["lam.plan.key.change"].with_user(self.manager_b).search([])
        )
        mine.reason = "Overhaul of the rolling mill: two weeks stopped."
        with freeze_time("2026-12-01 03:00:00"):
            self.assertTrue(plan.with_user(self.manager_a).action_submit_summary())
        self.assertEqual(plan.state, "done")
        self.assertEqual(
            line.reason, "Overhaul of the rolling mill: two weeks stopped."
        )
        with self.assertRaises(UserError), self.env.cr.savepoint():
            mine.reason = "Changed afterwards"
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_p4_monthly_summary", plan.ids
            )[0]
            .decode()
        )
        self.assertIn("Overhaul of the rolling mill", html)
        self.assertIn("-50.0", html)

    def test_equipment_not_on_our_products_asks_for_one_recommendation(self):
        """Item 16: three units on a competitor's oil and two on ours give one
        activity for the customer (not three); a change of coverage closes it
        and asks again; done with the reason why not, the same coverage is not
        asked again."""
        Equipment = self.env["lam.equipment"]
        competitor = self._create_equipment(
            self.customer_a, quantity=3, oil_source="competitor"
        )
        self._create_equipment(self.customer_a, quantity=2, oil_source="ours")
        self._create_equipment(self.customer_b, quantity=4, oil_source="ours")

        def open_activities(partner):
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("lam_coverage_signature", "!=", False),
                ]
            )

        with freeze_time("2026-11-10 02:00:00"):
            Equipment._cron_full_range_activities()
            Equipment._cron_full_range_activities()
        first = open_activities(self.customer_a)
        self.assertEqual(
            (len(first), first.user_id, first.lam_coverage_signature),
            (1, self.manager_a, "2/5"),
        )
        self.assertFalse(open_activities(self.customer_b))  # all on our products
        # one unit changes to ours: the activity is closed, a new one asks for the rest
        competitor.quantity = 2
        self._create_equipment(self.customer_a, quantity=1, oil_source="ours")
        with freeze_time("2026-11-11 02:00:00"):
            Equipment._cron_full_range_activities()
        self.assertFalse(first.exists() and first.active)
        second = open_activities(self.customer_a)
        self.assertEqual(second.lam_coverage_signature, "3/5")
        # the manager records why not: not asked again for this coverage
        second.with_user(self.manager_a).action_feedback(
            feedback="Bound to the competitor by contract until 2027."
        )
        with freeze_time("2026-11-12 02:00:00"):
            Equipment._cron_full_range_activities()
        self.assertFalse(open_activities(self.customer_a))

    def test_credit_customers_in_the_scorecard_and_p8(self):
        """Item 2: the one definition of a credit customer is read by the
        scorecard (credit customers given their two credit visits in the month)
        and by P8; a customer with a term who never bought is none."""
        buyer = self._customer("Anshan Credit")
        idle = self._customer("Zijin Never Bought")
        for customer in (buyer, idle):
            customer.credit_limit = 77000.0
        self._create_order(buyer, [(self.hydraulic_oil, 100.0)], "2026-10-03 02:00:00")
        with freeze_time("2026-11-20 02:00:00"):
            # a new request: the flag is computed live, not stored
            self.env.invalidate_all()
            self.assertEqual(
                (buyer.lam_is_credit_customer, idle.lam_is_credit_customer),
                (True, False),
            )
            for day in (3, 17):
                visit = (
                    self.env["lam.visit"]
                    .with_user(self.manager_a)
                    .create(
                        {
                            "partner_id": buyer.id,
                            "planned_start": f"2026-11-{day:02d} 01:00:00",
                            "purpose": "credit",
                            "next_visit_date": f"2026-12-{day:02d}",
                        }
                    )
                )
                visit.action_done()
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, NOVEMBER, date(2026, 11, 30)
            )
            values = (
                self.env["report.lubricant_account_manager.report_p8_receivables"]
                .with_user(self.manager_a)
                ._lam_receivables(buyer | idle, NOVEMBER, date(2026, 11, 30))
            )
        row = self._month_row(self.manager_a, NOVEMBER, "credit_visits")
        # the shipped cadence asks for two credit visits a month
        self.assertEqual((row.actual, row.target, row.met), (1.0, 1.0, True))
        self.assertEqual(
            (values[buyer.id]["credit"], values[idle.id]["credit"]), (True, False)
        )


@tagged("post_install", "-at_install")
class TestMeasuresIsolation(LamCommon):
    """The two models of the measures, tried from every side: the day's check
    of P7 and the key customers' changes of a monthly summary."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_b = cls.env["res.company"].create(
            {"name": "Lubricants North Ltd.", "currency_id": cls.company.currency_id.id}
        )
        cls.north = new_test_user(
            cls.env,
            "lam_north_m",
            groups=f"{MODULE}.group_lam_admin",
            name="North Admin",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        cls.north_manager = new_test_user(
            cls.env,
            "lam_north_mm",
            groups=f"{MODULE}.group_lam_maintenance",
            name="North Manager",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        with freeze_time("2026-11-10 02:00:00"):
            cls.check = (
                cls.env["lam.purchase.check"]
                .with_user(cls.manager_a)
                ._lam_check_today()
            )
            plan = (
                cls.env["lam.plan"]
                .with_user(cls.manager_a)
                .create({"date": "2026-11-10", "period_type": "month"})
            )
        # as the system: the lines are the system's
        cls.change = cls.env["lam.plan.key.change"].create(
            {"plan_id": plan.id, "partner_id": cls.customer_a.id, "change": -40.0}
        )

    def test_the_day_s_check_is_the_manager_s(self):
        Check = self.env["lam.purchase.check"]
        readers = {
            self.manager_a: True,
            self.manager_b: False,
            self.manager_c: False,
            self.department_manager: True,
            self.other_department_manager: False,
            self.finance: False,
            self.north: False,  # an administrator of another company
            self.north_manager: False,  # a manager of another company
        }
        for user, reads in readers.items():
            with self.subTest(user=user.login):
                try:
                    found = Check.with_user(user).search([("id", "=", self.check.id)])
                except AccessError:  # finance has no access to the checks at all
                    found = Check
                self.assertEqual(bool(found), reads)
        for user in (self.manager_a, self.department_manager):
            with (
                self.subTest(user=user.login, verb="write"),
                self.assertRaises(AccessError),
                self.env.cr.savepoint(),
            ):
                self.check.with_user(user).write({"date": "2026-11-01"})
            with (
                self.subTest(user=user.login, verb="unlink"),
                self.assertRaises(AccessError),
                self.env.cr.savepoint(),
            ):
                self.check.with_user(user).unlink()

    def test_a_key_change_is_the_plan_author_s(self):
        Change = self.env["lam.plan.key.change"]
        readers = {
            self.manager_a: True,
            self.manager_b: False,
            self.manager_c: False,
            self.department_manager: True,
            self.other_department_manager: False,
            self.finance: False,
            self.north_manager: False,  # a manager of another company
        }
        for user, reads in readers.items():
            with self.subTest(user=user.login):
                try:
                    found = Change.with_user(user).search([("id", "=", self.change.id)])
                except AccessError:  # finance has no access to plans at all
                    found = Change
                self.assertEqual(bool(found), reads)
        # only its author writes the reason; nobody re-points it or creates one
        self.change.with_user(self.manager_a).reason = "Plant overhaul."
        for user in (self.manager_b, self.department_manager):
            with (
                self.subTest(user=user.login),
                self.assertRaises(AccessError),
                self.env.cr.savepoint(),
            ):
                self.change.with_user(user).reason = "Not mine to say."
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.change.with_user(self.manager_a).partner_id = self.customer_b
        with self.assertRaises(UserError), self.env.cr.savepoint():
            Change.with_user(self.manager_a).create(
                {"plan_id": self.change.plan_id.id, "partner_id": self.customer_b.id}
            )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.change.with_user(self.manager_a).unlink()
        self.assertEqual(self.change.reason, "Plant overhaul.")
