# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MODULE, LamCommon

LIST_FIELDS = [
    "name",
    "lam_customer_kind",
    "lam_size",
    "lam_stage",
    "industry_id",
    "city",
    "user_id",
    "lam_last_review_date",
    "lam_coverage_ratio",
    "lam_is_credit_customer",
    "lam_missing_key_person",
]


class LamScaleCase(LamCommon):
    """200 customers of manager A, each with equipment, key persons, oil usage
    and confirmed orders in litres, kilograms and tonnes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"].create(
            [
                {
                    "name": f"Customer {index:03d}",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "lam_size": ("large", "medium", "small")[index % 3],
                    "user_id": cls.manager_a.id,
                }
                for index in range(200)
            ]
        )
        cls.env["res.partner"].create(
            [
                {
                    "name": f"Key person {index:03d}",
                    "parent_id": partner.id,
                    "lam_is_key_person": True,
                }
                for index, partner in enumerate(partners)
                if index % 2
            ]
        )
        cls.env["lam.equipment"].create(
            [
                {
                    "name": "Engine",
                    "partner_id": partner.id,
                    "quantity": 2,
                    "oil_source": "ours",
                }
                for partner in partners
            ]
        )
        cls.env["lam.oil.usage"].create(
            [
                {
                    "partner_id": partner.id,
                    "product_id": cls.grease.id,
                    "quantity": 10.0,
                    "uom_id": cls.uom_kg.id,
                    "date": "2026-10-05",
                }
                for partner in partners
            ]
        )
        cls._create_orders(partners)
        cls.partners = partners

    @classmethod
    def _create_orders(cls, partners):
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": cls.manager_a.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": cls.hydraulic_oil.id,
                                "product_uom_qty": 200.0 + index,
                                "product_uom": cls.uom_litre.id,
                                "price_unit": 15.0,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "product_id": cls.grease.id,
                                "product_uom_qty": 18.0,
                                "product_uom": cls.uom_kg.id,
                                "price_unit": 30.0,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "product_id": cls.bulk_oil.id,
                                "product_uom_qty": 0.5,
                                "product_uom": cls.uom_ton.id,
                                "price_unit": 9000.0,
                            },
                        ),
                    ],
                }
                for index, partner in enumerate(partners)
            ]
        )
        orders.action_confirm()
        orders.write({"date_order": "2026-10-15 09:00:00"})

    def _assert_constant_queries(self, function, user=None):
        """The queries of ``function`` for 200 customers are those for 20."""
        partners = self.partners.with_user(user or self.manager_a)
        self._lam_assert_same_queries(function, partners[:20], partners)


@tagged("post_install", "-at_install")
class TestArchivePerformance(LamScaleCase):
    def test_archive_list_queries_do_not_grow_with_customers(self):
        self._assert_constant_queries(lambda partners: partners.read(LIST_FIELDS))
        rows = self.partners.with_user(self.manager_a).read(LIST_FIELDS)
        self.assertEqual(len(rows), 200)
        self.assertEqual(rows[0]["lam_coverage_ratio"], 100.0)
        self.assertEqual(
            [row["lam_missing_key_person"] for row in rows[:4]],
            [True, False, False, False],
        )

    def _render_xlsx(self, report, partners):
        data = {"date_from": "2026-01-01", "date_to": "2026-12-31"}
        return (
            self.env["ir.actions.report"]
            .with_user(partners.env.user)
            ._render_xlsx(f"{MODULE}.{report}", partners.ids, data)
        )

    def test_p9_xlsx_queries_do_not_grow_with_customers(self):
        self._assert_constant_queries(
            lambda partners: self._render_xlsx("report_p9_xlsx", partners)
        )

    def test_p10_xlsx_queries_do_not_grow_with_customers(self):
        self._assert_constant_queries(
            lambda partners: self._render_xlsx("report_p10_xlsx", partners)
        )

    def test_p10_pdf_values_queries_do_not_grow_with_customers(self):
        report = self.env["report.lubricant_account_manager.report_p10_archive_dynamic"]
        self._assert_constant_queries(
            lambda partners: report.with_user(partners.env.user)._get_report_values(
                partners.ids, {"date_from": "2026-01-01", "date_to": "2026-12-31"}
            )
        )


@tagged("post_install", "-at_install")
class TestReceivablePerformance(LamScaleCase):
    """P8 over the 200 customers' invoices, each with a collection action."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        orders = cls.env["sale.order"].search([("partner_id", "in", cls.partners.ids)])
        invoices = orders._create_invoices()
        invoices.write({"invoice_date": "2026-10-20", "invoice_payment_term_id": False})
        invoices.write({"invoice_date_due": "2026-11-19"})
        invoices.action_post()
        receivables = cls.env["lam.receivable"].search(
            [("partner_id", "in", cls.partners.ids)]
        )
        cls.env["lam.collection.action"].create(
            [
                {
                    "receivable_id": receivable.id,
                    "action": "call",
                    "description": f"Called about {receivable.name}",
                    "date": "2026-11-25",
                }
                for receivable in receivables
            ]
        )

    def test_p8_queries_do_not_grow_with_customers(self):
        """Issue 22: P8's values and workbook read every receivable and its
        last action in one query each, whatever their number."""
        data = {"date_from": "2026-10-01", "date_to": "2026-10-31"}
        report = self.env["report.lubricant_account_manager.report_p8_receivables"]
        self._assert_constant_queries(
            lambda partners: report.with_user(partners.env.user)._get_report_values(
                partners.ids, data
            )
        )
        self._assert_constant_queries(
            lambda partners: self.env["ir.actions.report"]
            .with_user(partners.env.user)
            ._render_xlsx(f"{MODULE}.report_p8_xlsx", partners.ids, data)
        )
        with freeze_time("2026-12-04 04:00:00"):
            values = report.with_user(self.manager_a)._get_report_values(
                self.partners.ids, data
            )
        self.assertEqual(len(values["docs"]), 200)
        entry = values["receivables"][self.partners[0].id]
        self.assertEqual(len(entry["rows"]), 1)
        row = entry["rows"][0]
        self.assertEqual(row["receivable"].bucket, "0_30")  # 15 days overdue
        self.assertIn("Called about", row["action"].description)
        self.assertAlmostEqual(entry["due"], row["receivable"].amount_total)
        self.assertAlmostEqual(
            values["grand_total"]["due"],
            sum(values["receivables"][partner.id]["due"] for partner in self.partners),
        )


