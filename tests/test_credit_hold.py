# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The credit hold walked around (issue 17, holes 1-4 and 20): each test makes
the attacker's call as a review made it, as an account manager through the
ORM that RPC reaches."""

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import LamCommon

LIMIT = 5000.0


class TestCreditHoldWalkarounds(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a.sudo().credit_limit = LIMIT
        # a second customer of the same manager, with no limit at all
        cls.no_limit = cls.env["res.partner"].create(
            {
                "name": "Unlimited Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": cls.manager_a.id,
            }
        )

    def _order(self, qty=400.0, **vals):
        return (
            self.env["sale.order"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.hydraulic_oil.id,
                                "product_uom_qty": qty,
                                "price_unit": 20.0,
                            }
                        )
                    ],
                    **vals,
                }
            )
        )

    def _request(self, order):
        action = order.with_user(self.manager_a).action_confirm()
        self.assertEqual(action["res_model"], "partner.risk.exceeded.wiz")
        wizard = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager_a)
            .browse(action["res_id"])
        )
        result = wizard.button_lam_request_approval()
        return self.env["lam.credit.approval"].browse(result["res_id"])

    def test_the_hold_dialog_speaks_the_manager_s_language(self):
        """Issue 19, item 6: the dialog and the hold reason are the addon's, in
        Chinese for a manager working in Chinese (OCA's are English only)."""
        self.manager_a.lang = "zh_CN"
        order = self._order()
        # the web client sends the user's language with each call
        action = (
            order.with_user(self.manager_a).with_context(lang="zh_CN").action_confirm()
        )
        self.assertEqual(action["name"], "超出信用额度")
        wizard = self.env["partner.risk.exceeded.wiz"].browse(action["res_id"])
        self.assertEqual(wizard.exception_msg, "本订单将使客户超出其信用额度。")
        arch = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager_a)
            .with_context(lang="zh_CN")
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("订单已暂停", arch)

    # 1. the state written directly
    def test_the_state_of_an_order_is_not_written_by_hand(self):
        order = self._order()
        with self.assertRaisesRegex(UserError, "confirm"):
            order.with_user(self.manager_a).write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        with self.assertRaisesRegex(UserError, "confirm"):
            self._order(state="sale")
        with self.assertRaisesRegex(UserError, "confirm"):
            order.with_user(self.manager_a).write({"locked": True})
        small = self._order(qty=1.0)
        small.with_user(self.manager_a).action_confirm()
        self.assertEqual(small.state, "sale")
        with self.assertRaisesRegex(UserError, "confirm"):
            small.with_user(self.manager_a).write({"date_order": "2026-01-01"})
        # the buttons still move an order, and a quotation is still sent
        small.with_user(self.manager_a).action_lock()
        self.assertTrue(small.locked)
        order.with_user(self.manager_a).write({"state": "sent"})
        self.assertEqual(order.state, "sent")

    # 2. the invoice address swapped
    def test_the_customer_is_judged_whatever_the_invoice_address(self):
        order = self._order(partner_invoice_id=self.no_limit.id)
        action = order.with_user(self.manager_a).action_confirm()
        self.assertEqual(
            (action["res_model"], order.state), ("partner.risk.exceeded.wiz", "draft")
        )
        wizard = self.env["partner.risk.exceeded.wiz"].browse(action["res_id"])
        self.assertEqual(wizard.partner_id, self.customer_a)

    def test_an_order_is_invoiced_and_delivered_to_its_customer(self):
        with self.assertRaisesRegex(UserError, "address"):
            self._order(partner_invoice_id=self.customer_b.id)
        order = self._order(qty=1.0)
        with self.assertRaisesRegex(UserError, "address"), self.env.cr.savepoint():
            order.with_user(self.manager_a).write(
                {"partner_shipping_id": self.customer_b.id}
            )
        # his own other customer is allowed, and judged as well (above)
        order.with_user(self.manager_a).write({"partner_invoice_id": self.no_limit.id})
        self.assertEqual(order.partner_invoice_id, self.no_limit)

    # 3. the risk settings switched off by the manager
    def test_the_risk_settings_are_credit_terms(self):
        customer = self.customer_a.with_user(self.manager_a)
        for vals in (
            {"risk_sale_order_include": False},
            {"risk_invoice_draft_include": False},
            {"risk_invoice_open_include": False},
            {"risk_invoice_unpaid_include": False},
            {"credit_currency": "receivable"},
            {"risk_sale_order_limit": 1e9},
            {"risk_invoice_open_limit": 1e9},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                customer.write(vals)
        self.assertTrue(self.customer_a.risk_sale_order_include)
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.manager_a).create(
                {
                    "name": "No Risk Co.",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                    "risk_sale_order_include": False,
                }
            )
        # the department manager changes them
        self.customer_a.with_user(
            self.department_manager
        ).risk_invoice_draft_include = False
        self.assertFalse(self.customer_a.risk_invoice_draft_include)

    # 4. the order grows after the approval request
    def test_an_approval_binds_the_order_as_it_was_asked(self):
        order = self._order()
        approval = self._request(order)
        self.assertEqual(approval.amount, order.amount_total)
        order.with_user(self.manager_a).write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.hydraulic_oil.id,
                            "product_uom_qty": 5000.0,
                            "price_unit": 20.0,
                        }
                    )
                ]
            }
        )
        approval.with_user(self.finance).action_approve()
        self.assertEqual(order.state, "draft")
        self.assertEqual(approval.state, "refused")
        self.assertIn("changed after the request", approval.refusal_reason)
        # the manager asks again, for the order as it is now
        again = self._request(order)
        self.assertNotEqual(again, approval)
        self.assertEqual(again.amount, order.amount_total)
        again.with_user(self.finance).action_approve()
        self.assertEqual(order.state, "sale")

    # 20. OCA's behaviour is left alone outside the addon's customers
    def test_oca_risk_holds_an_ordinary_partner(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Ordinary Buyer",
                "is_company": True,
                "risk_sale_order_include": True,
                "risk_sale_order_limit": 100.0,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.grease.id,
                            "product_uom_qty": 1.0,
                            "price_unit": 1150.0,
                        }
                    )
                ],
            }
        )
        action = order.action_confirm()
        self.assertEqual(
            (action["res_model"], order.state), ("partner.risk.exceeded.wiz", "draft")
        )

    # 12b. the credit change dialog without its context, and a request edited
    def test_a_credit_change_keeps_the_terms_it_does_not_name(self):
        term = self.env.ref("account.account_payment_term_30days")
        self.customer_a.sudo().property_payment_term_id = term
        wizard = (
            self.env["lam.credit.change.wizard"]
            .with_user(self.finance)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_rating": "a",
                    "reason": "Paid on time all year",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(
            (
                self.customer_a.lam_credit_rating,
                self.customer_a.sudo().credit_limit,
                self.customer_a.sudo().property_payment_term_id,
            ),
            ("a", LIMIT, term),
        )

    def test_a_request_is_read_only_once_made(self):
        request = (
            self.env["lam.credit.change.request"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_limit": 9000.0,
                    "reason": "Bigger orders next quarter",
                }
            )
        )
        for vals in (
            {"reason": "Something else"},
            {"credit_limit": 90000.0},
            {"refusal_reason": "Refused by myself"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "kept"):
                request.write(vals)
        request.with_user(self.finance).refusal_reason = "Two invoices overdue"
        request.with_user(self.finance).action_refuse()
        self.assertEqual(
            (request.state, request.reason, request.credit_limit),
            ("refused", "Bigger orders next quarter", 9000.0),
        )

    def test_a_risk_setting_is_asked_for_approved_and_kept_in_the_history(self):
        """Issue 17, hole 3: a manager asks for a risk setting through a
        credit change request; finance applies it; the credit history says what
        changed, who asked and why, like a change of limit."""
        term = self.env.ref("account.account_payment_term_30days")
        self.customer_a.sudo().property_payment_term_id = term
        wizard = (
            self.env["lam.credit.change.wizard"]
            .with_user(self.manager_a)
            .with_context(active_model="res.partner", active_id=self.customer_a.id)
            .create({"reason": "Draft invoices are pro-forma only"})
        )
        self.assertTrue(wizard.is_request)
        self.assertTrue(wizard.risk_invoice_draft_include)
        wizard.risk_invoice_draft_include = False
        wizard.action_apply()
        request = self.env["lam.credit.change.request"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        # what was not asked keeps the customer's terms
        self.assertEqual(
            (
                request.risk_invoice_draft_include,
                request.risk_sale_order_include,
                request.credit_limit,
                request.payment_term_id,
            ),
            (False, True, LIMIT, term),
        )
        # the requester sees no decision to take; finance does
        self.assertFalse(request.with_user(self.manager_a).can_decide)
        self.assertTrue(request.with_user(self.finance).can_decide)
        self.assertTrue(self.customer_a.risk_invoice_draft_include)
        request.with_user(self.finance).action_approve()
        self.assertFalse(self.customer_a.risk_invoice_draft_include)
        self.assertTrue(self.customer_a.risk_sale_order_include)
        event = self.env["lam.credit.event"].search(
            [("partner_id", "=", self.customer_a.id)], order="id desc", limit=1
        )
        self.assertEqual(
            (
                event.risk_changes,
                event.requested_by_id,
                event.changed_by_id,
                event.reason,
                event.old_limit,
                event.new_limit,
            ),
            (
                {"risk_invoice_draft_include": [True, False]},
                self.manager_a,
                self.finance,
                "Draft invoices are pro-forma only",
                LIMIT,
                LIMIT,
            ),
        )
        self.assertIn("Include Draft Invoices yes → no", event.summary)

    def test_a_risk_setting_changed_on_the_form_is_in_the_history(self):
        """Those who change credit terms change risk settings on the customer
        form too (OCA's tab): the credit history follows them, without a reason."""
        self.customer_a.with_user(self.department_manager).write(
            {"risk_sale_order_limit": 2000.0}
        )
        event = self.env["lam.credit.event"].search(
            [("partner_id", "=", self.customer_a.id)], order="id desc", limit=1
        )
        self.assertEqual(event.risk_changes, {"risk_sale_order_limit": [0.0, 2000.0]})
        self.assertEqual(event.changed_by_id, self.department_manager)
        self.assertIn("changed on the customer form", event.summary)

    def test_a_confirmed_order_does_not_grow_past_the_limit(self):
        """Review of issue 17 (H1, H2): a confirmed order that grows, or moves to
        a customer with a limit, is judged again."""
        order = self._order(qty=100.0)  # 2,000 of the limit of 5,000
        order.with_user(self.manager_a).action_confirm()
        self.assertEqual(order.state, "sale")
        with (
            self.assertRaisesRegex(UserError, "over the credit limit"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.manager_a).write(
                {
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.hydraulic_oil.id,
                                "product_uom_qty": 10000.0,
                                "price_unit": 20.0,
                            }
                        )
                    ]
                }
            )
        with (
            self.assertRaisesRegex(UserError, "over the credit limit"),
            self.env.cr.savepoint(),
        ):
            order.order_line.with_user(self.manager_a).product_uom_qty = 20000.0
        # growing within the limit is fine
        order.order_line.with_user(self.manager_a).product_uom_qty = 120.0
        self.assertEqual(order.amount_untaxed, 2400.0)
        # an order confirmed on the customer without a limit, moved onto the one with
        # a limit
        other = self._order(qty=400.0, partner_id=self.no_limit.id)
        other.with_user(self.manager_a).action_confirm()
        self.assertEqual(other.state, "sale")
        with (
            self.assertRaisesRegex(UserError, "over the credit limit"),
            self.env.cr.savepoint(),
        ):
            other.with_user(self.manager_a).write(
                {
                    "partner_id": self.customer_a.id,
                    "partner_invoice_id": self.customer_a.id,
                    "partner_shipping_id": self.customer_a.id,
                }
            )
        self.assertEqual(other.partner_id, self.no_limit)

    def test_a_partner_adopted_as_customer_counts_every_exposure(self):
        """Review of issue 17 (M4): a partner made without the exposures counted,
        then turned into a customer by his manager, counts them all."""
        includes = {
            "risk_sale_order_include": False,
            "risk_invoice_draft_include": False,
            "risk_invoice_open_include": False,
            "risk_invoice_unpaid_include": False,
        }
        partner = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create({"name": "Shell Co", "is_company": True, **includes})
        )
        partner.with_user(self.manager_a).write(
            {"lam_customer_kind": "terminal", "user_id": self.manager_a.id, **includes}
        )
        self.assertEqual(
            [partner[fname] for fname in includes], [True, True, True, True]
        )
        self.assertEqual(partner.company_id, self.company)

    def test_a_held_order_gets_no_down_payment(self):
        """Review of issue 17 (L1): the down-payment wizard invoices a confirmed
        order only, not a quotation the credit check holds."""
        order = self._order(qty=400.0)  # 8,000 against a limit of 5,000: held
        self._request(order)
        self.assertEqual(order.state, "draft")
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_user(self.manager_a)
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "fixed", "fixed_amount": 1000000.0})
        )
        with self.assertRaisesRegex(UserError, "invoiced once confirmed"):
            wizard.create_invoices()
        self.assertFalse(order.invoice_ids)

    def test_a_contact_moved_under_a_credit_customer_takes_the_check_along(self):
        """Second review of issue 17 (H2 again): moving the contact an order was
        confirmed for under the customer with a limit is judged like moving the
        order."""
        contact = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create({"name": "Warehouse receiver", "parent_id": self.no_limit.id})
        )
        order = self._order(
            qty=400.0,
            partner_id=contact.id,
            partner_invoice_id=contact.id,
            partner_shipping_id=contact.id,
        )
        order.with_user(self.manager_a).action_confirm()
        self.assertEqual(order.state, "sale")
        with (
            self.assertRaisesRegex(UserError, "over the credit limit"),
            self.env.cr.savepoint(),
        ):
            contact.with_user(self.manager_a).write({"parent_id": self.customer_a.id})
        self.assertEqual(contact.parent_id, self.no_limit)

    def test_every_credit_term_is_a_credit_term(self):
        """Second review of issue 17 (L-1): the credit limit's date and the
        degree of trust are credit terms too."""
        for vals in (
            {"date_credit_limit": "2099-12-31"},
            {"trust": "good"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.customer_a.with_user(self.manager_a).write(vals)
