# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import tagged

from .common import LamCommon

LIST_FIELDS = [
    "name", "lam_customer_kind", "lam_size", "lam_stage", "industry_id", "city", "user_id",
    "lam_last_review_date", "lam_coverage_ratio", "lam_is_credit_customer", "lam_missing_key_person",
]


@tagged("post_install", "-at_install")
class TestArchivePerformance(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"].create([
            {
                "name": f"Customer {index:03d}",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_size": ("large", "medium", "small")[index % 3],
                "user_id": cls.manager_a.id,
            }
            for index in range(200)
        ])
        cls.env["lam.equipment"].create([
            {"name": "Engine", "partner_id": partner.id, "quantity": 2, "oil_source": "ours"}
            for partner in partners
        ])
        cls.partners = partners

    def test_archive_list_queries_do_not_grow_with_customers(self):
        self._assert_constant_queries(lambda partners: partners.read(LIST_FIELDS))
        rows = self.partners.with_user(self.manager_a).read(LIST_FIELDS)
        self.assertEqual(len(rows), 200)
        self.assertEqual(rows[0]["lam_coverage_ratio"], 100.0)

    def _count_queries(self, function, partners):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        function(partners)
        return self.cr.sql_log_count - start

    def _assert_constant_queries(self, function):
        partners = self.partners.with_user(self.manager_a)
        function(partners[:20])  # warm the caches that do not depend on the customers
        queries_for_20 = self._count_queries(function, partners[:20])
        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_20):
            function(partners)

    def test_p9_xlsx_queries_do_not_grow_with_customers(self):
        report = self.env["report.lubricant_account_manager.report_p9_archive_basic"].with_user(self.manager_a)
        self._assert_constant_queries(report._lam_xlsx)

    def test_p10_queries_do_not_grow_with_customers(self):
        self.env["lam.oil.usage"].create([
            {"partner_id": partner.id, "product_id": self.grease.id, "quantity": 10.0, "uom_id": self.uom_kg.id}
            for partner in self.partners
        ])
        report = self.env["report.lubricant_account_manager.report_p10_archive_dynamic"].with_user(self.manager_a)
        self._assert_constant_queries(report._lam_xlsx)