@tagged("post_install", "-at_install")
class TestForecastPerformance(LamScaleCase):
    def test_forecast_read_queries_do_not_grow_past_a_prefetch_batch(self):
        """Issue 22: the forecast of every customer read at once (a list of
        all, an export) is computed together: the ORM computes a thousand
        records at a time, and the queries grew with each thousand."""
        extra = self.env["res.partner"].create(
            [
                {
                    "name": f"Far customer {index:04d}",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                }
                for index in range(1100)
            ]
        )
        fields = [
            "lam_next_purchase_date",
            "lam_forecast_monthly",
            "lam_forecast_annual",
            "lam_equipment_annual",
            "lam_forecast_gap",
        ]
        with freeze_time("2026-12-04 04:00:00"):
            partners = (self.partners | extra).with_user(self.manager_a)
            partners.read(fields)  # warm the caches of both paths (rules, units)
            self._lam_assert_same_queries(
                lambda records: records.read(fields), partners[:20], partners
            )
            rows = {row["id"]: row for row in partners.read(fields)}
        self.assertEqual(len(rows), 1300)
        # the first customer bought 200 L, 18 kg and 0.5 t in October
        self.assertGreater(rows[self.partners[0].id]["lam_forecast_annual"], 200.0)
        self.assertEqual(rows[extra[-1].id]["lam_forecast_annual"], 0.0)


@tagged("post_install", "-at_install")
class TestPlanResultsPerformance(LamScaleCase):
    @freeze_time("2026-12-04 04:00:00")
    def test_plan_results_queries_do_not_grow_with_customers(self):
        """Issue 22: a plan's results come from a few grouped queries, the
        volume summed to the manager and the day in SQL: the queries of a
        manager with 180 customers are those of one with 20, and each plan
        reads its own period only."""
        self.partners[:20].user_id = self.manager_b
        Plan = self.env["lam.plan"]
        fields = [
            "actual_volume",
            "actual_visits",
            "actual_calls",
            "actual_new_customers",
        ]
        plans = {
            (user, day): Plan.create(
                {"user_id": user.id, "period_type": "week", "date": day}
            )
            for user in (self.manager_a, self.manager_b)
            for day in ("2026-10-12", "2026-10-19")
        }

        def results(plans):
            plans.invalidate_recordset(fields)
            return plans.read(fields)

        self._lam_assert_same_queries(
            results,
            plans[self.manager_b, "2026-10-12"],
            plans[self.manager_a, "2026-10-12"],
        )
        volumes = (
            self.env["lam.purchase.analysis"]
            .sudo()
            ._lam_purchases(
                datetime.date(2026, 10, 12),
                datetime.date(2026, 10, 18),
                partners=self.partners,
                groupby=("partner",),
            )["rows"]
        )
        # the four plans together, as a list reads them
        Plan.concat(*plans.values()).invalidate_recordset(fields)
        self.assertEqual(
            {key: plan.actual_new_customers for key, plan in plans.items()},
            {
                (self.manager_a, "2026-10-12"): 180,
                (self.manager_b, "2026-10-12"): 20,
                (self.manager_a, "2026-10-19"): 0,
                (self.manager_b, "2026-10-19"): 0,
            },
        )
        mine = {row["partner_id"]: row["qty"] for row in volumes}
        self.assertEqual(len(mine), 200)
        for user, customers in (
            (self.manager_a, self.partners[20:]),
            (self.manager_b, self.partners[:20]),
        ):
            self.assertAlmostEqual(
                plans[user, "2026-10-12"].actual_volume,
                sum(mine[customer.id] for customer in customers),
                places=3,
            )
            self.assertEqual(plans[user, "2026-10-19"].actual_volume, 0.0)
