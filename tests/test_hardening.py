# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The holes an adversarial review found in the foundation, each closed and
proved here (the isolation of every customer record model is in
test_isolation.py, the purchases service in test_purchases.py)."""

import importlib.util
import math
from pathlib import Path

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import MODULE, LamCommon
from .test_isolation import customer_record_models

MIGRATION = (
    Path(__file__).resolve().parent.parent
    / "migrations"
    / "18.0.1.1.0"
    / "post-migrate.py"
)


def load_migration():
    spec = importlib.util.spec_from_file_location("lam_migration_18_0_1_1_0", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestHardening(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.equipment_a = cls._create_equipment(cls.customer_a, quantity=2)
        cls.equipment_b = cls._create_equipment(
            cls.customer_b, quantity=5, name="Gantry crane"
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Drum Supplier", "is_company": True}
        )

    # 1. exports are report actions, checked like the PDF
    def test_xlsx_reports_are_report_actions_checked_like_pdf(self):
        for code in ("p9", "p10"):
            action = self.env.ref(f"{MODULE}.action_report_{code}_xlsx")
            self.assertEqual(
                (action.report_type, action.model, action.binding_model_id.model),
                ("xlsx", "res.partner", "res.partner"),
            )
            report = self.env["ir.actions.report"].with_user(self.manager_b)
            with self.assertRaises(AccessError):
                report._render_xlsx(action.report_name, self.customer_a.ids, {})
        self.assertNotIn("xlsx_file", self.env["lam.report.wizard"]._fields)

    # 2. records cannot be moved, system fields cannot be written
    def test_system_fields_are_refused_on_the_server(self):
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.equipment_a.with_user(self.manager_a).write(
                {"account_manager_id": self.manager_b.id}
            )
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.env["lam.equipment"].with_user(self.manager_a).create(
                {
                    "name": "Mill",
                    "partner_id": self.customer_a.id,
                    "account_manager_id": self.manager_b.id,
                }
            )
        for fname in ("lam_is_credit_customer", "lam_missing_key_person"):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                self.customer_a.with_user(self.manager_a).write({fname: True})
        sample = self.env["lam.oil.sample"].create({"partner_id": self.customer_a.id})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            sample.with_user(self.manager_a).write({"name": "OS/FAKE"})
        with self.assertRaisesRegex(UserError, "given by the system"):
            self.env["lam.oil.sample"].create(
                {"partner_id": self.customer_a.id, "name": "OS/FAKE"}
            )
        self.assertEqual(self.equipment_a.account_manager_id, self.manager_a)
        self.assertEqual(self.customer_a.user_id, self.manager_a)

    def test_manager_cannot_hand_his_customer_to_a_colleague(self):
        # reassignment is for department managers and administrators
        with self.assertRaises(AccessError):
            self.customer_a.with_user(self.manager_a).write(
                {"user_id": self.manager_b.id}
            )
        self.customer_a.with_user(self.department_manager).write(
            {"user_id": self.manager_b.id}
        )
        self.assertEqual(self.equipment_a.account_manager_id, self.manager_b)

    def test_contact_cannot_be_moved_under_a_colleague_customer(self):
        contact = self.env["res.partner"].create(
            {"name": "Sun Li", "parent_id": self.customer_a.id}
        )
        with self.assertRaises(AccessError):
            contact.with_user(self.manager_a).write({"parent_id": self.customer_b.id})

    # 3. the department manager reads his team's sales only
    def test_department_manager_reads_team_sales_only(self):
        self.assertFalse(
            self.department_manager.has_group(
                "sales_team.group_sale_salesman_all_leads"
            )
        )
        order_a = self._create_order(
            self.customer_a, [(self.hydraulic_oil, 10.0)], "2026-10-01 08:00:00"
        )
        order_c = self._create_order(
            self.customer_c, [(self.hydraulic_oil, 10.0)], "2026-10-01 08:00:00"
        )
        own = self._create_order(
            self.vendor, [(self.hydraulic_oil, 1.0)], "2026-10-01 08:00:00"
        )
        own.user_id = self.department_manager
        dep = self.department_manager
        self.assertEqual(
            self.env["sale.order"].with_user(dep).search([]), order_a | own
        )
        self.assertEqual(
            self.env["sale.order.line"].with_user(dep).search([]).order_id,
            order_a | own,
        )
        with self.assertRaises(AccessError):
            order_c.with_user(dep).read(["name"])
        self.env.flush_all()
        report_orders = set(
            self.env["sale.report"].with_user(dep).search([]).mapped("name")
        )
        self.assertEqual(report_orders, {order_a.name, own.name})
        # an archived membership no longer counts
        self.team.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.manager_a
        ).active = False
        self.assertEqual(self.env["sale.order"].with_user(dep).search([]), own)

    def test_migration_takes_all_sales_documents_from_department_managers(self):
        all_leads = self.env.ref("sales_team.group_sale_salesman_all_leads")
        self.department_manager.groups_id = [Command.link(all_leads.id)]
        sales_admin = self._new_user(
            "lam_dep_admin",
            "Sales Admin",
            f"{MODULE}.group_lam_department_manager,sales_team.group_sale_manager",
        )
        load_migration()._remove_all_sales_documents(self.env)
        self.assertFalse(
            self.department_manager.has_group(
                "sales_team.group_sale_salesman_all_leads"
            )
        )
        self.assertTrue(
            sales_admin.has_group("sales_team.group_sale_salesman_all_leads")
        )

    # 4. P10 shows purchases of lubricant customers the user may read only
    def test_p10_refuses_other_partners_and_users(self):
        self._create_order(
            self.vendor, [(self.hydraulic_oil, 50.0)], "2026-10-05 08:00:00"
        )
        report = self.env["ir.actions.report"]
        with self.assertRaisesRegex(UserError, "not a lubricant customer"):
            report.with_user(self.manager_a)._render_qweb_html(
                f"{MODULE}.action_report_p10", self.vendor.ids
            )
        with self.assertRaises(AccessError):
            report.with_user(self.internal_user)._render_qweb_html(
                f"{MODULE}.action_report_p10", self.customer_a.ids
            )
        with self.assertRaises(AccessError):
            report.with_user(self.manager_a)._render_qweb_html(
                f"{MODULE}.action_report_p10", self.customer_b.ids
            )

    # 5. credit history: no bypass, no forgery, no erasure
    def test_credit_changes_are_followed_on_every_company_partner(self):
        customer = self.customer_a.with_user(self.department_manager)
        customer.write({"lam_customer_kind": False})
        customer.sudo().property_payment_term_id = self.term_30
        self.customer_a.lam_customer_kind = "terminal"
        events = self.env["lam.credit.event"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual(events.new_payment_term_id, self.term_30)
        self.assertEqual(events.company_id, self.company)

    def test_reason_only_from_the_wizard(self):
        self.customer_a.with_user(self.department_manager).with_context(
            lam_credit_reason="Forged"
        ).lam_credit_rating = "c"
        self.assertFalse(self.customer_a.lam_credit_event_ids.reason)
        self.assertIn(
            "(changed on the customer form)",
            self.customer_a.lam_credit_event_ids.summary,
        )
        wizard = Form(
            self.env["lam.credit.change.wizard"]
            .with_user(self.department_manager)
            .with_context(active_model="res.partner", active_id=self.customer_a.id)
        )
        wizard.credit_rating = "a"
        wizard.reason = "Paid everything early"
        wizard.save().action_apply()
        self.assertEqual(
            self.customer_a.lam_credit_event_ids.sorted("id")[-1].reason,
            "Paid everything early",
        )

    def test_customer_with_credit_history_is_archived_not_deleted(self):
        self.customer_a.lam_credit_rating = "b"
        with self.assertRaisesRegex(UserError, "archive the customer"):
            self.customer_a.unlink()
        self.assertEqual(
            self.env["lam.credit.event"]._fields["partner_id"].ondelete, "restrict"
        )
        self.customer_a.action_archive()
        self.assertTrue(
            self.customer_a.with_context(active_test=False).lam_credit_event_ids
        )

    # 6. users outside the addon see an ordinary contact
    def test_other_internal_users_see_an_ordinary_contact(self):
        customer = self.customer_a.with_user(self.internal_user)
        self.assertEqual(customer.read(["name"])[0]["name"], "Anshan Steel Works")
        with self.assertRaises(AccessError):
            customer.read(["lam_stage"])
        customer.write({"phone": "+86 412 555 0100"})
        self.assertEqual(self.customer_a.phone, "+86 412 555 0100")
        with self.assertRaises(AccessError):
            customer.write({"lam_stage": "lost"})
        with self.assertRaises(AccessError):
            customer.write({"user_id": self.internal_user.id})
        self.assertEqual(self.customer_a.user_id, self.manager_a)
        self.vendor.with_user(self.internal_user).write(
            {"user_id": self.internal_user.id}
        )
        self.assertEqual(self.vendor.user_id, self.internal_user)
        self.assertNotIn(
            "lam_customer_kind",
            self.env["res.partner"].with_user(self.internal_user).fields_get(),
        )

    # 7. finance does not make lubricant customers
    def test_finance_cannot_turn_a_partner_into_a_customer(self):
        with self.assertRaises(AccessError):
            self.vendor.with_user(self.finance).write(
                {"lam_customer_kind": "terminal", "user_id": self.manager_a.id}
            )
        self.assertFalse(self.vendor.lam_customer_kind)

    # 8. no name leaks by id
    def test_credit_wizard_refuses_customer_of_another_team(self):
        wizards = self.env["lam.credit.change.wizard"].with_user(
            self.other_department_manager
        )
        with self.assertRaises(AccessError):
            wizards.create({"partner_id": self.customer_b.id, "reason": "peek"})
        with self.assertRaises(AccessError):
            wizards.with_context(
                active_model="res.partner", active_id=self.customer_b.id
            ).default_get(["partner_id"])
        # an id of another model is not taken for a partner
        values = wizards.with_context(
            active_model="sale.order", active_id=self.customer_b.id
        ).default_get(["partner_id"])
        self.assertFalse(values.get("partner_id"))

    def test_equipment_of_another_customer_is_refused(self):
        for model in ("lam.oil.usage", "lam.oil.sample"):
            vals = {
                "partner_id": self.customer_a.id,
                "equipment_id": self.equipment_b.id,
            }
            if model == "lam.oil.usage":
                vals.update(quantity=1.0, uom_id=self.uom_litre.id)
            with (
                self.subTest(model=model),
                self.assertRaisesRegex(ValidationError, "same customer"),
            ):
                self.env[model].with_user(self.manager_a).create(vals)

    # 9. bad input gets a clear message
    def test_bad_numbers_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 3650 days"):
            self.equipment_a.change_interval_days = 3_000_000
        with self.assertRaisesRegex(ValidationError, "too large"):
            self.equipment_a.quantity = 2**31
        with self.assertRaisesRegex(ValidationError, "too large"):
            self.customer_a.lam_employee_count = 2**40
        for bad in (math.nan, math.inf, -math.inf):
            with (
                self.subTest(value=bad),
                self.assertRaisesRegex(ValidationError, "not a number"),
            ):
                self.env["lam.oil.usage"].create(
                    {
                        "partner_id": self.customer_a.id,
                        "quantity": bad,
                        "uom_id": self.uom_litre.id,
                    }
                )
        with self.assertRaisesRegex(ValidationError, "too large"):
            self.equipment_a.oil_capacity = 1e12
        # as a JSON-RPC call sends them
        with self.assertRaisesRegex(ValidationError, "not a valid date"):
            self.equipment_a.write({"last_change_date": "2026-02-30"})
        with self.assertRaisesRegex(ValidationError, "out of range"):
            self.equipment_a.write({"last_change_date": "0001-01-01"})

    def test_report_options_are_validated(self):
        report = self.env["ir.actions.report"].with_user(self.manager_a)
        for data, message in (
            ({"date_from": "2026-01-01", "date_to": "9999-12-31"}, "out of range"),
            ({"date_from": "0001-01-01", "date_to": "2026-01-01"}, "out of range"),
            ({"date_from": "garbage", "date_to": "2026-01-01"}, "not a date"),
            ({"date_from": "2026-12-01", "date_to": "2026-01-01"}, "after it ends"),
        ):
            with self.subTest(data=data):
                with self.assertRaisesRegex(UserError, message):
                    report._render_qweb_html(
                        f"{MODULE}.action_report_p10", self.customer_a.ids, data=data
                    )
                with self.assertRaisesRegex(UserError, message):
                    report._render_xlsx(
                        f"{MODULE}.report_p10_xlsx", self.customer_a.ids, data
                    )

    # 10. no silent damage
    def test_long_uscc_is_refused_not_cut(self):
        for code in ("91110000600037341LX", "91110000600037341L12"):
            with (
                self.subTest(code=code),
                self.assertRaisesRegex(ValidationError, "exactly 18 characters"),
            ):
                self.customer_a.lam_uscc = code

    def test_blank_uscc_is_no_code(self):
        self.customer_a.lam_uscc = "  "
        self.customer_b.lam_uscc = ""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM res_partner WHERE id IN %s AND lam_uscc IS NULL",
            [(self.customer_a.id, self.customer_b.id)],
        )
        self.assertEqual(self.env.cr.fetchone()[0], 2)

    def test_unconvertible_usage_is_flagged_and_left_out(self):
        filter_kit = self._create_product("Filter kit", self.uom_unit)
        usage = self.env["lam.oil.usage"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": filter_kit.id,
                "quantity": 3.0,
                "uom_id": self.uom_unit.id,
            }
        )
        self.assertTrue(usage.reference_unconvertible)
        self.assertEqual(usage.reference_qty, 0.0)
        litres = self.env["lam.oil.usage"].create(
            {
                "partner_id": self.customer_a.id,
                "quantity": 20.0,
                "uom_id": self.uom_litre.id,
            }
        )
        self.assertFalse(litres.reference_unconvertible)
        self.assertEqual(
            (litres.reference_qty, litres.reference_uom_id), (20.0, self.uom_litre)
        )

    @freeze_time("2026-11-28")
    def test_dates_that_cannot_be(self):
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self.customer_a.lam_last_review_date = "2026-11-29"
        with self.assertRaisesRegex(ValidationError, "before it was sampled"):
            self.env["lam.oil.sample"].create(
                {
                    "partner_id": self.customer_a.id,
                    "sample_date": "2026-11-10",
                    "test_date": "2026-11-09",
                }
            )

    def test_result_needs_test_items(self):
        sample = self.env["lam.oil.sample"].create(
            {"partner_id": self.customer_a.id, "result": "normal"}
        )
        with (
            self.assertRaisesRegex(ValidationError, "test items"),
            self.env.cr.savepoint(),
        ):
            sample.action_record_result()
        self.env.invalidate_all()
        self.assertEqual(sample.state, "draft")
        tested = self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "result": "normal",
                "line_ids": [
                    Command.create({"name": "Viscosity 40 °C", "value": "46.2"})
                ],
            }
        )
        tested.action_record_result()
        self.assertEqual(tested.state, "done")

    def test_usage_and_credit_event_have_names(self):
        usage = self.env["lam.oil.usage"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": self.hydraulic_oil.id,
                "quantity": 180.0,
                "uom_id": self.uom_litre.id,
                "date": "2026-10-10",
            }
        )
        self.assertEqual(
            usage.display_name,
            "Anshan Steel Works, 2026-10-10: 180.0 L L-HM 46 Hydraulic Oil",
        )
        self.customer_a.lam_credit_rating = "a"
        self.assertRegex(
            self.customer_a.lam_credit_event_ids.display_name,
            r"^Anshan Steel Works: credit change of \d{4}-\d{2}-\d{2}$",
        )

    def test_contacts_never_carry_a_kind(self):
        with self.assertRaisesRegex(ValidationError, "only a company"):
            self.env["res.partner"].create(
                {"name": "Li Ming", "lam_customer_kind": "terminal"}
            )
        contact = (
            self.env["res.partner"]
            .with_context(default_is_company=True, default_lam_customer_kind="terminal")
            .create(
                {
                    "name": "Li Ming",
                    "parent_id": self.customer_a.id,
                    "lam_is_key_person": True,
                }
            )
        )
        self.assertFalse(contact.is_company)
        self.assertFalse(contact.lam_customer_kind)

    # 12. one rule pattern, on indexed columns
    def test_rules_filter_on_the_record_own_indexed_manager(self):
        for model in customer_record_models(self.env):
            rules = self.env["ir.rule"].search([("model_id.model", "=", model)])
            # Odoo's multi-company rule, global, on the models with a company
            company = rules.filtered("global")
            rules -= company
            with self.subTest(model=model):
                self.assertIn(len(rules), (3, 4))  # records of work: no finance rule
                for rule in rules:
                    self.assertNotIn("partner_id", rule.domain_force)
                self.assertEqual(
                    company.mapped("domain_force"),
                    [
                        "['|', ('company_id', '=', False), ('company_id', 'in', "
                        "company_ids)]"
                    ]
                    if "company_id" in self.env[model]._fields
                    and self.env[model]._fields["company_id"].store
                    else [],
                )
                for column in ("account_manager_id", "company_id")[: 1 + len(company)]:
                    self.env.cr.execute(
                        "SELECT 1 FROM pg_indexes "
                        "WHERE tablename = %s AND indexdef LIKE %s",
                        [self.env[model]._table, f"%({column})%"],
                    )
                    self.assertTrue(self.env.cr.fetchone(), column)

    # 14. printing everything at once has a limit
    def test_report_wizard_limit(self):
        self.company.lam_report_max_customers = 1
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.department_manager)
            .create({"report_code": "p9"})
        )
        with self.assertRaisesRegex(UserError, "at most 1"):
            wizard.action_print_pdf()
        wizard.partner_ids = self.customer_a
        self.assertEqual(
            wizard.action_print_pdf()["context"]["active_ids"], self.customer_a.ids
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.company.lam_report_max_customers = 0
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestCompanyDependentFields(LamCommon):
    """11. What depends on a company is computed for the company one works in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create(
            {
                "name": "Lubricants North",
                "lam_reference_uom_id": cls.uom_kg.id,
                "lam_key_person_min_count": 2,
            }
        )
        cls.env.user.company_ids = [Command.link(cls.company_2.id)]

    def test_credit_customer_per_company(self):
        # a customer shared by both companies, who bought in the second
        self.customer_a.company_id = False
        order = self._create_order(
            self.customer_a, [(self.hydraulic_oil, 10.0)], "2026-10-03 08:00:00"
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET company_id = %s WHERE id = %s",
            [self.company_2.id, order.id],
        )
        self.env.invalidate_all()
        self.customer_a.with_company(self.company_2).credit_limit = 50000.0
        self.assertTrue(
            self.customer_a.with_company(self.company_2).lam_is_credit_customer
        )
        self.assertFalse(
            self.customer_a.with_company(self.company).lam_is_credit_customer
        )
        partners = (
            self.env["res.partner"]
            .with_company(self.company_2)
            .search([("lam_is_credit_customer", "=", True)])
        )
        self.assertIn(self.customer_a, partners)
        self.assertNotIn(
            self.customer_a,
            self.env["res.partner"].search([("lam_is_credit_customer", "=", True)]),
        )
        event = self.customer_a.lam_credit_event_ids
        self.assertEqual((event.company_id, event.new_limit), (self.company_2, 50000.0))

    def test_missing_key_person_per_company(self):
        self.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "parent_id": self.customer_a.id,
                "lam_is_key_person": True,
            }
        )
        self.assertFalse(
            self.customer_a.with_company(self.company).lam_missing_key_person
        )
        self.assertTrue(
            self.customer_a.with_company(self.company_2).lam_missing_key_person
        )
        missing_2 = (
            self.env["res.partner"]
            .with_company(self.company_2)
            .search([("lam_missing_key_person", "=", True)])
        )
        self.assertIn(self.customer_a, missing_2)
        self.assertNotIn(
            self.customer_a,
            self.env["res.partner"].search([("lam_missing_key_person", "=", True)]),
        )
        self.assertIn(
            self.customer_a,
            self.env["res.partner"].search([("lam_missing_key_person", "=", False)]),
        )

    def test_usage_in_the_reference_unit_of_its_company(self):
        usage_1 = self.env["lam.oil.usage"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": self.hydraulic_oil.id,
                "quantity": 100.0,
                "uom_id": self.uom_litre.id,
            }
        )
        usage_2 = (
            self.env["lam.oil.usage"]
            .with_company(self.company_2)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "product_id": self.hydraulic_oil.id,
                    "quantity": 100.0,
                    "uom_id": self.uom_litre.id,
                }
            )
        )
        self.assertEqual(
            (usage_1.reference_qty, usage_1.reference_uom_id), (100.0, self.uom_litre)
        )
        self.assertAlmostEqual(usage_2.reference_qty, 87.0)
        self.assertEqual(usage_2.reference_uom_id, self.uom_kg)
        # the same figures whichever company reads them
        self.assertAlmostEqual(usage_2.with_company(self.company).reference_qty, 87.0)
        # changing a company's unit recomputes its usages, not the others'
        self.company_2.lam_reference_uom_id = self.uom_ton
        self.assertAlmostEqual(usage_2.reference_qty, 0.087)
        self.assertEqual(usage_2.reference_uom_id, self.uom_ton)
        self.assertEqual(usage_1.reference_qty, 100.0)


