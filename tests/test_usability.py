# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The archive as managers, department managers and finance use it."""

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestUsability(LamCommon):
    # 1. contacts and key persons stay persons
    def test_no_contact_carries_a_kind(self):
        # holds for whatever the database holds (demo data, migrated data)
        self.env.flush_all()
        self.env.cr.execute("""
            SELECT count(*) FROM res_partner
             WHERE lam_customer_kind IS NOT NULL AND (NOT is_company OR parent_id IS NOT
                 NULL)
                OR lam_is_key_person AND is_company
        """)
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_contact_added_on_customer_form_is_a_person(self):
        customers = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .with_context(
                default_is_company=True,
                default_lam_customer_kind="terminal",
                default_user_id=self.manager_a.id,
            )
        )
        with Form(customers, view=f"{MODULE}.res_partner_view_form") as form:
            form.name = "Benxi Iron Works"
            with form.lam_key_person_ids.new() as person:
                person.name = "Zhang Wei"
            with form.child_ids.new() as contact:
                contact.name = "Receiving dock"
                contact.type = "delivery"
        customer = form.record
        self.assertEqual(customer.lam_customer_kind, "terminal")
        self.assertEqual(len(customer.child_ids), 2)
        for contact in customer.child_ids:
            self.assertFalse(contact.is_company)
            self.assertFalse(contact.lam_customer_kind)
        self.assertTrue(
            customer.child_ids.filtered(
                lambda c: c.name == "Zhang Wei"
            ).lam_is_key_person
        )

    # 6. finance reads, the credit wizard is for finance and department managers
    def test_finance_gets_a_read_only_archive(self):
        self.assertEqual(
            self.finance.action_id.id,
            self.env.ref(f"{MODULE}.res_partner_action_lam_customer_readonly").id,
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"{MODULE}.res_partner_action_lam_customer_readonly"
        )
        views = dict((mode, view_id) for view_id, mode in action["views"])
        for mode in ("kanban", "list", "form"):
            arch = etree.fromstring(
                self.env["res.partner"]
                .with_user(self.finance)
                .get_view(views[mode], mode)["arch"]
            )
            with self.subTest(mode=mode):
                self.assertEqual(arch.get("create"), "0")
        form = etree.fromstring(
            self.env["res.partner"]
            .with_user(self.finance)
            .get_view(views["form"], "form")["arch"]
        )
        self.assertEqual(form.get("edit"), "0")
        self.assertFalse(form.xpath("//button[@name='action_lam_mark_reviewed']"))
        self.assertTrue(form.xpath("//button[@string='Change Credit Status']"))
        manager_form = etree.fromstring(
            self.env["res.partner"]
            .with_user(self.manager_a)
            .get_view(
                self.env.ref(f"{MODULE}.res_partner_view_form").inherit_id.id, "form"
            )["arch"]
        )
        self.assertTrue(
            manager_form.xpath("//button[@name='action_lam_mark_reviewed']")
        )
        # for a manager the same button makes a request to finance and his department
        # manager
        self.assertTrue(manager_form.xpath("//button[@string='Change Credit Status']"))

    # 7. the department manager works on his team
    def test_my_team_filter_and_report_managers(self):
        search = (
            self.env["res.partner"]
            .with_user(self.department_manager)
            .get_view(self.env.ref(f"{MODULE}.res_partner_view_search").id, "search")
        )
        domain = (
            etree.fromstring(search["arch"])
            .xpath("//filter[@name='my_team']")[0]
            .get("domain")
        )
        team = (
            self.env["res.partner"]
            .with_user(self.department_manager)
            .search(safe_eval(domain, {"uid": self.department_manager.id}))
        )
        self.assertEqual(
            team.filtered("lam_customer_kind"), self.customer_a | self.customer_b
        )
        admin = self.env.ref("base.user_admin")
        offered = {
            user: self.env["lam.report.wizard"]
            .with_user(user)
            .new({})
            .allowed_user_ids._origin
            for user in (self.department_manager, self.manager_a, self.finance, admin)
        }
        self.assertEqual(
            offered[self.department_manager],
            self.manager_a | self.manager_b | self.department_manager,
        )
        self.assertEqual(offered[self.manager_a], self.manager_a)
        self.assertLessEqual(
            self.manager_a | self.manager_b | self.manager_c, offered[self.finance]
        )
        for user in (self.finance, admin):
            self.assertNotIn(admin, offered[user])
        with self.assertRaisesRegex(ValidationError, "own team"):
            self.env["lam.report.wizard"].with_user(self.department_manager).create(
                {"user_id": self.manager_c.id}
            )

    # 8-9. landing and categories
    def test_addon_users_land_in_their_customers(self):
        home = self.env.ref(f"{MODULE}.res_partner_action_lam_customer")
        for user in (self.manager_a, self.department_manager):
            self.assertEqual(user.action_id.id, home.id)
        self.assertFalse(self.internal_user.action_id)
        self.internal_user.groups_id = [
            Command.link(self.env.ref(f"{MODULE}.group_lam_channel").id)
        ]
        self.assertEqual(self.internal_user.action_id.id, home.id)

    def test_each_category_sees_its_own_customers_first(self):
        prospect = self.env["res.partner"].create(
            {
                "name": "Hebei Quarry",
                "is_company": True,
                "lam_customer_kind": "prospect",
                "user_id": self.manager_a.id,
            }
        )
        action = self.env.ref(f"{MODULE}.res_partner_action_lam_customer")
        expected = {
            self.manager_a: prospect,  # development: prospects and targets
            self.manager_b: self.env[
                "res.partner"
            ],  # maintenance: active terminals (B has a dealer)
            self.manager_c: self.env[
                "res.partner"
            ],  # channel: dealers (C has a small terminal)
            self.department_manager: self.customer_a
            | self.customer_b
            | prospect,  # his team
        }
        for user, customers in expected.items():
            with self.subTest(user=user.name):
                default = (
                    self.env["ir.filters"]
                    .with_user(user)
                    .get_filters("res.partner", action.id)
                )
                default = [flt for flt in default if flt["is_default"]]
                self.assertEqual(len(default), 1)
                domain = safe_eval(default[0]["domain"], {"uid": user.id})
                found = (
                    self.env["res.partner"]
                    .with_user(user)
                    .search(
                        [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
                        + domain
                    )
                )
                self.assertEqual(found, customers)
        # a change of category changes the default filter
        self.manager_c.lam_manager_category = "maintenance"
        default = [
            flt
            for flt in self.env["ir.filters"]
            .with_user(self.manager_c)
            .get_filters("res.partner", action.id)
            if flt["is_default"]
        ]
        self.assertIn("'terminal'", default[0]["domain"])

    # 10. words
    def test_account_manager_and_stage_words_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            [MODULE], ["zh_CN"], overwrite=True
        )
        env = self.env(context={"lang": "zh_CN"})
        stages = dict(
            env["res.partner"].fields_get(["lam_stage"], ["selection"])["lam_stage"][
                "selection"
            ]
        )
        kinds = dict(
            env["res.partner"].fields_get(["lam_customer_kind"], ["selection"])[
                "lam_customer_kind"
            ]["selection"]
        )
        self.assertEqual(stages["potential"], "待开发")
        self.assertEqual(kinds["prospect"], "潜在客户")
        arch = env["res.partner"].get_view(
            env.ref(f"{MODULE}.res_partner_view_list").id, "list"
        )["arch"]
        self.assertIn('string="客户经理"', arch)

    # 13. equipment
    def test_equipment_change_due_follows_the_setting(self):
        today = fields.Date.context_today(self.env["lam.equipment"])
        soon = self._create_equipment(
            self.customer_a,
            change_interval_days=40,
            last_change_date=fields.Date.add(today, days=-20),
        )
        later = self._create_equipment(
            self.customer_a,
            change_interval_days=200,
            last_change_date=fields.Date.add(today, days=-20),
        )
        self.assertEqual(soon.next_change_date, fields.Date.add(today, days=20))
        due = self.env["lam.equipment"].search(
            [("change_due", "=", True), ("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual(due, soon)
        self.assertTrue(soon.change_due)
        self.assertFalse(later.change_due)
        self.company.lam_oil_change_due_days = 10
        self.env.invalidate_all()
        self.assertFalse(
            self.env["lam.equipment"].search(
                [("change_due", "=", True), ("partner_id", "=", self.customer_a.id)]
            )
        )
        # stored: listed and sorted without computing
        self.assertTrue(self.env["lam.equipment"]._fields["next_change_date"].store)
        self.assertIn(
            soon,
            self.env["lam.equipment"].search(
                [("next_change_date", "<=", fields.Date.add(today, days=30))]
            ),
        )

    def test_only_lubricants_are_offered(self):
        for model, fname in (
            ("lam.oil.usage", "product_id"),
            ("lam.oil.sample", "product_id"),
            ("lam.equipment", "product_id"),
        ):
            with self.subTest(model=model):
                self.assertIn(
                    ("lam_is_lubricant", "=", True),
                    self.env[model]._fields[fname].domain,
                )

    # 14. a sample whose result is known is read-only
    def test_done_sample_is_read_only(self):
        sample = self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": self.hydraulic_oil.id,
                "result": "normal",
                "line_ids": [
                    Command.create({"name": "Viscosity 40 °C", "value": "46.0"})
                ],
            }
        )
        sample.action_record_result()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            sample.with_user(self.manager_a).write({"result": "abnormal"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["lam.oil.sample.line"].with_user(self.manager_a).create(
                {"sample_id": sample.id, "name": "Water"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            sample.line_ids.with_user(self.manager_a).write({"value": "12"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            sample.line_ids.with_user(self.manager_a).unlink()
        # a sample recorded with its result known in one go
        done = self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "brand": "Brand X L-HM 46",
                "state": "done",
                "result": "normal",
                "line_ids": [Command.create({"name": "Water", "value": "trace"})],
            }
        )
        self.assertEqual(len(done.line_ids), 1)
        sample.message_post(body="The customer agreed")  # the chatter stays open

    # 16. names, not technical references
    def test_no_technical_names(self):
        self.customer_a.lam_credit_rating = "a"
        event = self.customer_a.lam_credit_event_ids
        self.assertNotIn("lam.credit.event", event.display_name)
        sample = self.env["lam.oil.sample"].create({"partner_id": self.customer_a.id})
        self.assertTrue(sample.name.startswith("油样/"))
