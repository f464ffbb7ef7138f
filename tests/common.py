# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime
from unittest.mock import patch

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

MODULE = "lubricant_account_manager"

#: The instant every test of the suite runs at, unless it freezes its own:
#: Saturday 28 November 2026, noon in Shanghai. No test reads the real clock.
FROZEN_NOW = "2026-11-28 04:00:00"


class LamCommon(TransactionCase):
    """Two managers (A, B) in a team led by a department manager, a manager
    (C) in another team with its own department manager, finance, a plain
    internal user, one customer per manager, and lubricant products sold in
    litres, kilograms and tonnes.

    The clock is frozen at :data:`FROZEN_NOW` for the whole class (Odoo's
    ``freeze_time`` class attribute), and the cursor's ``now()``, which dates
    ``create_date``/``write_date`` and the chatter, reads the same frozen
    clock instead of the database's transaction start."""

    freeze_time = FROZEN_NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the database's now() is the real day: date records by the frozen clock, which
        # a
        # test's own freeze_time moves
        cls.startClassPatcher(
            patch.object(cls.cr, "now", lambda: datetime.datetime.now())
        )
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", tracking_disable=False)
        )
        cls.company = cls.env.company
        cls.uom_litre = cls.env.ref("uom.product_uom_litre")
        cls.uom_kg = cls.env.ref("uom.product_uom_kgm")
        cls.uom_ton = cls.env.ref("uom.product_uom_ton")
        cls.uom_unit = cls.env.ref("uom.product_uom_unit")
        cls.company.write(
            {"lam_reference_uom_id": cls.uom_litre.id, "lam_default_density": 0.88}
        )

        cls.manager_a = cls._new_user(
            "lam_a", "Manager A", f"{MODULE}.group_lam_development"
        )
        cls.manager_b = cls._new_user(
            "lam_b", "Manager B", f"{MODULE}.group_lam_maintenance"
        )
        cls.manager_c = cls._new_user(
            "lam_c", "Manager C", f"{MODULE}.group_lam_channel"
        )
        cls.department_manager = cls._new_user(
            "lam_dep", "Department Manager", f"{MODULE}.group_lam_department_manager"
        )
        cls.other_department_manager = cls._new_user(
            "lam_dep2",
            "Department Manager West",
            f"{MODULE}.group_lam_department_manager",
        )
        cls.finance = cls._new_user(
            "lam_fin",
            "Finance",
            f"base.group_partner_manager,{MODULE}.group_lam_finance",
        )
        cls.internal_user = cls._new_user(
            "lam_plain",
            "Plain Salesman",
            "sales_team.group_sale_salesman,base.group_partner_manager",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Lubricants East",
                "user_id": cls.department_manager.id,
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.manager_a.id}),
                    Command.create({"user_id": cls.manager_b.id}),
                ],
            }
        )
        cls.team_west = cls.env["crm.team"].create(
            {
                "name": "Lubricants West",
                "user_id": cls.other_department_manager.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.manager_c.id})],
            }
        )
        cls.customer_a = cls.env["res.partner"].create(
            {
                "name": "Anshan Steel Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_size": "large",
                "lam_stage": "active",
                "user_id": cls.manager_a.id,
                "lam_competitor_prices": "Brand X hydraulic oil 14.5 CNY/L",
            }
        )
        cls.customer_b = cls.env["res.partner"].create(
            {
                "name": "Bohai Port Logistics",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "lam_size": "medium",
                "user_id": cls.manager_b.id,
            }
        )
        cls.customer_c = cls.env["res.partner"].create(
            {
                "name": "Chongqing Cement",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_size": "small",
                "user_id": cls.manager_c.id,
            }
        )
        # a sales tax of the tests' own, added to the price: the figures do not
        # follow the chart of accounts of the database (China's includes its
        # 13 % VAT in prices)
        cls.sale_tax = cls.env["account.tax"].create(
            {
                "name": "Test VAT 15%",
                "amount": 15.0,
                "type_tax_use": "sale",
                "price_include_override": "tax_excluded",
                "company_id": cls.company.id,
            }
        )
        cls.hydraulic_oil = cls._create_product(
            "L-HM 46 Hydraulic Oil", cls.uom_litre, density=0.87
        )
        cls.grease = cls._create_product("Lithium Grease 2#", cls.uom_kg)
        cls.bulk_oil = cls._create_product("CI-4 15W-40 Bulk", cls.uom_ton, density=0.8)

    @classmethod
    def _new_user(cls, login, name, groups):
        # English whatever the database's default language: tests assert on English
        # texts
        return new_test_user(cls.env, login, groups=groups, name=name, lang="en_US")

    @classmethod
    def _create_product(cls, name, uom, density=0.0, lubricant=True):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "uom_id": uom.id,
                "uom_po_id": uom.id,
                "lam_is_lubricant": lubricant,
                "lam_density": density,
                "list_price": 20.0,
                "taxes_id": [Command.set(cls.sale_tax.ids)],
            }
        )

    @classmethod
    def _create_calendar(cls, name="Shanghai office"):
        """Monday to Friday 8-12 and 13-17 in Shanghai, of the test's own (a new
        calendar otherwise copies the company's, holidays and make-up days
        included)."""
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in (
                        (8, 12, "morning"),
                        (13, 17, "afternoon"),
                    )
                ],
            }
        )

    @classmethod
    def _create_equipment(cls, partner, quantity=1, oil_source="unknown", **vals):
        return cls.env["lam.equipment"].create(
            {
                "name": vals.pop("name", "Hydraulic press"),
                "partner_id": partner.id,
                "quantity": quantity,
                "oil_source": oil_source,
                **vals,
            }
        )

    @classmethod
    def _create_order(cls, partner, lines, date, confirm=True, price=20.0):
        """Create a sale order of ``lines`` [(product, qty) or (product, qty, uom)]
        dated ``date``."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": partner.user_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": line[0].id,
                            "product_uom_qty": line[1],
                            "product_uom": (
                                line[2] if len(line) > 2 else line[0].uom_id
                            ).id,
                            "price_unit": price,
                        }
                    )
                    for line in lines
                ],
            }
        )
        if confirm:
            # history, not a credit check: constructed orders pass the risk check
            order.with_context(bypass_risk=True).action_confirm()
        order.date_order = date
        return order

    def _lam_query_count(self, function, *args):
        """The queries of ``function(*args)`` counted as ``assertQueryCount``
        counts them: cold record caches, pending writes flushed before, and the
        writes it leaves flushed after."""
        self.env.invalidate_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        function(*args)
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    def _lam_assert_same_queries(self, function, small, large):
        """``function(large)`` costs the queries of ``function(small)``. Run on
        ``small`` once first: the caches that do not depend on the records
        (parameters, groups, translations) are warm for both measurements."""
        function(small)
        expected = self._lam_query_count(function, small)
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            function(large)
        return expected
