# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import LamCommon

VALID_USCC = "91110000600037341L"


@tagged("post_install", "-at_install")
class TestPartnerArchive(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_immediate = cls.env.ref("account.account_payment_term_immediate")
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")

    # --- credit customer
    def _bought(self, partner=None):
        """A purchase in the grading look-back: credit terms then make a credit
        customer."""
        self._create_order(
            partner or self.customer_a,
            [(self.hydraulic_oil, 10.0)],
            "2026-10-03 08:00:00",
        )

    def test_credit_customer_by_credit_limit(self):
        self._bought()
        self.assertFalse(self.customer_a.lam_is_credit_customer)
        self.customer_a.credit_limit = 50000.0
        self.assertTrue(self.customer_a.lam_is_credit_customer)
        self.assertIn(
            self.customer_a,
            self.env["res.partner"].search([("lam_is_credit_customer", "=", True)]),
        )

    def test_company_default_limit_does_not_make_credit_customers(self):
        # the company-wide default limit is what every partner falls back on,
        # not "a credit limit" of this customer (Odoo's use_partner_credit_limit)
        self.env["ir.default"].set(
            "res.partner", "credit_limit", 100000.0, company_id=self.company.id
        )
        self._bought()
        self.env.invalidate_all()
        self.assertEqual(self.customer_a.credit_limit, 100000.0)
        self.assertFalse(self.customer_a.lam_is_credit_customer)
        credit_customers = self.env["res.partner"].search(
            [("lam_is_credit_customer", "=", True)]
        )
        self.assertNotIn(self.customer_a, credit_customers)
        self.customer_a.credit_limit = 20000.0
        self.assertTrue(self.customer_a.lam_is_credit_customer)

    def test_immediate_payment_is_not_credit(self):
        self._bought()
        self.customer_a.property_payment_term_id = self.term_immediate
        self.assertFalse(self.customer_a.lam_is_credit_customer)

    def test_payment_term_longer_than_immediate_is_credit(self):
        self._bought()
        self.customer_a.property_payment_term_id = self.term_30
        self.assertTrue(self.customer_a.lam_is_credit_customer)
        credit_customers = self.env["res.partner"].search(
            [("lam_is_credit_customer", "=", True)]
        )
        self.assertIn(self.customer_a, credit_customers)
        self.assertNotIn(self.customer_b, credit_customers)

    def test_a_credit_customer_buys_on_credit_or_owes_past_due(self):
        """Issue 18, item 2 (Art. 13.7, 22.5): credit terms make a credit
        customer when there is something to follow (a purchase in the look-back
        or an open balance); a balance past due makes one whatever the terms; a
        target with a 30-day term who never bought is none."""
        Partner = self.env["res.partner"]
        owing, target, buyer = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "lam_customer_kind": kind,
                    "user_id": self.manager_a.id,
                }
                for name, kind in (
                    ("Anshan Steel", "terminal"),
                    ("Zijin Mining", "prospect"),
                    ("Liugong Machinery", "terminal"),
                )
            ]
        )
        target.property_payment_term_id = self.term_30
        buyer.property_payment_term_id = self.term_30
        self._bought(buyer)
        # no payment term, an invoice of May unpaid: 211 days past due on 28 November
        order = self._create_order(
            owing, [(self.hydraulic_oil, 500.0)], "2026-05-01 08:00:00"
        )
        invoice = order._create_invoices()
        invoice.write({"invoice_date": "2026-05-01", "invoice_date_due": "2026-05-01"})
        invoice.action_post()
        self.assertEqual(str(invoice.invoice_date_due), "2026-05-01")
        # read in a new request: the flag is computed when read, from the orders and
        # balances of the moment
        self.env.invalidate_all()
        expected = {owing: True, target: False, buyer: True}
        self.assertEqual(
            {partner: partner.lam_is_credit_customer for partner in expected},
            expected,
        )
        found = Partner.search(
            [
                ("id", "in", (owing | target | buyer).ids),
                ("lam_is_credit_customer", "=", True),
            ]
        )
        self.assertEqual(found, owing | buyer)

    # --- unified social credit code
    def test_valid_uscc_is_stored_compact(self):
        self.customer_a.lam_uscc = " 91110000 600037341l "
        self.assertEqual(self.customer_a.lam_uscc, VALID_USCC)

    def test_uscc_wrong_length(self):
        with self.assertRaisesRegex(ValidationError, "exactly 18 characters"):
            self.customer_a.lam_uscc = VALID_USCC[:-1]

    def test_uscc_forbidden_characters(self):
        with self.assertRaisesRegex(ValidationError, "no I, O, Z, S, V"):
            self.customer_a.lam_uscc = "9111000060003734IL"

    def test_uscc_wrong_check_character(self):
        with self.assertRaisesRegex(ValidationError, "check character"):
            self.customer_a.lam_uscc = "91110000600037341A"

    def test_uscc_is_unique(self):
        """Refused with the addon's message (the database's would name the
        column), on a write, a create, two in one create, or two at once."""
        self.customer_a.lam_uscc = VALID_USCC
        Partner = self.env["res.partner"].with_user(self.manager_b)
        attempts = {
            "write": lambda: self.customer_b.with_user(self.manager_b).write(
                {"lam_uscc": VALID_USCC.lower()}
            ),
            "create": lambda: Partner.create(
                {"name": "Copy", "is_company": True, "lam_uscc": VALID_USCC}
            ),
            "two in a batch": lambda: Partner.create(
                [
                    {"name": name, "is_company": True, "lam_uscc": "91130200MA0A1B2C36"}
                    for name in ("One", "Two")
                ]
            ),
            "two at once": lambda: (self.customer_b | self.customer_c).write(
                {"lam_uscc": "91130200MA0A1B2C36"}
            ),
        }
        for attempt, call in attempts.items():
            with (
                self.subTest(attempt=attempt),
                self.assertRaisesRegex(ValidationError, "already has"),
            ):
                call()
        # the archive keeps its code, and the database still refuses a copy
        self.customer_a.lam_uscc = VALID_USCC
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env.cr.execute(
                "UPDATE res_partner SET lam_uscc = %s WHERE id = %s",
                [VALID_USCC, self.customer_b.id],
            )

    # --- non-negative quantities
    def test_equipment_quantity_not_negative(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._create_equipment(self.customer_a, quantity=-1)
            self.env.flush_all()

    def test_equipment_capacity_not_negative(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._create_equipment(self.customer_a, oil_capacity=-20.0)
            self.env.flush_all()

    def test_oil_usage_not_negative(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["lam.oil.usage"].create(
                {
                    "partner_id": self.customer_a.id,
                    "quantity": -5.0,
                    "uom_id": self.uom_litre.id,
                }
            )
            self.env.flush_all()

    def test_employee_count_not_negative(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.customer_a.lam_employee_count = -3
            self.env.flush_all()

    # --- credit history
    def test_rating_change_writes_credit_event_and_chatter(self):
        # a reason passed in the context (anyone can over RPC) is not taken
        self.customer_a.with_user(self.department_manager).with_context(
            lam_credit_reason="Annual review"
        ).write({"lam_credit_rating": "aa"})
        event = self.customer_a.lam_credit_event_ids
        self.assertEqual(len(event), 1)
        self.assertEqual((event.old_rating, event.new_rating), (False, "aa"))
        self.assertEqual(event.changed_by_id, self.department_manager)
        self.assertFalse(event.reason)
        self.assertIn("(changed on the customer form)", event.summary)
        self.assertEqual(event.company_id, self.company)
        self.assertIn("AA", event.summary)
        message = self.customer_a.message_ids[0]
        self.assertIn("Credit status changed", message.body)
        self.assertEqual(message.author_id, self.department_manager.partner_id)

    def test_limit_and_term_change_logged_with_old_values(self):
        self.customer_a.write(
            {
                "credit_limit": 10000.0,
                "property_payment_term_id": self.term_immediate.id,
            }
        )
        self.customer_a.write(
            {"credit_limit": 30000.0, "property_payment_term_id": self.term_30.id}
        )
        events = self.customer_a.lam_credit_event_ids.sorted("id")
        self.assertEqual(len(events), 2)
        self.assertEqual((events[1].old_limit, events[1].new_limit), (10000.0, 30000.0))
        self.assertEqual(events[1].old_payment_term_id, self.term_immediate)
        self.assertEqual(events[1].new_payment_term_id, self.term_30)

    def test_no_event_without_change_nor_for_contacts(self):
        self.customer_a.write(
            {"lam_credit_rating": False, "name": "Anshan Steel Works Ltd"}
        )
        self.assertFalse(self.customer_a.lam_credit_event_ids)
        # the payment term Odoo syncs down to the contacts is logged once, on the
        # company
        contact = self.env["res.partner"].create(
            {"name": "Zhou Min", "parent_id": self.customer_a.id}
        )
        self.customer_a.property_payment_term_id = self.term_30
        self.assertEqual(contact.property_payment_term_id, self.term_30)
        self.assertEqual(len(self.customer_a.lam_credit_event_ids), 1)
        self.assertFalse(
            self.env["lam.credit.event"].search([("partner_id", "=", contact.id)])
        )

    def test_credit_change_wizard_records_reason(self):
        self._bought()
        wizard = Form(
            self.env["lam.credit.change.wizard"]
            .with_user(self.department_manager)
            .with_context(active_model="res.partner", active_id=self.customer_a.id)
        )
        wizard.credit_rating = "b"
        wizard.payment_term_id = self.term_30
        wizard.reason = "Two invoices overdue"
        wizard.save().action_apply()
        event = self.customer_a.lam_credit_event_ids
        self.assertEqual(event.new_rating, "b")
        self.assertEqual(event.new_payment_term_id, self.term_30)
        self.assertEqual(event.reason, "Two invoices overdue")
        self.assertEqual(self.customer_a.lam_credit_rating, "b")
        self.assertTrue(self.customer_a.lam_is_credit_customer)

    def test_finance_changes_the_limit_without_accounting_rights(self):
        self.assertFalse(self.finance.has_group("account.group_account_invoice"))
        wizard = Form(
            self.env["lam.credit.change.wizard"]
            .with_user(self.finance)
            .with_context(active_model="res.partner", active_id=self.customer_a.id)
        )
        wizard.credit_limit = 80000.0
        wizard.reason = "Credit investigation passed"
        wizard.save().action_apply()
        self.assertEqual(self.customer_a.credit_limit, 80000.0)
        event = self.customer_a.lam_credit_event_ids
        self.assertEqual(
            (event.new_limit, event.changed_by_id), (80000.0, self.finance)
        )
        self.assertRegex(
            event.summary,
            r"^limit [^;]*0\.00[^;]* → [^;]*80,000\.00[^;]* \(Credit investigation "
            r"passed\)$",
        )

    def test_account_manager_sees_credit_terms_but_does_not_change_them(self):
        # his wizard makes a request; the terms stay as they are
        wizard = (
            self.env["lam.credit.change.wizard"]
            .with_user(self.manager_a)
            .with_context(active_model="res.partner", active_id=self.customer_a.id)
            .create({"credit_rating": "aaa", "reason": "Pays"})
        )
        self.assertTrue(wizard.is_request)
        wizard.action_apply()
        self.assertEqual(self.customer_a.sudo().lam_credit_rating, False)
        self.assertEqual(
            self.env["lam.credit.change.request"]
            .search([("partner_id", "=", self.customer_a.id)])
            .credit_rating,
            "aaa",
        )
        with self.assertRaises(AccessError):
            self.env["lam.credit.change.wizard"].with_user(
                self.internal_user
            ).with_context(
                active_model="res.partner", active_id=self.customer_a.id
            ).default_get(["partner_id"])
        for vals in (
            {"lam_credit_rating": "aaa"},
            {"property_payment_term_id": self.term_30.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.customer_a.with_user(self.manager_a).write(vals)
        self.assertEqual(
            self.customer_a.with_user(self.manager_a).read(["lam_credit_rating"])[0][
                "lam_credit_rating"
            ],
            False,
        )

    # --- key persons
    def test_large_terminal_without_key_person_is_flagged(self):
        self.assertTrue(self.customer_a.lam_missing_key_person)
        flagged = self.env["res.partner"].search(
            [("lam_missing_key_person", "=", True)]
        )
        self.assertIn(self.customer_a, flagged)
        self.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "parent_id": self.customer_a.id,
                "lam_is_key_person": True,
                "lam_key_role": "equipment_officer",
            }
        )
        self.assertFalse(self.customer_a.lam_missing_key_person)
        self.assertEqual(self.customer_a.lam_key_person_ids.name, "Wang Lei")

    def test_required_key_persons_is_a_setting(self):
        self.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "parent_id": self.customer_a.id,
                "lam_is_key_person": True,
            }
        )
        self.assertFalse(self.customer_a.lam_missing_key_person)
        self.company.lam_key_person_min_count = 2
        self.assertTrue(self.customer_a.lam_missing_key_person)
        self.assertIn(
            self.customer_a,
            self.env["res.partner"].search([("lam_missing_key_person", "=", True)]),
        )

    def test_small_customers_and_dealers_are_not_flagged(self):
        self.assertFalse(self.customer_c.lam_missing_key_person)  # small terminal
        self.assertFalse(self.customer_b.lam_missing_key_person)  # medium dealer

    def test_key_person_flag_follows_size_in_form(self):
        with Form(
            self.env["res.partner"].with_context(default_is_company=True)
        ) as form:
            form.name = "Handan Mining"
            form.lam_customer_kind = "terminal"
            form.lam_size = "small"
            self.assertFalse(form.lam_missing_key_person)
            form.lam_size = "medium"
            self.assertTrue(form.lam_missing_key_person)

    # --- equipment
    def test_coverage_ratio(self):
        self._create_equipment(
            self.customer_a,
            quantity=3,
            oil_source="ours",
            product_id=self.hydraulic_oil.id,
        )
        self._create_equipment(
            self.customer_a,
            quantity=1,
            oil_source="competitor",
            competitor_brand="Brand X",
        )
        self.assertEqual(self.customer_a.lam_equipment_count, 4)
        self.assertAlmostEqual(self.customer_a.lam_coverage_ratio, 75.0)
        self.assertEqual(self.customer_b.lam_coverage_ratio, 0.0)

    def test_annual_consumption_and_next_change(self):
        equipment = self._create_equipment(
            self.customer_a,
            quantity=2,
            oil_capacity=100.0,
            change_interval_days=73,
            last_change_date="2026-01-10",
        )
        self.assertAlmostEqual(
            equipment.annual_consumption, 1000.0
        )  # 2 x 100 L x 5 changes
        self.assertEqual(equipment.next_change_date, fields.Date.to_date("2026-03-24"))
        equipment.annual_consumption = 800.0  # the customer's own figure wins
        self.assertEqual(equipment.annual_consumption, 800.0)

    # --- samples and review
    def test_sample_numbering_and_workflow(self):
        sample = self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "product_id": self.hydraulic_oil.id,
                "sample_date": "2026-11-10",
                "result": "normal",
                "line_ids": [
                    Command.create(
                        {"name": "Viscosity 40 °C", "value": "45.1", "unit": "mm²/s"}
                    )
                ],
            }
        )
        self.assertTrue(sample.name.startswith("油样/"))
        sample.action_send_to_test()
        self.assertEqual(sample.state, "testing")
        with freeze_time("2026-11-20"):
            sample.action_record_result()
        self.assertEqual(
            (sample.state, sample.test_date),
            ("done", fields.Date.to_date("2026-11-20")),
        )

    @freeze_time("2026-11-28")
    def test_the_review_date_is_the_servers(self):
        """Issue 17, hole 17: the last review is not written, reviews not
        backdated."""
        customer = self.customer_a.with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "Mark as Reviewed"):
            customer.write({"lam_last_review_date": "2026-11-27"})
        with self.assertRaisesRegex(UserError, "the system sets it"):
            self.env["lam.archive.review"].with_user(self.manager_a).create(
                {"partner_id": self.customer_a.id, "date": "2026-01-05 08:00:00"}
            )
        customer.action_lam_mark_reviewed()
        self.assertEqual(
            self.customer_a.lam_last_review_date, fields.Date.to_date("2026-11-28")
        )

    @freeze_time("2026-11-28")
    def test_mark_reviewed(self):
        self.customer_a.action_lam_mark_reviewed()
        self.assertEqual(
            self.customer_a.lam_last_review_date, fields.Date.to_date("2026-11-28")
        )
