# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LamCommon
from .test_performance import LamScaleCase

SEPT = datetime.date(2026, 9, 1)
OCT = datetime.date(2026, 10, 1)


@tagged("post_install", "-at_install")
class TestPurchaseAnalysis(LamCommon):
    """The one purchases service: quantities in the reference unit, amounts,
    unconvertible lines, on constructed orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drum = cls.env["uom.uom"].create(
            {
                "name": "Drum (200 L)",
                "category_id": cls.uom_litre.category_id.id,
                "uom_type": "bigger",
                "factor_inv": 200.0,
            }
        )
        cls.filter_kit = cls._create_product("Filter kit", cls.uom_unit)
        cls.diesel = cls._create_product("Diesel fuel", cls.uom_litre, lubricant=False)
        # September: 2 t of bulk oil (0.8 kg/L: 2500 L), 3 drums of hydraulic oil (600
        # L)
        cls._create_order(
            cls.customer_a,
            [(cls.bulk_oil, 2.0), (cls.hydraulic_oil, 3.0, cls.drum)],
            "2026-09-15 08:00:00",
            price=10.0,
        )
        # October: 440 kg of grease (0.88 kg/L default: 500 L), 400 L of hydraulic oil,
        # 5 filter kits (pieces: cannot be converted), 1000 L of diesel (not a
        # lubricant)
        cls._create_order(
            cls.customer_a,
            [
                (cls.grease, 440.0),
                (cls.hydraulic_oil, 400.0),
                (cls.filter_kit, 5.0),
                (cls.diesel, 1000.0),
            ],
            "2026-10-03 08:00:00",
            price=10.0,
        )
        # neither a draft order nor one outside the period counts
        cls._create_order(
            cls.customer_a,
            [(cls.hydraulic_oil, 999.0)],
            "2026-10-20 08:00:00",
            confirm=False,
        )
        cls._create_order(
            cls.customer_a, [(cls.hydraulic_oil, 777.0)], "2026-08-31 08:00:00"
        )
        # a contact of the customer orders: it counts for the customer
        contact = cls.env["res.partner"].create(
            {"name": "Purchasing dept.", "parent_id": cls.customer_a.id}
        )
        cls._create_order(
            contact, [(cls.hydraulic_oil, 100.0)], "2026-10-10 08:00:00", price=10.0
        )
        cls._create_order(cls.customer_b, [(cls.grease, 88.0)], "2026-10-05 08:00:00")
        cls.service = cls.env["lam.purchase.analysis"]

    def _purchases(self, groupby, user=None, partners=None):
        service = self.service.with_user(user) if user else self.service
        return service._lam_purchases(
            SEPT, datetime.date(2026, 10, 31), partners=partners, groupby=groupby
        )

    def test_quantities_in_reference_unit_by_customer(self):
        result = self._purchases(
            ("partner",), partners=self.customer_a | self.customer_b | self.customer_c
        )
        rows = {row["partner_id"]: row for row in result["rows"]}
        self.assertEqual(set(rows), {self.customer_a.id, self.customer_b.id})
        self.assertAlmostEqual(
            rows[self.customer_a.id]["qty"], 2500.0 + 600.0 + 500.0 + 400.0 + 100.0
        )
        self.assertAlmostEqual(rows[self.customer_b.id]["qty"], 100.0)
        self.assertAlmostEqual(
            rows[self.customer_a.id]["amount"], 10.0 * (2 + 3 + 440 + 400 + 100)
        )
        self.assertEqual(result["reference_uom"], self.uom_litre)

    def test_unconvertible_lines_are_reported_not_counted(self):
        result = self._purchases(
            ("partner",), partners=self.customer_a | self.customer_b
        )
        self.assertEqual(len(result["unconvertible"]), 1)
        line = result["unconvertible"][0]
        self.assertEqual(
            (line["partner_id"], line["product_id"], line["uom_id"]),
            (self.customer_a.id, self.filter_kit.id, self.uom_unit.id),
        )
        self.assertEqual((line["qty"], line["amount"]), (5.0, 50.0))

    def test_by_month_and_product(self):
        result = self._purchases(
            ("partner", "month", "product"), partners=self.customer_a
        )
        rows = {(row["month"], row["product_id"]): row["qty"] for row in result["rows"]}
        expected = {
            (SEPT, self.bulk_oil.id): 2500.0,
            (SEPT, self.hydraulic_oil.id): 600.0,
            (OCT, self.grease.id): 500.0,
            (OCT, self.hydraulic_oil.id): 500.0,
        }
        self.assertEqual(set(rows), set(expected))
        for key, qty in expected.items():
            self.assertAlmostEqual(rows[key], qty, msg=key)

    def test_reference_unit_in_tonnes(self):
        self.company.lam_reference_uom_id = self.uom_ton
        rows = self._purchases(("product",), partners=self.customer_a)["rows"]
        by_product = {row["product_id"]: row["qty"] for row in rows}
        self.assertAlmostEqual(by_product[self.bulk_oil.id], 2.0)
        self.assertAlmostEqual(
            by_product[self.hydraulic_oil.id], 1100.0 * 0.87 / 1000.0
        )

    def test_manager_sees_purchases_of_his_customers_only(self):
        result = self._purchases(("partner",), user=self.manager_a)
        self.assertEqual(
            {row["partner_id"] for row in result["rows"]}, {self.customer_a.id}
        )
        with self.assertRaises(AccessError):
            self._purchases(("partner",), user=self.manager_a, partners=self.customer_b)

    def test_purchases_of_other_partners_are_not_served(self):
        vendor = self.env["res.partner"].create(
            {"name": "Drum Supplier", "is_company": True}
        )
        self._create_order(vendor, [(self.hydraulic_oil, 50.0)], "2026-10-05 08:00:00")
        # readable by everyone as an ordinary contact, but not a lubricant customer
        self.assertEqual(
            self._purchases(("partner",), user=self.manager_a, partners=vendor)["rows"],
            [],
        )
        with self.assertRaises(AccessError):
            self._purchases(
                ("partner",), user=self.internal_user, partners=self.customer_a
            )

    def test_finance_sees_every_customer(self):
        result = self._purchases(("partner",), user=self.finance)
        self.assertLessEqual(
            {self.customer_a.id, self.customer_b.id},
            {row["partner_id"] for row in result["rows"]},
        )


@tagged("post_install", "-at_install")
class TestPurchaseAnalysisScale(LamScaleCase):
    def test_queries_do_not_grow_with_customers(self):
        service = self.env["lam.purchase.analysis"]

        def purchases(partners):
            result = service.with_user(partners.env.user)._lam_purchases(
                datetime.date(2026, 1, 1),
                datetime.date(2026, 12, 31),
                partners=partners,
                groupby=("partner", "month", "product"),
            )
            self.assertEqual(len(result["rows"]), 3 * len(partners))

        self._assert_constant_queries(purchases)
