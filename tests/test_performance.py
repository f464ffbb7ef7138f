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

    def _count_read_queries(self, partners):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        partners.read(LIST_FIELDS)
        return self.cr.sql_log_count - start

    def test_archive_list_queries_do_not_grow_with_customers(self):
        partners = self.partners.with_user(self.manager_a)
        queries_for_20 = self._count_read_queries(partners[:20])
        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_20):
            rows = partners.read(LIST_FIELDS)
        self.assertEqual(len(rows), 200)
        self.assertEqual(rows[0]["lam_coverage_ratio"], 100.0)
