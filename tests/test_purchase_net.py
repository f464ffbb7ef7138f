# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 18, items 7 to 9: purchases net of returns for every reader, one view
of purchase lines with one rule for the day, and P7's trend against the last
month with purchases."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import LamCommon

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@tagged("post_install", "-at_install")
class TestPurchasesNetOfReturns(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.manager_a.tz = "UTC"
        cls.net = cls.env["res.partner"].create(
            {
                "name": "Jinan Net Lubes",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": cls.manager_a.id,
            }
        )
        # March: 1,000 L of hydraulic oil and 0.5 t of bulk oil (625 L at 0.8 kg/L)
        cls._create_order(
            cls.net,
            [(cls.hydraulic_oil, 1000.0), (cls.bulk_oil, 0.5)],
            "2026-03-10 02:00:00",
            price=10.0,
        )
        # one credit note: 100 L of hydraulic oil come back
        refund = cls.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": cls.net.id,
                "invoice_date": "2026-03-20",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.hydraulic_oil.id,
                            "quantity": 100.0,
                            "product_uom_id": cls.uom_litre.id,
                            "price_unit": 10.0,
                        }
                    )
                ],
            }
        )
        refund.action_post()

    def _march(self, **kwargs):
        rows = (
            self.env["lam.purchase.analysis"]
            .with_user(self.manager_a)
            ._lam_purchases(*MARCH, partners=self.net, **kwargs)["rows"]
        )
        return round(sum(row["qty"] for row in rows), 1), round(
            sum(row["amount"] for row in rows), 2
        )

    def test_every_reader_counts_the_same_net_volume(self):
        # net by default; gross only when asked
        self.assertEqual(self._march(), (1525.0, 9005.0))
        self.assertEqual(self._march(refunds=False), (1625.0, 10005.0))
        # the pivot
        [(volume, amount)] = (
            self.env["lam.purchase.tracking"]
            .with_user(self.manager_a)
            ._read_group(
                [("partner_id", "=", self.net.id)], [], ["volume:sum", "amount:sum"]
            )
        )
        self.assertEqual((round(volume, 1), round(amount, 2)), (1525.0, 9005.0))
        # P7
        tracking = (
            self.env["report.lubricant_account_manager.report_p7_purchase_tracking"]
            .with_user(self.manager_a)
            ._lam_tracking(self.net, *MARCH)[self.net.id]
        )
        self.assertEqual(
            [(row["product"], round(row["qty"], 1)) for row in tracking],
            [("CI-4 15W-40 Bulk", 625.0), ("L-HM 46 Hydraulic Oil", 900.0)],
        )
        # P10
        p10 = (
            self.env["report.lubricant_account_manager.report_p10_archive_dynamic"]
            .with_user(self.manager_a)
            ._lam_purchase_lines(self.net, *MARCH)[self.net.id]
        )
        self.assertEqual(round(p10["purchase_total"][0], 1), 1525.0)
        # plans P2-P4: the volume sold by the manager
        sold = self.env["lam.plan"]._lam_volume_by_manager_day(self.manager_a, *MARCH)
        self.assertEqual(round(sum(sold.values()), 1), 1525.0)
        # the dealer's quota
        quota = self.env["lam.dealer.quota"].create(
            {
                "partner_id": self.net.id,
                "month": "2026-03-01",
                "categ_id": self.hydraulic_oil.categ_id.id,
                "target": 3050.0,
            }
        )
        self.assertEqual((quota.actual, quota.completion), (1525.0, 50.0))
        # the forecast: the twelve months before April
        with freeze_time("2026-04-15 04:00:00"):
            self.net.invalidate_recordset()
            self.assertEqual(round(self.net.lam_forecast_annual, 1), 1525.0)
            # the grades' value
            self.env["lam.abc.grading"]._lam_recompute(self.company)
        history = self.env["lam.abc.history"].search(
            [("partner_id", "=", self.net.id)], order="id desc", limit=1
        )
        self.assertEqual(round(history.value, 1), 1525.0)

    def test_the_sales_plan_counts_net(self):
        self.env["lam.sales.plan"].search([("month", "=", "2026-03-01")]).unlink()
        with freeze_time("2026-02-10 04:00:00"):
            plan = (
                self.env["lam.sales.plan"]
                .with_user(self.department_manager)
                .create({"month": "2026-03-01", "target_volume": 5000.0})
            )
            plan.action_add_managers()
        part = plan.manager_ids.filtered(lambda part: part.user_id == self.manager_a)
        line = (
            self.env["lam.sales.plan.line"]
            .with_user(self.manager_a)
            .create({"manager_plan_id": part.id, "partner_id": self.net.id})
        )
        self.assertEqual(round(line.actual, 1), 1525.0)

    def test_the_day_of_a_purchase_is_the_company_s(self):
        """18:00 UTC on 30 November is 1 December in Beijing: the pivot and P7
        put it in December, whoever reads it."""
        self._create_order(
            self.net, [(self.hydraulic_oil, 40.0)], "2026-11-30 18:00:00"
        )
        for tz in ("UTC", "America/New_York", "Asia/Shanghai"):
            self.manager_a.tz = tz
            manager = self.env["lam.purchase.tracking"].with_user(self.manager_a)
            months = manager.with_context(tz=tz)._read_group(
                [("partner_id", "=", self.net.id), ("date", ">=", "2026-11-01")],
                ["date:month"],
                ["volume:sum"],
            )
            self.assertEqual(
                [(month.strftime("%Y-%m"), volume) for month, volume in months],
                [("2026-12", 40.0)],
            )
            tracking = (
                self.env["report.lubricant_account_manager.report_p7_purchase_tracking"]
                .with_user(self.manager_a)
                .with_context(tz=tz)
                ._lam_tracking(self.net, date(2026, 11, 1), date(2026, 12, 31))
            )
            self.assertEqual(
                [(row["month"], row["qty"]) for row in tracking[self.net.id]],
                [("2026-12", 40.0)],
            )

    def test_the_trend_compares_with_the_last_month_with_purchases(self):
        """September 193.2 L, October a stock count only, November 386.4 L:
        +100 % against September; October carries no trend."""
        self._create_order(
            self.net, [(self.hydraulic_oil, 193.2)], "2026-09-10 02:00:00"
        )
        self.env["lam.customer.stock"].create(
            {
                "partner_id": self.net.id,
                "date": "2026-10-20",
                "product_id": self.hydraulic_oil.id,
                "quantity": 50.0,
            }
        )
        self._create_order(
            self.net, [(self.hydraulic_oil, 386.4)], "2026-11-10 02:00:00"
        )
        P7 = self.env[
            "report.lubricant_account_manager.report_p7_purchase_tracking"
        ].with_user(self.manager_a)
        rows = [
            (row["month"], row["qty"], row["trend"], row["trend_base"])
            for row in P7._lam_tracking(self.net, date(2026, 9, 1), date(2026, 11, 30))[
                self.net.id
            ]
        ]
        self.assertEqual(
            [
                (month, qty, trend and round(trend, 2), base)
                for month, qty, trend, base in rows
            ],
            [
                # against March's 900 L, within the look-back
                ("2026-09", 193.2, -78.53, "2026-03"),
                ("2026-10", 0.0, None, None),
                ("2026-11", 386.4, 100.0, "2026-09"),
            ],
        )
        # a period starting in November still finds September
        [november] = P7._lam_tracking(self.net, date(2026, 11, 1), date(2026, 11, 30))[
            self.net.id
        ]
        self.assertEqual(
            (round(november["trend"], 2), november["trend_base"]), (100.0, "2026-09")
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_p7_purchase_tracking",
                self.net.ids,
                data={"date_from": "2026-11-01", "date_to": "2026-11-30"},
            )[0]
            .decode()
        )
        self.assertIn("+100.0", html)
        self.assertIn("2026-09", html)
