# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import LamCommon


@tagged("post_install", "-at_install")
class TestVolumeConversion(LamCommon):
    def test_same_category_uses_uom_factors(self):
        self.company.lam_reference_uom_id = self.uom_kg
        qty = self.company._lam_to_reference_qty(2.5, self.uom_ton, self.bulk_oil)
        self.assertAlmostEqual(qty, 2500.0)

    def test_volume_to_weight_through_product_density(self):
        self.company.lam_reference_uom_id = self.uom_kg
        qty = self.company._lam_to_reference_qty(
            200.0, self.uom_litre, self.hydraulic_oil
        )
        self.assertAlmostEqual(qty, 174.0)  # 200 L x 0.87 kg/L

    def test_purchases_cost_no_query_per_product_and_unit(self):
        """Issue 22: the purchases of a customer who bought 30 (product, unit)
        pairs cost the queries of one who bought 3: the volumes are converted
        and summed in SQL (a unit look-up per pair asked the database whether
        litre and kilogram exist, most of an ABC run's queries)."""
        units = self.uom_litre | self.uom_kg | self.uom_ton
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Oil {index}",
                    "uom_id": units[index % 3].id,
                    "uom_po_id": units[index % 3].id,
                    "lam_is_lubricant": True,
                    "lam_density": 0.9 if index % 2 else 0.0,
                }
                for index in range(30)
            ]
        )
        for customer, bought in (
            (self.customer_a, products[:3]),
            (self.customer_b, products),
        ):
            order = self.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1.0,
                                "price_unit": 10.0,
                            }
                        )
                        for product in bought
                    ],
                }
            )
            order.action_confirm()
            order.date_order = "2026-10-15 02:00:00"
        untaxed = order.amount_untaxed  # customer B's
        analysis = self.env["lam.purchase.analysis"]

        def purchases(partners):
            return analysis._lam_purchases(
                date(2026, 10, 1), date(2026, 10, 31), partners=partners
            )["rows"]

        self._lam_assert_same_queries(purchases, self.customer_a, self.customer_b)
        (row,) = purchases(self.customer_b)
        # one unit of each, in its own unit: a litre, or a kilogram or a
        # tonne at 0.9 kg/L (odd products) or the company's 0.88 kg/L
        expected = sum(
            (1.0, 1.0, 1000.0)[index % 3] / (1.0 if index % 3 == 0 else density)
            for index, density in ((i, 0.9 if i % 2 else 0.88) for i in range(30))
        )
        self.assertAlmostEqual(row["qty"], expected, places=6)
        self.assertAlmostEqual(row["amount"], untaxed)
        self.assertEqual(row["partner_id"], self.customer_b.id)

    def test_weight_to_volume_through_default_density(self):
        qty = self.company._lam_to_reference_qty(880.0, self.uom_kg, self.grease)
        self.assertAlmostEqual(qty, 1000.0)  # grease has no density: 0.88 kg/L applies

    def test_tonne_to_litre(self):
        qty = self.company._lam_to_reference_qty(1.0, self.uom_ton, self.bulk_oil)
        self.assertAlmostEqual(qty, 1250.0)  # 1000 kg / 0.8 kg/L

    def test_reference_in_tonnes(self):
        self.company.lam_reference_uom_id = self.uom_ton
        qty = self.company._lam_to_reference_qty(
            1000.0, self.uom_litre, self.hydraulic_oil
        )
        self.assertAlmostEqual(qty, 0.87)

    def test_impossible_conversion_is_reported(self):
        self.assertIsNone(
            self.company._lam_to_reference_qty(
                3.0, self.uom_unit, self.hydraulic_oil, raise_if_failure=False
            )
        )
        with self.assertRaisesRegex(UserError, "cannot be converted"):
            self.company._lam_to_reference_qty(3.0, self.uom_unit, self.hydraulic_oil)

    def test_reference_unit_must_be_litre_kg_or_tonne(self):
        with self.assertRaises(ValidationError):
            self.company.lam_reference_uom_id = self.uom_unit

    def test_density_must_be_positive(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.company.lam_default_density = 0.0
            self.env.flush_all()

    def test_oil_usage_reference_quantity(self):
        usage = self.env["lam.oil.usage"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": self.grease.id,
                "quantity": 44.0,
                "uom_id": self.uom_kg.id,
            }
        )
        self.assertAlmostEqual(usage.reference_qty, 50.0)  # 44 kg / 0.88 kg/L
