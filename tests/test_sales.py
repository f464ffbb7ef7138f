# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Sales plans broken down per customer, purchase tracking (P7), purchase
drops and the consumption forecast, on constructed orders in several units."""

import io
from datetime import date, datetime

import openpyxl
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools.allocation import largest_remainder
from .common import LamCommon


@tagged("post_install", "-at_install")
class TestSalesPlan(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["lam.sales.plan"].search(
            []
        ).unlink()  # the demo's plans: one plan a month
        # manager A: customer A bought 400 L and 1.5 t (1,875 L) in October, Dalian Port
        # 1,000 L in September
        cls.dalian = cls.env["res.partner"].create(
            {
                "name": "Dalian Port",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": cls.manager_a.id,
            }
        )
        cls.idle = cls.env["res.partner"].create(
            {
                "name": "Fushun Mine",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": cls.manager_a.id,
            }
        )
        cls._create_order(
            cls.customer_a,
            [(cls.hydraulic_oil, 400.0), (cls.bulk_oil, 1.5)],
            "2026-10-03 08:00:00",
        )
        cls._create_order(
            cls.dalian, [(cls.hydraulic_oil, 1000.0)], "2026-09-10 08:00:00"
        )
        with freeze_time("2026-11-10"):
            cls.plan = (
                cls.env["lam.sales.plan"]
                .with_user(cls.department_manager)
                .create(
                    {
                        "month": "2026-12-15",
                        "target_volume": 5000.0,
                        "target_amount": 100000.0,
                    }
                )
            )
            cls.plan.with_user(cls.department_manager).action_add_managers()
        cls.part = cls.plan.manager_ids.filtered(
            lambda part: part.user_id == cls.manager_a
        )

    def test_the_department_manager_gives_each_manager_his_part(self):
        self.assertEqual(str(self.plan.month), "2026-12-01")
        self.assertEqual(str(self.plan.due_date), "2026-11-28")
        self.assertEqual(self.plan.manager_ids.user_id, self.manager_a | self.manager_b)
        self.part.with_user(self.department_manager).target_volume = 1000.0
        self.assertEqual(self.plan.unallocated_volume, 4000.0)
        with self.assertRaises(AccessError):
            self.part.with_user(self.manager_a).target_volume = 2000.0
        with self.assertRaises(ValidationError):
            self.plan.manager_ids.with_user(self.department_manager).write(
                {"target_volume": 3000.0}
            )
        self.assertFalse(
            self.env["lam.sales.plan.manager"].with_user(self.manager_c).search([])
        )

    @freeze_time("2026-11-20")
    def test_a_customer_has_one_line_in_a_managers_part(self):
        """Issue 21, item 7: a second line of Dalian in manager A's part is
        refused; the first stays as it was."""
        Line = self.env["lam.sales.plan.line"].with_user(self.manager_a)
        values = {"manager_plan_id": self.part.id, "partner_id": self.dalian.id}
        first = Line.create({**values, "customer_plan": 400.0})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(IntegrityError, "customer_unique"),
            self.env.cr.savepoint(),
        ):
            Line.create({**values, "customer_plan": 300.0})
        self.assertEqual(self.part.line_ids, first)
        self.assertEqual(first.customer_plan, 400.0)

    @freeze_time("2026-11-20")
    def test_the_proposal_starts_from_the_customers_own_plans(self):
        """Issue 18, item 13: Dalian plans 400 L itself; the other 600 L go by
        history (customer A bought, Fushun never did)."""
        self.part.with_user(self.department_manager).target_volume = 1000.0
        self.env["lam.sales.plan.line"].with_user(self.manager_a).create(
            {
                "manager_plan_id": self.part.id,
                "partner_id": self.dalian.id,
                "customer_plan": 400.0,
            }
        )
        self.part.with_user(self.manager_a).action_propose()
        targets = {line.partner_id: line.target for line in self.part.line_ids}
        self.assertEqual(
            targets, {self.customer_a: 600.0, self.dalian: 400.0, self.idle: 0.0}
        )
        self.assertEqual(self.part.difference, 0.0)

    @freeze_time("2026-11-20")
    def test_the_proposal_writes_its_lines_in_the_same_queries(self):
        """Issue 22: Propose for 150 more customers costs the queries of
        Propose for a handful (the ORM inserted a hundred lines a statement,
        then updated each line's month and manager); the lines are complete,
        the part's totals follow, and they add up to the target."""
        self.part.with_user(self.department_manager).target_volume = 5000.0
        part = self.part.with_user(self.manager_a)

        def customers(count, start):
            return self.env["res.partner"].create(
                [
                    {
                        "name": f"Proposed customer {start + index:03d}",
                        "is_company": True,
                        "lam_customer_kind": "terminal",
                        "user_id": self.manager_a.id,
                    }
                    for index in range(count)
                ]
            )

        def propose():
            with self.env.cr.savepoint() as savepoint:
                part._lam_propose()
                savepoint.rollback()

        buyer = customers(1, 0)
        self._create_order(buyer, [(self.hydraulic_oil, 900.0)], "2026-10-05 08:00:00")
        # the caches of parameters, translations and the lines' first
        # computations warm (the first rolled back run leaves some cold)
        propose()
        self._lam_query_count(propose)
        small = self._lam_query_count(propose)
        many = customers(150, 1)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            propose()
        part._lam_propose()
        lines = part.line_ids
        self.assertEqual(len(lines), 154)  # A, Dalian, Fushun and the 151 new
        self.assertEqual(set(lines.mapped("month")), {self.part.month})
        self.assertEqual(lines.account_manager_id, self.manager_a)
        self.assertEqual(lines.company_id, self.part.company_id)
        self.assertEqual(sum(lines.mapped("target")), 5000.0)
        self.assertEqual(self.part.difference, 0.0)
        self.assertGreater(
            lines.filtered(lambda line: line.partner_id == buyer).target,
            lines.filtered(lambda line: line.partner_id == many[0]).target,
        )
        # proposed again, the lines are updated, none added
        part._lam_propose()
        self.assertEqual(part.line_ids, lines)

    @freeze_time("2026-11-20")
    def test_the_breakdown_adds_up_and_follows_history(self):
        self.part.with_user(self.department_manager).target_volume = 1000.0
        wizard = (
            self.env["lam.sales.plan.breakdown.wizard"]
            .with_user(self.manager_a)
            .create({"manager_plan_id": self.part.id})
        )
        wizard.action_apply()
        targets = {line.partner_id: line.target for line in self.part.line_ids}
        # 2,275 : 1,000 : 0 of 1,000 in whole litres, by largest remainder
        self.assertEqual(
            targets, {self.customer_a: 695.0, self.dalian: 305.0, self.idle: 0.0}
        )
        self.assertEqual(self.part.difference, 0.0)
        line = self.part.line_ids.filtered(lambda line: line.partner_id == self.dalian)
        line.with_user(self.manager_a).write({"target": 300.0, "customer_plan": 280.0})
        self.assertEqual(self.part.difference, 5.0)
        with (
            self.assertRaisesRegex(UserError, "add up to 995.0, not the target 1000.0"),
            self.env.cr.savepoint(),
        ):
            self.part.with_user(self.manager_a).action_done()
        line.with_user(self.manager_a).target = 305.0
        self.part.with_user(self.manager_a).action_done()
        self.assertTrue(self.part.breakdown_done)
        # a manager's plan lists his own customers only
        with self.assertRaises(AccessError):
            self.env["lam.sales.plan.line"].with_user(self.manager_a).create(
                {
                    "manager_plan_id": self.part.id,
                    "partner_id": self.customer_c.id,
                    "target": 1.0,
                }
            )

    def test_largest_remainder_always_adds_up(self):
        for total, weights in (
            (1000, [2275, 1000, 0]),
            (7, [1, 1, 1]),
            (10, [0, 0, 0]),
            (1, [5, 5]),
            (999, [0.1, 0.2, 0.3, 99.4]),
        ):
            with self.subTest(total=total, weights=weights):
                parts = largest_remainder(total, weights)
                self.assertEqual(sum(parts), total)
                self.assertTrue(all(part == int(part) for part in parts))
        self.assertEqual(largest_remainder(10, [0, 0]), [5, 5])
        self.assertEqual(largest_remainder(7, [5, 3, 2]), [4, 2, 1])

    @freeze_time("2026-12-20")
    def test_actuals_and_completion(self):
        self.part.with_user(self.department_manager).target_volume = 1000.0
        self.part.with_user(self.manager_a).write(
            {
                "line_ids": [
                    (0, 0, {"partner_id": self.customer_a.id, "target": 600.0}),
                    (0, 0, {"partner_id": self.dalian.id, "target": 400.0}),
                ]
            }
        )
        self._create_order(
            self.customer_a,
            [(self.hydraulic_oil, 150.0), (self.bulk_oil, 0.2)],
            "2026-12-05 08:00:00",
        )
        self._create_order(
            self.customer_a,
            [(self.hydraulic_oil, 999.0)],
            "2026-12-06 08:00:00",
            confirm=False,
        )
        self.part.line_ids.invalidate_recordset()
        line = self.part.line_ids.filtered(
            lambda line: line.partner_id == self.customer_a
        )
        self.assertAlmostEqual(
            line.actual, 400.0
        )  # 150 L + 0.2 t at 0.8 kg/L; the quotation does not count
        self.assertAlmostEqual(line.completion, 66.7, places=1)
        self.assertAlmostEqual(self.part.actual_volume, 400.0)
        self.assertAlmostEqual(self.part.completion, 40.0)

    def test_the_breakdown_due_on_the_28th(self):
        Part = self.env["lam.sales.plan.manager"]
        with freeze_time("2026-11-20"):
            self.assertEqual(Part._cron_breakdown_due(), 2)
            self.assertEqual(Part._cron_breakdown_due(), 0)
        activity = self.part.activity_ids
        self.assertEqual(
            (activity.user_id, str(activity.date_deadline)),
            (self.manager_a, "2026-11-28"),
        )
        self.part.with_user(
            self.manager_a
        ).action_done()  # no target yet: nothing to break down
        self.assertFalse(self.part.activity_ids)
        self.company.lam_sales_plan_due_day = 25
        self.assertEqual(str(self.plan.due_date), "2026-11-25")


@tagged("post_install", "-at_install")
class TestPurchaseTracking(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_order(
            cls.customer_a,
            [(cls.hydraulic_oil, 400.0), (cls.bulk_oil, 1.5)],
            "2026-10-03 08:00:00",
        )
        cls._create_order(
            cls.customer_a,
            [(cls.hydraulic_oil, 200.0), (cls.grease, 50.0)],
            "2026-11-04 08:00:00",
        )
        cls.env["lam.customer.stock"].with_user(cls.manager_a).create(
            [
                {
                    "partner_id": cls.customer_a.id,
                    "date": "2026-11-05",
                    "product_id": cls.hydraulic_oil.id,
                    "quantity": 80.0,
                },
                {
                    "partner_id": cls.customer_a.id,
                    "date": "2026-11-12",
                    "product_id": cls.hydraulic_oil.id,
                    "quantity": 50.0,
                },
            ]
        )

    def test_p7_per_month_and_product_in_the_reference_unit(self):
        data = {"date_from": "2026-10-01", "date_to": "2026-11-30"}
        tracking = (
            self.env["report.lubricant_account_manager.report_p7_purchase_tracking"]
            .with_user(self.manager_a)
            ._lam_tracking(self.customer_a, date(2026, 10, 1), date(2026, 11, 30))
        )
        rows = [
            (
                row["month"],
                row["product"],
                round(row["qty"], 1),
                row["stock"],
                row["trend"] and round(row["trend"], 1),
            )
            for row in tracking[self.customer_a.id]
        ]
        self.assertEqual(
            rows,
            [
                ("2026-10", "CI-4 15W-40 Bulk", 1875.0, None, None),
                ("2026-10", "L-HM 46 Hydraulic Oil", 400.0, None, None),
                ("2026-11", "L-HM 46 Hydraulic Oil", 200.0, 50.0, -50.0),
                (
                    "2026-11",
                    "Lithium Grease 2#",
                    56.8,
                    None,
                    None,
                ),  # 50 kg at 0.88 kg/L
            ],
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_p7_purchase_tracking",
                self.customer_a.ids,
                data=data,
            )[0]
            .decode()
        )
        self.assertIn("Anshan Steel Works", html)
        self.assertIn("1,875.0", html)
        self.assertIn("-50.0", html)
        # issue 20, item 3: a subtotal per product group and the customer's total
        # the customer's name is in the header row repeated on every page
        thead = html.split('name="table_tracking"', 1)[1].split("</thead>", 1)[0]
        self.assertIn(f"Purchases · <span>{self.customer_a.name}</span>", thead)
        footer = html.split("<tfoot", 1)[1].split("</tfoot>", 1)[0]
        self.assertIn(
            f"Subtotal · <span>{self.hydraulic_oil.categ_id.display_name}</span>",
            footer,
        )
        self.assertEqual(footer.count("2,531.8"), 2)
        self.assertIn("Total", footer)
        # issue 20: a customer without a purchase or a stock in the period is
        # left out of a print of several, and named
        quiet = self.env["res.partner"].create(
            {
                "name": "Quiet Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        values = (
            self.env["report.lubricant_account_manager.report_p7_purchase_tracking"]
            .with_user(self.manager_a)
            ._get_report_values((self.customer_a | quiet).ids, data)
        )
        self.assertEqual((values["docs"], values["left_out"]), (self.customer_a, quiet))
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render(
                "lubricant_account_manager.report_p7_xlsx",
                self.customer_a.ids,
                data=data,
            )
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        cells = [
            row
            for row in sheet.iter_rows(values_only=True)
            if row and row[0] == "Anshan Steel Works"
        ]
        self.assertEqual(
            [(row[1], row[2], round(row[3], 1), row[5]) for row in cells][2],
            (datetime(2026, 11, 1), "L-HM 46 Hydraulic Oil", 200.0, 50.0),
        )
        # a volume reads as in the PDF, with one decimal (the fifth review)
        volumes = [cell for cell in sheet["D"] if isinstance(cell.value, float)]
        self.assertTrue(volumes)
        self.assertEqual({cell.number_format for cell in volumes}, {"#,##0.0"})
        # another manager prints none of it
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager_c)._render_qweb_html(
                "lubricant_account_manager.report_p7_purchase_tracking",
                self.customer_a.ids,
                data=data,
            )

    def test_the_pivot_counts_the_same_volumes_in_sql(self):
        Tracking = self.env["lam.purchase.tracking"].with_user(self.manager_a)
        groups = Tracking._read_group(
            [("partner_id", "=", self.customer_a.id)], ["product_id"], ["volume:sum"]
        )
        volumes = {product.name: round(volume, 1) for product, volume in groups}
        # 400 + 200 L, 1.5 t at 0.8 kg/L, 50 kg at the company's 0.88 kg/L
        self.assertEqual(
            volumes,
            {
                "L-HM 46 Hydraulic Oil": 600.0,
                "CI-4 15W-40 Bulk": 1875.0,
                "Lithium Grease 2#": 56.8,
            },
        )
        self.assertFalse(
            self.env["lam.purchase.tracking"]
            .with_user(self.manager_c)
            .search([("partner_id", "=", self.customer_a.id)])
        )

    def test_the_pivot_orders_its_groups_by_name_and_month(self):
        """Issue 22: the pivot's groups are ordered in SQL by their keys (the
        lines are no longer sorted by the managers' names) and by name after:
        the order a user expects, whichever grouping comes first."""
        self.manager_a.name = "Zhou Manager"  # A's id comes first, his name last
        self._create_order(
            self.customer_b, [(self.hydraulic_oil, 70.0)], "2026-10-20 08:00:00"
        )
        Tracking = self.env["lam.purchase.tracking"].with_user(self.department_manager)
        domain = [("partner_id", "in", (self.customer_a | self.customer_b).ids)]

        def keys(groupby):
            return [
                tuple(
                    group[spec][1] if spec == "account_manager_id" else group[spec]
                    for spec in groupby
                )
                + (round(group["volume"], 1),)
                for group in Tracking.read_group(
                    domain, ["volume:sum"], groupby, lazy=False
                )
            ]

        rows = keys(["account_manager_id", "date:month"])
        self.assertEqual(
            [row[0] for row in rows], ["Manager B", "Zhou Manager", "Zhou Manager"]
        )
        self.assertEqual([row[2] for row in rows], [70.0, 2275.0, 256.8])
        rows = keys(["date:month", "account_manager_id"])
        self.assertEqual(
            [(row[1], row[2]) for row in rows],
            [("Manager B", 70.0), ("Zhou Manager", 2275.0), ("Zhou Manager", 256.8)],
        )
        self.assertEqual(rows[0][0], rows[1][0])
        self.assertNotEqual(rows[1][0], rows[2][0])
        # a page of groups (a grouped list asks for 80) is ordered by name too
        groups = Tracking.read_group(
            domain, ["volume:sum"], ["account_manager_id"], limit=80
        )
        self.assertEqual(
            [group["account_manager_id"][1] for group in groups],
            ["Manager B", "Zhou Manager"],
        )
        # an order asked for is kept: by volume, the largest first
        groups = Tracking.read_group(
            domain,
            ["volume:sum"],
            ["account_manager_id"],
            orderby="volume desc",
        )
        self.assertEqual(
            [group["account_manager_id"][1] for group in groups],
            ["Zhou Manager", "Manager B"],
        )

    def test_a_stock_is_of_a_lubricant_seen_today_or_before(self):
        wrench = self._create_product("Torque wrench", self.uom_unit, lubricant=False)
        with self.assertRaises(ValidationError):
            self.env["lam.customer.stock"].with_user(self.manager_a).create(
                {
                    "partner_id": self.customer_a.id,
                    "product_id": wrench.id,
                    "quantity": 1.0,
                }
            )
        with self.assertRaises(ValidationError):
            self.env["lam.customer.stock"].with_user(self.manager_a).create(
                {
                    "partner_id": self.customer_a.id,
                    "product_id": self.grease.id,
                    "quantity": 1.0,
                    "date": "2099-01-01",
                }
            )


@tagged("post_install", "-at_install")
class TestPurchaseDrops(LamCommon):
    """Today 2026-11-20: the window is August to October 2026."""

    def _customer(self, name, orders):
        customer = self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        for day, lines in orders:
            self._create_order(customer, lines, f"{day} 08:00:00")
        return customer

    @freeze_time("2026-11-20")
    def test_drops_against_last_year_and_the_year_before(self):
        fallen = self._customer(
            "Fallen Mill",
            [
                ("2025-09-10", [(self.hydraulic_oil, 1000.0)]),
                ("2026-09-10", [(self.hydraulic_oil, 300.0), (self.bulk_oil, 0.16)]),
            ],
        )
        steady = self._customer(
            "Steady Mill",
            [
                ("2025-08-10", [(self.hydraulic_oil, 1000.0)]),
                ("2026-10-10", [(self.bulk_oil, 0.64)]),
            ],
        )  # 800 L: 80 %
        new = self._customer(
            "New Mill",
            [  # nothing last year: the average of Aug 2025 - Jul 2026
                ("2026-02-10", [(self.grease, 880.0)]),
                ("2026-05-10", [(self.hydraulic_oil, 1000.0)]),
                ("2026-09-10", [(self.hydraulic_oil, 100.0)]),
            ],
        )
        quiet = self._customer("Quiet Mill", [])
        mine = fallen | steady | new | quiet
        drops = self.env["lam.purchase.drop"]._lam_refresh(self.company)
        self.assertEqual(set(drops) & set(mine.ids), {fallen.id, new.id})
        self.assertEqual(drops[fallen.id]["rule"], "last_year")
        self.assertAlmostEqual(
            drops[fallen.id]["share"], 50.0
        )  # 300 L + 0.16 t (200 L) of 1,000 L
        self.assertEqual(drops[new.id]["rule"], "average")
        self.assertAlmostEqual(
            drops[new.id]["baseline_qty"], 500.0
        )  # (1,000 + 1,000) / 12 x 3
        self.assertAlmostEqual(drops[new.id]["share"], 20.0)
        flagged = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .search([("lam_purchase_drop", "=", True)])
        )
        self.assertEqual(flagged & mine, fallen | new)
        self.assertEqual(
            self.env["res.partner"].search([("lam_purchase_drop", "=", False)]) & mine,
            steady | quiet,
        )
        self.assertIn(
            "50.0 % of 1000.0", fallen.with_user(self.manager_a).lam_purchase_drop_note
        )
        self.assertFalse(steady.lam_purchase_drop or quiet.lam_purchase_drop)
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_purchase_drop"
        )
        activities = self.env["mail.activity"].search(
            [("activity_type_id", "=", activity_type.id), ("res_id", "in", mine.ids)]
        )
        self.assertEqual(set(activities.mapped("res_id")), {fallen.id, new.id})
        self.assertEqual(activities.user_id, self.manager_a)
        # again: no second activity; the fallen customer buys again and is unflagged
        self._create_order(fallen, [(self.hydraulic_oil, 600.0)], "2026-10-20 08:00:00")
        self.env["lam.purchase.drop"]._lam_refresh(self.company)
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [
                    ("activity_type_id", "=", activity_type.id),
                    ("res_id", "in", mine.ids),
                ]
            ),
            2,
        )
        fallen.invalidate_recordset()
        self.assertFalse(fallen.lam_purchase_drop)
        self.assertFalse(
            self.env["lam.purchase.drop"]
            .with_user(self.manager_c)
            .search([("partner_id", "in", mine.ids)])
        )

    @freeze_time("2026-11-20")
    def test_the_window_and_threshold_are_settings(self):
        customer = self._customer(
            "Slow Mill",
            [
                ("2025-10-10", [(self.hydraulic_oil, 1000.0)]),
                ("2026-10-10", [(self.hydraulic_oil, 750.0)]),
            ],
        )
        self.assertNotIn(
            customer.id, self.env["lam.purchase.drop"]._lam_detect(self.company)
        )
        self.company.lam_drop_share = 80.0
        self.assertIn(
            customer.id, self.env["lam.purchase.drop"]._lam_detect(self.company)
        )
        self.company.lam_drop_window_months = 1  # October alone
        self.assertIn(
            customer.id, self.env["lam.purchase.drop"]._lam_detect(self.company)
        )

    @freeze_time("2026-11-20")
    def test_detection_costs_the_same_queries_for_more_customers(self):
        def steady(count, start):
            for index in range(start, start + count):
                self._customer(
                    f"Mill {index}",
                    [
                        (
                            "2025-09-10",
                            [(self.hydraulic_oil, 100.0), (self.bulk_oil, 0.1)],
                        ),
                        (
                            "2026-09-10",
                            [(self.hydraulic_oil, 100.0), (self.grease, 80.0)],
                        ),
                    ],
                )

        Drop = self.env["lam.purchase.drop"]
        steady(3, 0)
        Drop._lam_refresh(self.company)  # warm the caches
        for_three = self._lam_query_count(Drop._lam_refresh, self.company)
        steady(12, 3)
        self.env.flush_all()
        with self.assertQueryCount(for_three):
            Drop._lam_refresh(self.company)


