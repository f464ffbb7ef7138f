# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Receivables (P8) tied to their sale orders and aged, collection actions,
orders held over the credit limit and their approval, credit change requests."""

import io

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from ..models.lam_receivable import ageing_bucket
from .common import LamCommon


@tagged("post_install", "-at_install")
class TestReceivables(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(
            cls.customer_a, [(cls.hydraulic_oil, 400.0)], "2026-07-20 08:00:00"
        )
        # invoiced in two parts: 150 L, then the other 250 L
        cls.first = cls._invoice(cls.order, "2026-08-01", "2026-08-01", quantity=150.0)
        cls.second = cls._invoice(cls.order, "2026-09-15", "2026-10-25")

    @classmethod
    def _invoice(cls, order, invoice_date, due, quantity=None):
        invoice = order._create_invoices()
        if quantity is not None:
            invoice.invoice_line_ids.quantity = quantity
        invoice.write(
            {
                "invoice_date": invoice_date,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
            }
        )
        invoice.invoice_date_due = due
        invoice.action_post()
        return invoice

    def _receivables(self, user=None):
        Receivable = (
            self.env["lam.receivable"].with_user(user)
            if user
            else self.env["lam.receivable"]
        )
        return Receivable.search(
            [("partner_id", "=", self.customer_a.id)], order="invoice_date, id"
        )

    def test_invoices_are_tied_to_their_order_with_a_partial_invoice_and_a_refund(self):
        receivables = self._receivables(self.manager_a)
        self.assertEqual(receivables.move_id, self.first | self.second)
        self.assertEqual(set(receivables.mapped("order_names")), {self.order.name})
        self.assertEqual(receivables.order_id, self.order)
        self.assertEqual(receivables.account_manager_id, self.manager_a)
        # a credit note of the first invoice stays tied to the order, with a negative
        # amount
        refund = self.first._reverse_moves(
            [{"invoice_date": "2026-08-05", "ref": "Leaking drums"}]
        )
        refund.action_post()
        row = self.env["lam.receivable"].search([("move_id", "=", refund.id)])
        self.assertEqual(row.move_type, "out_refund")
        self.assertEqual(row.order_names, self.order.name)
        self.assertAlmostEqual(row.amount_total, -self.first.amount_total)
        # the salesperson of the invoice does not matter: the customer's manager does
        self.second.invoice_user_id = self.manager_c
        self.assertEqual(self._receivables(self.manager_c), self.env["lam.receivable"])
        self.assertEqual(len(self._receivables(self.finance)), 3)
        self.assertEqual(len(self._receivables(self.department_manager)), 3)

    def test_ageing_buckets(self):
        for days, bucket in (
            (-5, "current"),
            (0, "current"),
            (1, "0_30"),
            (30, "0_30"),
            (31, "31_60"),
            (60, "31_60"),
            (61, "61_90"),
            (90, "61_90"),
            (91, "90_plus"),
        ):
            self.assertEqual(ageing_bucket(days), bucket, days)
        with freeze_time("2026-11-20"):
            self.env.invalidate_all()
            first, second = self._receivables(self.manager_a)
            self.assertEqual((first.days_overdue, first.bucket), (111, "90_plus"))
            self.assertEqual((second.days_overdue, second.bucket), (26, "0_30"))
        with freeze_time("2026-10-01"):
            self.env.invalidate_all()
            first, second = self._receivables(self.manager_a)
            self.assertEqual((first.days_overdue, first.bucket), (61, "61_90"))
            self.assertEqual((second.days_overdue, second.bucket), (0, "current"))
        # paid: nothing overdue
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.first.ids
        ).create({})._create_payments()
        with freeze_time("2026-11-20"):
            self.env.invalidate_all()
            first = self._receivables(self.manager_a)[0]
            self.assertEqual(
                (first.amount_residual, first.days_overdue, first.bucket),
                (0.0, 0, False),
            )

    def test_collection_actions_by_the_manager_and_finance(self):
        receivable = self._receivables()[1]
        Action = self.env["lam.collection.action"]
        Action.with_user(self.manager_a).create(
            {
                "receivable_id": receivable.id,
                "action": "call",
                "description": "Called the buyer",
                "promise_date": "2026-11-30",
                "date": "2026-11-20",
            }
        )
        Action.with_user(self.finance).create(
            {
                "receivable_id": receivable.id,
                "action": "statement",
                "description": "Statement sent",
                "date": "2026-11-21",
            }
        )
        self.assertEqual(len(receivable.collection_ids), 2)
        with self.assertRaises(AccessError):
            Action.with_user(self.manager_c).create(
                {
                    "receivable_id": receivable.id,
                    "action": "call",
                    "description": "Not my customer",
                }
            )
        self.assertFalse(Action.with_user(self.manager_c).search([]))

    @freeze_time("2026-11-20")
    def test_p8_rendered_and_exported(self):
        receivable = self._receivables()[0]
        self.env["lam.collection.action"].with_user(self.finance).create(
            {
                "receivable_id": receivable.id,
                "action": "letter",
                "description": "Reminder letter sent",
                "promise_date": "2026-11-28",
            }
        )
        data = {"date_from": "2026-07-01", "date_to": "2026-11-30"}
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                "lubricant_account_manager.report_p8_receivables",
                self.customer_a.ids,
                data=data,
            )[0]
            .decode()
        )
        for text in (
            self.first.name,
            self.second.name,
            self.order.name,
            "111",
            "Reminder letter sent",
            # issue 20, items 8 and 11: dates in the reader's format, on one
            # line; a total of the list
            'data-oe-expression="receivable.invoice_date">'
            + format_date(
                self.env, self.first.invoice_date, lang_code=self.finance.lang
            ),
            f"{self.first.amount_residual + self.second.amount_residual:,.2f}",
        ):
            self.assertIn(text, html)
        self.assertIn("Ageing of the Amount Due", html)
        self.assertIn('name="table_signatures"', html)
        # a customer without an invoice is left out of a print of several,
        # and the first page names him
        quiet = self.env["res.partner"].create(
            {
                "name": "Quiet Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        report = self.env["report.lubricant_account_manager.report_p8_receivables"]
        values = report.with_user(self.finance)._get_report_values(
            (self.customer_a | quiet).ids, data
        )
        self.assertEqual(values["docs"], self.customer_a)
        self.assertEqual(values["left_out"], quiet)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                "lubricant_account_manager.report_p8_receivables",
                (self.customer_a | quiet).ids,
                data=data,
            )[0]
            .decode()
        )
        self.assertIn("Quiet Works", html.split('name="left_out"', 1)[1][:400])
        # the note of the print comes before the first customer's title
        self.assertLess(html.index('name="left_out"'), html.index("<h3"))
        # issue 20: the last invoices, the total, the ageing and the
        # signatures are one block kept on one page: the ageing never lands
        # alone on a page
        end = html.split('name="receivables_end"', 1)[1]
        self.assertIn('name="table_ageing"', end)
        self.assertIn('name="table_signatures"', end)
        for receivable in self.first | self.second:
            self.assertIn(receivable.name, end)
        self.assertIn('name="table_receivables_end"', end)
        self.assertEqual(
            values["grand_total"]["due"],
            self.first.amount_residual + self.second.amount_residual,
        )
        # printed alone, he gets his page saying so
        values = report.with_user(self.finance)._get_report_values(quiet.ids, data)
        self.assertEqual((values["docs"], values["left_out"]), (quiet, quiet.browse()))
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render(
                "lubricant_account_manager.report_p8_xlsx",
                self.customer_a.ids,
                data=data,
            )
        )
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        rows = [
            row
            for row in workbook.worksheets[0].iter_rows(values_only=True)
            if row and row[1] == self.first.name
        ]
        self.assertEqual(
            (rows[0][3], rows[0][7], rows[0][9]), (self.order.name, 111, "Manager A")
        )
        ageing = [
            row
            for row in workbook.worksheets[1].iter_rows(values_only=True)
            if row and row[0] == "Anshan Steel Works"
        ][0]
        self.assertAlmostEqual(ageing[5], self.first.amount_residual)  # over 90 days
        self.assertAlmostEqual(ageing[2], self.second.amount_residual)  # 0-30 days
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager_c)._render_qweb_html(
                "lubricant_account_manager.report_p8_receivables",
                self.customer_a.ids,
                data=data,
            )

    def test_credit_limits_switched_on_by_the_install_only(self):
        """Issue 17, hole 21: the install remembers the companies whose credit
        limit it switched on, and the uninstall switches those off only."""
        from odoo.addons.lubricant_account_manager import (
            post_init_hook,
            uninstall_hook,
        )

        using = self.env["res.company"].create(
            {"name": "Already on credit", "account_use_credit_limit": True}
        )
        plain = self.env["res.company"].create(
            {"name": "No credit yet", "account_use_credit_limit": False}
        )
        post_init_hook(self.env)
        self.assertTrue(
            using.account_use_credit_limit and plain.account_use_credit_limit
        )
        uninstall_hook(self.env)
        self.assertEqual(
            (using.account_use_credit_limit, plain.account_use_credit_limit),
            (True, False),
        )

    def test_exposure_counts_invoices_and_orders_as_odoo_does(self):
        self.assertTrue(self.company.account_use_credit_limit)
        customer = self.customer_a.sudo()
        self.assertTrue(
            customer.risk_sale_order_include and customer.risk_invoice_unpaid_include
        )
        self._create_order(
            self.customer_a, [(self.hydraulic_oil, 100.0)], "2026-11-01 08:00:00"
        )
        customer.invalidate_recordset()
        self.assertAlmostEqual(
            customer.risk_invoice_open + customer.risk_invoice_unpaid, customer.credit
        )
        self.assertAlmostEqual(
            customer.risk_total, customer.credit + customer.credit_to_invoice
        )


@tagged("post_install", "-at_install")
class TestCreditControl(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a.sudo().credit_limit = 5000.0

    def _order(self, qty=400.0):
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
                }
            )
        )

    def _hold(self, order):
        action = order.with_user(self.manager_a).action_confirm()
        self.assertEqual(action["res_model"], "partner.risk.exceeded.wiz")
        self.assertEqual(order.state, "draft")
        wizard = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager_a)
            .browse(action["res_id"])
        )
        result = wizard.button_lam_request_approval()
        return (
            self.env["lam.credit.approval"]
            .with_user(self.manager_a)
            .browse(result["res_id"])
        )

    def test_an_order_over_the_limit_is_held_and_approved_by_finance(self):
        small = self._order(qty=10.0)
        small.with_user(self.manager_a).action_confirm()
        self.assertEqual(small.state, "sale")
        order = self._order()
        # the context of an RPC call does not skip the check
        action = (
            order.with_user(self.manager_a)
            .with_context(bypass_risk=True)
            .action_confirm()
        )
        self.assertEqual(
            (action["res_model"], order.state), ("partner.risk.exceeded.wiz", "draft")
        )
        approval = self._hold(order)
        self.assertEqual(
            (approval.state, approval.requested_by_id, approval.partner_id),
            ("requested", self.manager_a, self.customer_a),
        )
        self.assertEqual(order.lam_credit_approval_state, "requested")
        self.assertLessEqual(
            self.department_manager | self.finance, approval.sudo().activity_ids.user_id
        )
        self.assertNotIn(self.manager_a, approval.sudo().activity_ids.user_id)
        with self.assertRaises(AccessError):
            approval.action_approve()
        self.assertFalse(self.finance.has_group("sales_team.group_sale_salesman"))
        approval.with_user(self.finance).action_approve()
        self.assertEqual(order.state, "sale")
        self.assertEqual(
            (approval.state, approval.decided_by_id), ("approved", self.finance)
        )
        self.assertTrue(approval.decided_on)
        self.assertFalse(approval.sudo().activity_ids)
        self.assertIn("approved by Finance", order.message_ids[0].body)
        # issue 19, item 10: the requester is told, on the order
        self.assertIn(
            self.manager_a.partner_id, order.message_ids[0].notified_partner_ids
        )

    def test_a_held_order_refused_with_a_reason(self):
        order = self._order()
        approval = self._hold(order)
        self.assertEqual(self._hold(order), approval)  # asked twice: one request
        with self.assertRaisesRegex(UserError, "Say why"), self.env.cr.savepoint():
            approval.with_user(self.department_manager).action_refuse()
        approval.with_user(
            self.department_manager
        ).refusal_reason = "Two invoices over 90 days"
        approval.with_user(self.department_manager).action_refuse()
        self.assertEqual((order.state, approval.state), ("draft", "refused"))
        with self.assertRaises(UserError):
            approval.with_user(self.finance).action_approve()

    def test_an_approval_binds_the_terms_it_was_asked_against(self):
        # an approval of a request asked against terms since changed would undo
        # that change unseen: refused; a refusal stays possible
        Request = self.env["lam.credit.change.request"].with_user(self.manager_a)
        first = Request.create(
            {"partner_id": self.customer_a.id, "credit_limit": 8000.0, "reason": "A"}
        )
        second = Request.create(
            {"partner_id": self.customer_a.id, "credit_limit": 9000.0, "reason": "B"}
        )
        second.with_user(self.finance).action_approve()
        self.assertEqual(self.customer_a.sudo().credit_limit, 9000.0)
        with self.assertRaisesRegex(UserError, "changed since it was asked"):
            first.with_user(self.finance).action_approve()
        self.assertEqual(self.customer_a.sudo().credit_limit, 9000.0)
        self.assertEqual(first.state, "requested")
        first.with_user(self.finance).refusal_reason = "Asked against old terms"
        first.with_user(self.finance).action_refuse()
        self.assertEqual(first.state, "refused")

    def test_credit_change_requested_then_approved_or_refused(self):
        wizard = (
            self.env["lam.credit.change.wizard"]
            .with_user(self.manager_a)
            .with_context(default_partner_id=self.customer_a.id)
            .create({"credit_limit": 8000.0, "reason": "Bigger orders"})
        )
        self.assertTrue(wizard.is_request)
        wizard.action_apply()
        self.assertEqual(
            self.customer_a.sudo().credit_limit, 5000.0
        )  # nothing changed yet
        request = (
            self.env["lam.credit.change.request"].with_user(self.manager_a).search([])
        )
        self.assertEqual(
            (request.state, request.requested_by_id), ("requested", self.manager_a)
        )
        # issue 19, item 10: the terms of the day beside the asked ones
        self.assertEqual(
            (request.previous_credit_limit, request.credit_limit), (5000.0, 8000.0)
        )
        with self.assertRaises(UserError), self.env.cr.savepoint():
            request.with_user(self.manager_a).previous_credit_limit = 9000.0
        self.assertLessEqual(
            self.department_manager | self.finance, request.sudo().activity_ids.user_id
        )
        with self.assertRaises(AccessError):
            request.action_approve()
        request.with_user(self.finance).action_approve()
        self.assertEqual(self.customer_a.sudo().credit_limit, 8000.0)
        event = self.env["lam.credit.event"].search(
            [("partner_id", "=", self.customer_a.id)], order="id desc", limit=1
        )
        self.assertEqual(
            (event.changed_by_id, event.requested_by_id, event.reason),
            (self.finance, self.manager_a, "Bigger orders"),
        )
        self.assertEqual(event.new_limit, 8000.0)
        # refused
        other = (
            self.env["lam.credit.change.request"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_limit": 20000.0,
                    "reason": "Even bigger",
                }
            )
        )
        other.with_user(
            self.department_manager
        ).refusal_reason = "Not before the overdue invoices are paid"
        other.with_user(self.department_manager).action_refuse()
        self.assertEqual(
            (other.state, other.decided_by_id), ("refused", self.department_manager)
        )
        self.assertEqual(self.customer_a.sudo().credit_limit, 8000.0)
        # another manager asks nothing for a customer not his
        with self.assertRaises(AccessError):
            self.env["lam.credit.change.request"].with_user(self.manager_c).create(
                {"partner_id": self.customer_a.id, "credit_limit": 1.0, "reason": "x"}
            )


@tagged("post_install", "-at_install")
class TestCreditControlAttacks(LamCommon):
    """What a review found, tried as a manager would through RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a.sudo().credit_limit = 5000.0
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.manager_a)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.hydraulic_oil.id,
                                "product_uom_qty": 400.0,
                                "price_unit": 20.0,
                            }
                        )
                    ],
                }
            )
        )

    def _dialog(self, **vals):
        return (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "origin_reference": f"sale.order,{self.order.id}",
                    "continue_method": "action_confirm",
                    **vals,
                }
            )
        )

    def test_the_dialog_lets_no_manager_past_the_limit(self):
        with self.assertRaises(AccessError):
            self._dialog().button_continue()
        with self.assertRaises(AccessError):
            self._dialog(continue_method="_get_report_base_filename").button_continue()
        self.assertEqual(self.order.state, "draft")

    def test_no_request_for_an_order_not_held_and_no_forged_reason(self):
        small = (
            self.env["sale.order"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.hydraulic_oil.id,
                                "product_uom_qty": 1.0,
                            }
                        )
                    ],
                }
            )
        )
        with self.assertRaises(UserError):
            self.env["partner.risk.exceeded.wiz"].with_user(self.manager_a).create(
                {
                    "origin_reference": f"sale.order,{small.id}",
                    "exception_msg": "finance agreed by phone",
                }
            ).button_lam_request_approval()
        result = self._dialog(
            exception_msg="finance agreed by phone"
        ).button_lam_request_approval()
        approval = self.env["lam.credit.approval"].browse(result["res_id"])
        self.assertNotIn("phone", approval.exception_msg)

    def test_an_approval_confirms_its_own_order_only_and_nobody_approves_his_own(self):
        other = self.env["sale.order"].create(
            {
                "partner_id": self.customer_b.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.grease.id, "product_uom_qty": 1.0}
                    )
                ],
            }
        )
        approval = self.env["lam.credit.approval"].browse(
            self._dialog().button_lam_request_approval()["res_id"]
        )
        with self.assertRaises(AccessError):
            approval.with_user(self.finance).write({"order_id": other.id})
        # a department manager's own order
        boss_order = (
            self.env["sale.order"]
            .with_user(self.department_manager)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.hydraulic_oil.id,
                                "product_uom_qty": 400.0,
                            }
                        )
                    ],
                }
            )
        )
        action = boss_order.with_user(self.department_manager).action_confirm()
        dialog = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.department_manager)
            .browse(action["res_id"])
        )
        own = self.env["lam.credit.approval"].browse(
            dialog.button_lam_request_approval()["res_id"]
        )
        with self.assertRaises(AccessError):
            own.with_user(self.department_manager).action_approve()
        approval.with_user(self.finance).action_approve()
        with self.assertRaises(UserError):
            approval.with_user(self.finance).write({"refusal_reason": "afterwards"})

    def test_a_request_is_kept_as_decided_and_never_negative(self):
        request = (
            self.env["lam.credit.change.request"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_limit": 8000.0,
                    "reason": "Bigger orders",
                }
            )
        )
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["lam.credit.change.request"].with_user(self.manager_a).create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_limit": -5000.0,
                    "reason": "Negative",
                }
            )
        with self.assertRaisesRegex(AccessError, "kept as it was made"):
            request.write({"credit_limit": 999999.0})
        request.with_user(self.finance).action_approve()
        with self.assertRaises(UserError):
            request.write({"credit_limit": 999999.0})
        self.assertEqual(self.customer_a.sudo().credit_limit, 8000.0)

    def test_a_part_stays_in_its_month_and_drops_follow_the_customer(self):
        self.env["lam.sales.plan"].search(
            [("month", "=", "2026-12-01")]
        ).unlink()  # the demo's
        plan = self.env["lam.sales.plan"].create(
            {"month": "2026-12-01", "target_volume": 100.0}
        )
        part = self.env["lam.sales.plan.manager"].create(
            {"plan_id": plan.id, "user_id": self.manager_a.id}
        )
        with self.assertRaises(UserError):
            part.with_user(self.manager_a).write({"month": "2026-01-01"})
        drop = self.env["lam.purchase.drop"].create(
            {
                "partner_id": self.customer_a.id,
                "company_id": self.company.id,
                "rule": "average",
                "date_from": "2026-08-01",
                "date_to": "2026-10-31",
                "recent_qty": 0.0,
                "baseline_qty": 100.0,
            }
        )
        self.customer_a.user_id = self.manager_b
        self.assertEqual(drop.user_id, self.manager_b)
        self.assertFalse(
            self.env["lam.purchase.drop"]
            .with_user(self.manager_a)
            .search([("id", "=", drop.id)])
        )


