# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..tools.abc import grade_ranking
from .common import LamCommon

TODAY = datetime.date(2026, 11, 20)
NOW = "2026-11-20 04:00:00"


@tagged("post_install", "-at_install")
class TestGradeRanking(LamCommon):
    def test_pure_ranking(self):
        ranking = grade_ranking(
            [(1, 50.0), (2, 20.0), (3, 20.0), (4, 10.0), (5, 0.0), (6, -5.0)], 70, 90
        )
        # 1: 0-50 A; 2: 50-70 A (starts below 70); 3: 70-90 B (starts on 70); 4: 90-100
        # C; nothing bought: C
        self.assertEqual(
            {customer: grade for customer, (_rank, _share, grade) in ranking.items()},
            {1: "a", 2: "a", 3: "b", 4: "c", 5: "c", 6: "c"},
        )
        self.assertEqual((ranking[2][0], ranking[3][0]), (2, 3))  # equal values: by id
        self.assertAlmostEqual(ranking[3][1], 90.0)
        self.assertEqual(
            grade_ranking([(1, 0.0), (2, 0.0)], 70, 90),
            {1: (1, 0.0, "c"), 2: (2, 0.0, "c")},
        )


class LamAbcCase(LamCommon):
    """Eight customers whose volumes in litres are known exactly:

    ====  ==================================================  ========  =====
    name  purchases in the window                              litres    grade
    ====  ==================================================  ========  =====
    c1    1000 L hydraulic oil                                  1000.000  A
    c3    0.5 t bulk oil, 0.8 kg/L                               625.000  A
    c2    2 drums of 200 L                                       400.000  A
    c6    400 L (ties with c2: after it, by id)                  400.000  A (66% before:
    straddles 70%)
    c4    300 kg grease at the default 0.88 kg/L                 340.909  B
    c5    400 L less a credit note of 100 L                      300.000  C (90.2%
    before)
    c7    an order 14 months ago only                              0      C
    c8    two filter kits in pieces (cannot be converted)          0      C
    ====  ==================================================  ========  =====
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drum = cls.env["uom.uom"].create(
            {
                "name": "Drum 200 L",
                "category_id": cls.uom_litre.category_id.id,
                "uom_type": "bigger",
                "factor_inv": 200.0,
            }
        )
        cls.kit = cls._create_product("Filter kit", cls.uom_unit)
        names = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]
        cls.c = {
            name: cls.env["res.partner"].create(
                {
                    "name": f"Grade {name}",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": (
                        cls.manager_a
                        if name in ("c1", "c2", "c3", "c4")
                        else cls.manager_b
                    ).id,
                }
            )
            for name in names
        }
        day = "2026-10-15 02:00:00"
        cls._create_order(cls.c["c1"], [(cls.hydraulic_oil, 1000.0)], day)
        cls._create_order(
            cls.c["c2"], [(cls.hydraulic_oil, 2.0, cls.drum)], day, price=4000.0
        )
        cls._create_order(cls.c["c3"], [(cls.bulk_oil, 0.5)], day, price=9000.0)
        cls._create_order(cls.c["c4"], [(cls.grease, 300.0)], day, price=100.0)
        cls._create_order(cls.c["c5"], [(cls.hydraulic_oil, 400.0)], day)
        cls._create_order(cls.c["c6"], [(cls.hydraulic_oil, 400.0)], day)
        cls._create_order(
            cls.c["c7"], [(cls.hydraulic_oil, 5000.0)], "2025-09-15 02:00:00"
        )
        cls._create_order(cls.c["c8"], [(cls.kit, 2.0)], day, price=50.0)
        refund = cls.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": cls.c["c5"].id,
                "invoice_date": "2026-10-20",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.hydraulic_oil.id,
                            "quantity": 100.0,
                            "product_uom_id": cls.uom_litre.id,
                            "price_unit": 20.0,
                        }
                    )
                ],
            }
        )
        refund.action_post()
        cls.Grading = cls.env["lam.abc.grading"]

    def _recompute(self, today=TODAY):
        with freeze_time(f"{today} 04:00:00"):
            return self.Grading._lam_recompute(self.company)

    def _grades(self):
        return {name: partner.lam_abc_grade for name, partner in self.c.items()}


@tagged("post_install", "-at_install")
class TestAbcGrading(LamAbcCase):
    def test_a_grade_is_not_forged_when_a_customer_is_created(self):
        """Issue 17, hole 10: create refuses what write refuses."""
        for vals in (
            {"lam_abc_grade": "a"},
            {"lam_abc_value": 1e6},
            {"lam_abc_pinned_grade": "a", "lam_abc_pin_expiry": "2199-12-31"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "grade"):
                self.env["res.partner"].with_user(self.manager_a).create(
                    {
                        "name": "Forged Grade Co.",
                        "is_company": True,
                        "lam_customer_kind": "terminal",
                        "user_id": self.manager_a.id,
                        **vals,
                    }
                )

    def test_grades_volumes_shares_and_history(self):
        # only the addon's customers of the company are graded: the demo ones too, so
        # grade ours apart
        self.company.lam_abc_scope = "manager"
        result = self._recompute()
        # per manager: A's portfolio c1 1000, c3 625, c2 400, c4 340.9 (85.6% before it:
        # B);
        # B's c6 400, c5 300 (57.1% before it: A)
        self.assertEqual(
            self._grades(),
            {
                "c1": "a",
                "c2": "a",
                "c3": "a",
                "c4": "b",
                "c5": "a",
                "c6": "a",
                "c7": "c",
                "c8": "c",
            },
        )
        self.assertAlmostEqual(self.c["c4"].lam_abc_value, 300 / 0.88, places=3)
        self.assertAlmostEqual(self.c["c3"].lam_abc_value, 625.0, places=3)
        self.assertAlmostEqual(self.c["c2"].lam_abc_value, 400.0, places=3)
        self.assertAlmostEqual(self.c["c5"].lam_abc_value, 300.0, places=3)
        self.assertEqual(
            (
                self.c["c1"].lam_abc_rank,
                self.c["c3"].lam_abc_rank,
                self.c["c2"].lam_abc_rank,
            ),
            (1, 2, 3),
        )
        self.assertIn(
            (self.c["c8"].id, self.kit.id, self.uom_unit.id),
            {
                (row["partner_id"], row["product_id"], row["uom_id"])
                for row in result["unconvertible"]
            },
        )
        self.assertIn("cannot be converted", result["message"])

    def test_dealers_in_their_own_ranking_and_their_customers_not_graded(self):
        """Issue 18, item 10: c1 (1,000 L) and c3 (625 L) become dealers, c4 a
        terminal customer of c1. By default the dealers rank among themselves
        (61.5 % and 100 %: both A, c3 straddling 70 %); the terminal customers
        without c4 rank as c2 400, c6 400, c5 300 of 1,100 L (A, A straddling,
        B), c7 and c8 C; c4 buys through his dealer and is not graded."""
        company = self.env["res.company"].create(
            {"name": "Dealer Grading Co", "lam_reference_uom_id": self.uom_litre.id}
        )
        self.env.user.company_ids |= company
        customers = self.env["res.partner"].browse(
            [partner.id for partner in self.c.values()]
        )
        customers.company_id = company
        orders = self.env["sale.order"].search([("partner_id", "in", customers.ids)])
        self.env.cr.execute(
            "UPDATE sale_order SET company_id = %s WHERE id = ANY(%s)",
            [company.id, orders.ids],
        )
        self.env.cr.execute(
            "UPDATE account_move SET company_id = %s WHERE partner_id = %s AND "
            "move_type = 'out_refund'",
            [company.id, self.c["c5"].id],
        )
        (self.c["c1"] | self.c["c3"]).lam_customer_kind = "dealer"
        self.c["c4"].lam_dealer_id = self.c["c1"]
        self.env.invalidate_all()
        self.assertEqual(company.lam_abc_dealers, "apart")

        def grades():
            return {
                name: partner.with_company(company).lam_abc_grade
                for name, partner in self.c.items()
            }

        with freeze_time(NOW):
            self.Grading._lam_recompute(company)
        self.assertEqual(
            grades(),
            {
                "c1": "a",
                "c3": "a",
                "c2": "a",
                "c6": "a",
                "c5": "b",
                "c7": "c",
                "c8": "c",
                "c4": False,
            },
        )
        # a company that does not grade dealers: they lose their grades
        company.lam_abc_dealers = "none"
        with freeze_time(NOW):
            self.Grading._lam_recompute(company)
        self.assertEqual(
            {name: grade for name, grade in grades().items() if name in ("c1", "c3")},
            {"c1": False, "c3": False},
        )

    def test_company_ranking_ties_straddles_refunds(self):
        # a company of its own, so that nothing but these eight customers is ranked
        company = self.env["res.company"].create(
            {"name": "Graded Co", "lam_reference_uom_id": self.uom_litre.id}
        )
        self.env.user.company_ids |= company
        customers = self.env["res.partner"].browse(
            [partner.id for partner in self.c.values()]
        )
        customers.company_id = company
        orders = self.env["sale.order"].search([("partner_id", "in", customers.ids)])
        self.env.cr.execute(
            "UPDATE sale_order SET company_id = %s WHERE id = ANY(%s)",
            [company.id, orders.ids],
        )
        self.env.cr.execute(
            "UPDATE account_move SET company_id = %s WHERE partner_id = %s AND "
            "move_type = 'out_refund'",
            [company.id, self.c["c5"].id],
        )
        # a customer shared by every company (a customer takes his manager's company;
        # an administrator may share him)
        self.env["res.partner"].create(
            {
                "name": "Shared Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        ).company_id = False
        self.env.invalidate_all()
        with freeze_time(NOW):
            result = self.Grading._lam_recompute(company)
        # the customers shared by every company are graded too: nothing bought in this
        # one, C
        shared = self.env["res.partner"].search(
            [
                ("lam_customer_kind", "!=", False),
                ("company_id", "=", False),
                ("is_company", "=", True),
            ]
        )
        self.assertEqual(result["customers"], len(shared) + 8)
        # (those who buy through a dealer are not graded: issue 18, item 10)
        through_dealer = shared.filtered("lam_dealer_id")
        self.assertEqual(
            set(
                (shared - through_dealer).with_company(company).mapped("lam_abc_grade")
            ),
            {"c"},
        )
        self.assertFalse(
            any(through_dealer.with_company(company).mapped("lam_abc_grade"))
        )
        graded = {
            name: partner.with_company(company) for name, partner in self.c.items()
        }
        self.assertEqual(
            {name: partner.lam_abc_grade for name, partner in graded.items()},
            {
                "c1": "a",
                "c3": "a",
                "c2": "a",
                "c6": "a",
                "c4": "b",
                "c5": "c",
                "c7": "c",
                "c8": "c",
            },
        )
        self.assertEqual(
            [
                graded[name].lam_abc_rank
                for name in ("c1", "c3", "c2", "c6", "c4", "c5")
            ],
            [1, 2, 3, 4, 5, 6],
        )
        total = 1000 + 625 + 400 + 400 + 300 / 0.88 + 300
        self.assertAlmostEqual(
            graded["c6"].lam_abc_share, round(100 * 2425 / total, 4), places=3
        )
        self.assertAlmostEqual(graded["c5"].lam_abc_value, 300.0, places=3)
        # the current company sees its own grades: none for these customers
        self.assertFalse(self.c["c1"].with_company(self.company).lam_abc_grade)
        history = self.env["lam.abc.history"].search(
            [("company_id", "=", company.id), ("partner_id", "in", customers.ids)]
        )
        self.assertEqual(len(history), 8)
        self.assertEqual(set(history.mapped("old_grade")), {False})
        # nothing changed: no write, no history; then c4 buys more and overtakes c6
        count = self.env["lam.abc.history"].search_count(
            [("company_id", "=", company.id)]
        )
        with freeze_time(NOW):
            self.assertEqual(self.Grading._lam_recompute(company)["changed"], 0)
        self.assertEqual(
            self.env["lam.abc.history"].search_count([("company_id", "=", company.id)]),
            count,
        )
        self.c["c4"].company_id = False
        order = self._create_order(
            self.c["c4"], [(self.grease, 300.0)], "2026-11-02 02:00:00"
        )
        self.c["c4"].company_id = company
        self.env.cr.execute(
            "UPDATE sale_order SET company_id = %s WHERE id = %s",
            [company.id, order.id],
        )
        self.env.invalidate_all()
        with freeze_time(NOW):
            self.assertEqual(self.Grading._lam_recompute(company)["changed"], 2)
        change = self.env["lam.abc.history"].search(
            [
                ("company_id", "=", company.id),
                ("partner_id", "=", self.c["c4"].id),
                ("old_grade", "=", "b"),
            ]
        )
        self.assertEqual(
            (change.new_grade, change.reason, change.date), ("a", "computed", TODAY)
        )
        self.assertAlmostEqual(change.value, 600 / 0.88, places=3)
        # revenue basis: c4 30 000 + 6 000, c1 20 000, c2 8 000, c6 8 000, c5 8 000 - 2
        # 000 refunded,
        # c3 4 500, c8 100 (pieces count as revenue): 67.8% before c2, 77.5% before c6
        company.lam_abc_basis = "revenue"
        with freeze_time(NOW):
            self.Grading._lam_recompute(company)
        self.assertEqual(
            {name: partner.lam_abc_grade for name, partner in graded.items()},
            {
                "c4": "a",
                "c1": "a",
                "c2": "a",
                "c6": "b",
                "c5": "b",
                "c3": "c",
                "c8": "c",
                "c7": "c",
            },
        )
        self.assertAlmostEqual(graded["c5"].lam_abc_value, 6000.0, places=2)
        self.assertAlmostEqual(graded["c8"].lam_abc_value, 100.0, places=2)

    def test_pin_until_expiry(self):
        self._recompute()
        c7 = self.c["c7"]
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(AccessError):
            Form(self.env["lam.abc.pin.wizard"].with_user(self.department_manager))
        with freeze_time(NOW):
            wizard = Form(
                self.env["lam.abc.pin.wizard"]
                .with_user(admin)
                .with_context(active_model="res.partner", active_ids=c7.ids)
            )
            wizard.grade = "a"
            wizard.reason = "Group framework agreement signed"
            wizard.date_until = TODAY + datetime.timedelta(days=30)
            wizard.save().action_pin()
        self.assertEqual(
            (c7.lam_abc_grade, c7.lam_abc_computed_grade, c7.lam_abc_differs),
            ("a", "c", True),
        )
        self.assertIn(
            c7, self.env["res.partner"].search([("lam_abc_differs", "=", True)])
        )
        self._recompute(TODAY + datetime.timedelta(days=10))
        self.assertEqual(c7.lam_abc_grade, "a")
        self._recompute(TODAY + datetime.timedelta(days=31))
        self.assertEqual(
            (c7.lam_abc_grade, c7.lam_abc_pinned_grade, c7.lam_abc_differs),
            ("c", False, False),
        )
        self.assertEqual(
            c7.lam_abc_history_ids.sorted("id").mapped("reason")[-2:],
            ["pinned", "expired"],
        )
        self.assertEqual(
            c7.lam_abc_history_ids.filtered(
                lambda change: change.reason == "pinned"
            ).note,
            "Group framework agreement signed",
        )
        with (
            freeze_time(NOW),
            self.assertRaisesRegex(ValidationError, "until today or a later day"),
        ):
            self.env["lam.abc.pin.wizard"].with_user(admin).create(
                {
                    "partner_ids": [Command.set(c7.ids)],
                    "grade": "b",
                    "reason": "x",
                    "date_until": "2026-01-01",
                }
            )

    def test_managers_read_grades_and_never_write_them(self):
        self.company.lam_abc_scope = "manager"
        self._recompute()
        customer = self.c["c1"].with_user(self.manager_a)
        self.assertEqual(customer.lam_abc_grade, "a")
        for field in ("lam_abc_grade", "lam_abc_pinned_grade", "lam_abc_value"):
            with (
                self.subTest(field=field),
                self.assertRaisesRegex(UserError, "computed from the sales"),
            ):
                customer.write({field: "c" if "grade" in field else 1.0})
        with self.assertRaises(AccessError):
            self.env["lam.abc.history"].with_user(self.manager_a).create(
                {
                    "partner_id": customer.id,
                    "company_id": self.company.id,
                    "date": TODAY,
                    "new_grade": "a",
                }
            )
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager_a).create(
                {}
            ).action_lam_abc_recompute()
        # the analysis: each his own, the department manager his team, finance all
        Analysis = self.env["lam.abc.analysis"]
        mine = Analysis.with_user(self.manager_a).search(
            [("partner_id", "in", [p.id for p in self.c.values()])]
        )
        self.assertEqual(mine.user_id, self.manager_a)
        team = Analysis.with_user(self.department_manager).search([])
        self.assertEqual(team.user_id, self.manager_a | self.manager_b)
        self.assertFalse(
            Analysis.with_user(self.manager_c).search(
                [("partner_id", "in", mine.partner_id.ids)]
            )
        )
        self.assertGreaterEqual(Analysis.with_user(self.finance).search_count([]), 8)
        rows = Analysis.search([("partner_id", "=", self.c["c1"].id)])
        self.assertEqual((rows.grade, rows.rank_tenth > 0), ("a", True))

    def test_queries_do_not_grow_with_customers(self):
        more = self.env["res.partner"].create(
            [
                {
                    "name": f"Scale {index}",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                }
                for index in range(60)
            ]
        )
        for index, partner in enumerate(more):
            self._create_order(
                partner,
                [
                    (self.hydraulic_oil, 10.0 + index),
                    (self.grease, 5.0),
                    (self.bulk_oil, 0.1),
                ],
                "2026-10-10 02:00:00",
            )
        self._recompute()
        unchanged = self._lam_query_count(self._recompute)  # nothing changes
        self._create_order(more[0], [(self.hydraulic_oil, 1e8)], "2026-11-01 02:00:00")
        self.env.invalidate_all()
        with self.assertQueryCount(
            unchanged + 2
        ):  # one update of the changed rows, one insert of their history
            self._recompute()
        self.assertEqual(more[0].lam_abc_rank, 1)