@tagged("post_install", "-at_install")
class TestForecast(LamCommon):
    def _orders(self, days, product_qty=100.0):
        for day in days:
            self._create_order(
                self.customer_a, [(self.hydraulic_oil, product_qty)], f"{day} 08:00:00"
            )

    @freeze_time("2026-11-20")
    def test_next_purchase_on_regular_intervals(self):
        self._orders(["2026-07-01", "2026-07-31", "2026-08-30", "2026-09-29"])
        customer = self.customer_a.with_user(self.manager_a)
        self.assertEqual(str(customer.lam_next_purchase_date), "2026-10-29")
        self.assertAlmostEqual(customer.lam_forecast_annual, 400.0)
        self.assertAlmostEqual(customer.lam_forecast_monthly, 400.0 / 12, places=2)

    @freeze_time("2026-11-20")
    def test_next_purchase_on_irregular_intervals(self):
        self._orders(
            ["2026-08-01", "2026-08-11", "2026-09-10", "2026-09-30"]
        )  # 10, 30, 20 days: median 20
        self.assertEqual(
            str(self.customer_a.with_user(self.manager_a).lam_next_purchase_date),
            "2026-10-20",
        )
        self.assertFalse(
            self.customer_c.with_user(self.manager_c).lam_next_purchase_date
        )

    @freeze_time("2026-11-20")
    def test_equipment_that_needs_more_than_he_buys(self):
        self._orders(["2026-06-01", "2026-09-01"], 1000.0)
        self._create_equipment(
            self.customer_a, quantity=2, oil_capacity=500.0, change_interval_days=73
        )  # 5 a year
        customer = self.customer_a.with_user(self.manager_a)
        self.assertAlmostEqual(customer.lam_equipment_annual, 5000.0)
        self.assertAlmostEqual(customer.lam_forecast_annual, 5000.0)
        self.assertAlmostEqual(customer.lam_forecast_gap, 3000.0)
        self.company.lam_forecast_gap_share = (
            200.0  # needs within 3 times the purchases: no gap
        )
        customer.invalidate_recordset()
        self.assertEqual(customer.lam_forecast_gap, 0.0)