@tagged("post_install", "-at_install")
class TestCollectionActivities(LamCommon):
    """Issue 18, item 2: one collection activity per invoice past due."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        order = cls._create_order(
            cls.customer_a, [(cls.hydraulic_oil, 400.0)], "2026-07-20 08:00:00"
        )
        cls.first = TestReceivables._invoice(
            order, "2026-08-01", "2026-08-01", quantity=150.0
        )
        cls.second = TestReceivables._invoice(order, "2026-09-15", "2026-10-25")

    def _collection(self, invoice):
        return self.env["mail.activity"].search(
            [("lam_collection_move_id", "=", invoice.id)]
        )

    def _run(self, day):
        with freeze_time(f"{day} 04:00:00"):
            self.env["lam.receivable"]._cron_collection_activities()

    def test_one_activity_per_invoice_past_due(self):
        # on 28 November: the first invoice (due 1 August) and the second (due 25
        # October) are past due
        self._run("2026-11-28")
        first, second = self._collection(self.first), self._collection(self.second)
        self.assertEqual(len(first), 1)
        self.assertEqual(len(second), 1)
        self.assertEqual(
            (first.user_id, first.res_id, first.res_model),
            (self.manager_a, self.customer_a.id, "res.partner"),
        )
        # a second run makes no second activity
        self._run("2026-11-28")
        self.assertEqual(len(self._collection(self.first)), 1)
        # a payment promised for 5 December closes the first one...
        self.env["lam.collection.action"].with_user(self.manager_a).create(
            {
                "receivable_id": self.first.id,
                "action": "call",
                "description": "The buyer promised to pay",
                "promise_date": "2026-12-05",
            }
        )
        self._run("2026-11-29")
        self.assertFalse(self._collection(self.first))
        self.assertEqual(len(self._collection(self.second)), 1)
        # ...until the promised date passes unpaid
        self._run("2026-12-06")
        self.assertEqual(len(self._collection(self.first)), 1)

    def test_the_grace_is_a_setting(self):
        self.company.lam_collection_grace_days = 40
        # 28 November: the second invoice is 34 days past due, within the grace
        self._run("2026-11-28")
        self.assertEqual(len(self._collection(self.first)), 1)
        self.assertFalse(self._collection(self.second))
