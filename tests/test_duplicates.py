# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 24 (going live from Excel), first part: the same customer written
twice is found, under its registration code, its name once normalised or
its phone, and handed to Odoo's merge wizard."""

from odoo.exceptions import AccessError
from odoo.tests import BaseCase, tagged

from ..tools.dedup import company_key, duplicate_groups, phone_key
from .common import MODULE, LamCommon

TRICKY = [
    (1, "山东鲁润石化有限公司", "", ["0531-88881234"]),
    (2, "山东鲁润石化（集团）有限公司", "", []),
    (3, "山东鲁润石化 有限公司", "", []),
    (4, "山东鲁润石化有限公司济南分公司", "", []),
    (5, "山东鲁润石化有限公司青岛分公司", "", []),
    (6, "ＡＢＣ润滑油（天津）有限公司", "", []),
    (7, "ABC润滑油(天津)有限公司", "", []),
    (8, "鞍山钢铁集团有限公司", "", []),
    (9, "鞍山钢铁股份有限公司", "", []),
    (10, "唐山钢铁", "91130200MA0A1B2C3D", []),
    (11, "唐钢股份", "91130200ma0a1b2c3d", []),
    (12, "天津港集装箱码头", "", ["+86 531 8888 1234"]),
    (13, "集团", "", []),
    (14, "有限公司", "", []),
    (15, "有限公司", "", []),
]


class TestDuplicateKeys(BaseCase):
    def test_names_that_are_one_company(self):
        self.assertEqual(
            {
                company_key(name)
                for name in (
                    "山东鲁润石化有限公司",
                    "山东鲁润石化（集团）有限公司",
                    "山东鲁润石化 有限公司",
                    "山东鲁润石化股份有限公司",
                )
            },
            {"山东鲁润石化"},
        )
        # a branch is not its head office, nor another branch
        self.assertEqual(
            company_key("山东鲁润石化有限公司济南分公司"), "山东鲁润石化济南分公司"
        )
        # full-width letters and brackets as half-width; what brackets hold stays
        self.assertEqual(company_key("ＡＢＣ润滑油（天津）有限公司"), "abc润滑油天津")
        # nothing left to compare: no key
        self.assertEqual(company_key("有限公司"), "")
        self.assertEqual(phone_key("+86 (0531) 8888-1234"), "88881234")
        self.assertEqual(phone_key("1234"), "")

    def test_the_groups_of_a_tricky_list(self):
        self.assertEqual(
            duplicate_groups(TRICKY),
            [
                ([1, 2, 3, 12], ["name", "phone"]),
                ([6, 7], ["name"]),
                ([8, 9], ["name"]),
                ([10, 11], ["uscc"]),
            ],
        )


@tagged("post_install", "-at_install")
class TestDuplicateCustomers(LamCommon):
    def test_the_administrator_finds_and_merges_them(self):
        admin = self._new_user(
            "lam_admin_dup",
            "Admin",
            f"base.group_partner_manager,{MODULE}.group_lam_admin",
        )
        Partner = self.env["res.partner"]
        customers = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                    "phone": phones[0] if phones else False,
                }
                for _id, name, _uscc, phones in TRICKY[:5]
            ]
        )
        action = self.env["lam.duplicate.group"].with_user(admin).action_lam_find()
        groups = (
            self.env["lam.duplicate.group"]
            .browse(action["domain"][0][2])
            .filtered(lambda group: group.partner_ids & customers)
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups.partner_ids, customers[:3])
        self.assertEqual((groups.partner_count, groups.reasons), (3, "Company Name"))
        merge = groups.action_lam_merge()
        self.assertEqual(merge["res_model"], "base.partner.merge.automatic.wizard")
        self.assertEqual(merge["context"]["active_ids"], customers[:3].ids)
        wizard = (
            self.env[merge["res_model"]]
            .with_user(admin)
            .with_context(**merge["context"])
            .create({})
        )
        self.assertEqual(wizard.partner_ids, customers[:3])
        # an account manager neither finds nor lists them
        with self.assertRaises(AccessError):
            self.env["lam.duplicate.group"].with_user(self.manager_a).action_lam_find()