@tagged("post_install", "-at_install")
class TestSecondReview(LamCommon):
    """Holes a second adversarial review found, closed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Drum Supplier", "is_company": True}
        )
        cls.equipment_b = cls._create_equipment(
            cls.customer_b, quantity=5, name="Gantry crane"
        )

    def test_nobody_writes_the_commercial_partner(self):
        for user in (self.internal_user, self.manager_b, self.finance):
            with (
                self.subTest(user=user.name),
                self.assertRaisesRegex(UserError, "commercial entity"),
            ):
                self.customer_b.with_user(user).write(
                    {"commercial_partner_id": self.vendor.id}
                )
        self.assertEqual(self.customer_b.commercial_partner_id, self.customer_b)

    def test_outsiders_neither_delete_archive_nor_merge_customers(self):
        customer = self.customer_b.with_user(self.internal_user)
        with self.assertRaises(AccessError):
            customer.unlink()
        with self.assertRaises(AccessError):
            customer.write({"active": False})
        with self.assertRaises(AccessError):
            customer.write({"property_payment_term_id": self.term_30.id})
        self.internal_user.email = "plain@example.com"
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(self.internal_user)
            .create(
                {
                    "partner_ids": [Command.set([self.customer_b.id, self.vendor.id])],
                    "dst_partner_id": self.vendor.id,
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "merged by an administrator"):
            wizard.action_merge()
        self.assertTrue(self.customer_b.exists() and self.customer_b.active)
        # the vendor, which is no customer, stays theirs to tidy
        self.vendor.with_user(self.internal_user).write({"active": False})

    def test_administrator_merge_keeps_records_on_the_manager(self):
        duplicate = self.env["res.partner"].create(
            {
                "name": "Bohai Port Logistics (old)",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": self.manager_a.id,
            }
        )
        equipment = self._create_equipment(duplicate, name="Reach stacker")
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [Command.set([duplicate.id, self.customer_b.id])],
                "dst_partner_id": self.customer_b.id,
            }
        )
        wizard.action_merge()
        self.assertFalse(duplicate.exists())
        self.assertEqual(equipment.partner_id, self.customer_b)
        self.assertEqual(equipment.account_manager_id, self.manager_b)

    def test_account_managers_neither_grant_nor_smuggle_credit(self):
        manager = self.env["res.partner"].with_user(self.manager_a)
        with self.assertRaises(
            AccessError
        ):  # a rating on a partner that is not a customer yet
            manager.create(
                {
                    "name": "Rich Prospect",
                    "is_company": True,
                    "lam_credit_rating": "aaa",
                }
            )
        plain = manager.create({"name": "Rich Prospect", "is_company": True})
        plain.sudo().property_payment_term_id = self.term_30
        with self.assertRaises(
            AccessError
        ):  # made a customer with credit terms it already has
            plain.write({"lam_customer_kind": "terminal", "user_id": self.manager_a.id})
        with self.assertRaises(AccessError):  # kind, rating and term in one write
            manager.create({"name": "Other", "is_company": True}).write(
                {
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                    "lam_credit_rating": "aaa",
                }
            )
        with self.assertRaisesRegex(AccessError, "only the department manager"):
            self.customer_a.with_user(self.manager_a).write(
                {"lam_customer_kind": False}
            )
        self.assertEqual(self.customer_a.lam_customer_kind, "terminal")
        # the department manager may
        self.customer_a.with_user(self.department_manager).write(
            {"lam_customer_kind": "prospect"}
        )

    def test_accountants_outside_the_addon_change_terms_logged(self):
        accountant = self._new_user(
            "lam_acc",
            "Accountant",
            "account.group_account_invoice,base.group_partner_manager",
        )
        self.customer_b.with_user(accountant).write(
            {"property_payment_term_id": self.term_30.id}
        )
        self.assertEqual(self.customer_b.lam_credit_event_ids.changed_by_id, accountant)

    def test_orders_only_on_readable_customers(self):
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(self.manager_a).create(
                {"partner_id": self.customer_b.id}
            )
        order = (
            self.env["sale.order"]
            .with_user(self.manager_a)
            .create({"partner_id": self.customer_a.id})
        )
        with self.assertRaises(AccessError):
            order.write({"partner_id": self.customer_b.id})

    def test_chatter_says_credit_changed_without_the_figures(self):
        self.customer_b.with_user(self.department_manager).lam_credit_rating = "aaa"
        body = self.customer_b.message_ids[0].body
        self.assertIn("Credit status changed", body)
        self.assertNotIn("AAA", body)

    def test_reassignment_hands_the_followers_over(self):
        self.customer_b.message_subscribe(partner_ids=self.manager_b.partner_id.ids)
        self.equipment_b.message_subscribe(partner_ids=self.manager_b.partner_id.ids)
        self.customer_b.with_user(self.department_manager).user_id = self.manager_a
        self.assertNotIn(self.manager_b.partner_id, self.customer_b.message_partner_ids)
        self.assertNotIn(
            self.manager_b.partner_id, self.equipment_b.message_partner_ids
        )
        self.assertIn(self.manager_a.partner_id, self.customer_b.message_partner_ids)

    def test_done_sample_is_not_deleted(self):
        sample = self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "state": "done",
                "result": "normal",
                "line_ids": [Command.create({"name": "Water", "value": "trace"})],
            }
        )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            sample.with_user(self.manager_a).unlink()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.customer_a.with_user(self.manager_a).write(
                {"lam_oil_sample_ids": [Command.delete(sample.id)]}
            )

    def test_more_bad_input(self):
        for value in (123, True, ["x"]):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.customer_a.write({"lam_uscc": value})
        with self.assertRaisesRegex(ValidationError, "not one of the choices"):
            self.customer_a.write({"lam_size": "huge"})
        with self.assertRaisesRegex(ValidationError, "not one of the choices"):
            self.env["lam.report.wizard"].create({"report_code": "p99"})
        wizard = (
            self.env["lam.credit.change.wizard"]
            .with_user(self.department_manager)
            .create({"partner_id": self.customer_a.id, "reason": "check"})
        )
        with self.assertRaisesRegex(ValidationError, "not a number"):
            wizard.write({"credit_limit": math.nan})
        with self.assertRaisesRegex(UserError, "chosen when it opens"):
            wizard.write({"partner_id": self.customer_b.id})
        purchases = (
            self.env["lam.purchase.analysis"]
            .with_user(self.manager_a)
            .with_context(tz="Garbage/Zone")
        )
        self.assertEqual(
            purchases._lam_purchases(
                fields.Date.today(), fields.Date.today(), partners=self.customer_a
            )["rows"],
            [],
        )
        with self.assertRaisesRegex(UserError, "not records to print"):
            self.env["ir.actions.report"].with_user(self.manager_a)._render_qweb_html(
                f"{MODULE}.action_report_p10",
                None,
                data={"context": {"active_ids": "abc"}},
            )
