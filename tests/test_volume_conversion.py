# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from psycopg2 import IntegrityError

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

    def test_unit_factors_cost_no_query_per_product_and_unit(self):
        """Issue 22: the factors of 3 and of 30 (product, unit) pairs cost the
        same queries; a look-up of litre and kilogram per pair asked the
        database whether they exist, most of an ABC run's queries."""
        products = self.env["product.product"].create(
            [
                {"name": f"Oil {index}", "uom_id": self.uom_litre.id}
                for index in range(10)
            ]
        )
        products[::2].product_tmpl_id.write({"lam_density": 0.9})
        units = self.uom_litre | self.uom_kg | self.uom_ton

        def groups(count):
            return [
                {"product_id": product.id, "uom_id": uom.id}
                for product in products[:count]
                for uom in units
            ]

        analysis = self.env["lam.purchase.analysis"]
        self._lam_assert_same_queries(
            lambda rows: analysis._lam_reference_factors(rows, self.company),
            groups(1),
            groups(10),
        )
        factors = analysis._lam_reference_factors(groups(10), self.company)
        self.assertEqual(len(factors), 30)
        self.assertAlmostEqual(factors[products[0].id, self.uom_kg.id], 1 / 0.9)
        self.assertAlmostEqual(factors[products[1].id, self.uom_ton.id], 1000 / 0.88)
        self.assertEqual(factors[products[1].id, self.uom_litre.id], 1.0)

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
