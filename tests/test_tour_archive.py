# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import time
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from .common import MODULE

# Shifts the page's Date by a constant offset, so that the browser's "today"
# (context_today(), date pickers, the tours' own dates) is the server's.
SERVER_CLOCK_JS = """(() => {
    const offset = %d;
    const RealDate = Date;
    class ServerDate extends RealDate {
        constructor(...args) {
            super(...(args.length ? args : [RealDate.now() + offset]));
        }
        static now() {
            return RealDate.now() + offset;
        }
    }
    globalThis.Date = ServerDate;
})();"""
# Opens the only marker of a map and checks that its popup shows the name as
# text and ran nothing.
MAP_POPUP_CHECK = """(async () => {
    const find = async (selector) => {
        for (let tries = 0; tries < 150; tries++) {
            const element = document.querySelector(selector);
            if (element) {
                return element;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error("not found: " + selector);
    };
    (await find(".leaflet-marker-icon")).click();
    const popup = await find(".leaflet-popup-content");
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (window.__pwned || popup.querySelector("img")) {
        console.error("a customer's name ran as HTML in the map popup");
    } else if (!popup.textContent.includes("<img")) {
        console.error("the name is missing from the popup: " + popup.innerHTML);
    } else {
        console.log("test successful");
    }
})();"""
# a browser clock further than this from the server's is moved to the server's
CLOCK_SKEW_MS = 60000


class LamTourCase(HttpCase):
    """Browser tours run in Chinese, as the managers work.

    The browser reads the server's clock: `make date-sweep` fakes the clock of
    Odoo (libfaketime) but not Chromium's, and a tour that types "in 30 days"
    or filters on "this month" must mean the server's day.
    """

    def browser_js(self, *args, **kwargs):
        navigate_to = ChromeBrowser.navigate_to

        def navigate_on_server_clock(browser, url, wait_stop=False):
            answer = browser._websocket_request(
                "Runtime.evaluate",
                params={"expression": "Date.now()", "returnByValue": True},
            )
            offset = round(time.time() * 1000) - answer["result"]["value"]
            if abs(offset) > CLOCK_SKEW_MS:
                browser._websocket_request(
                    "Page.addScriptToEvaluateOnNewDocument",
                    params={"source": SERVER_CLOCK_JS % offset},
                )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "navigate_to", navigate_on_server_clock):
            return super().browser_js(*args, **kwargs)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("zh_CN").active:
            cls.env["res.lang"]._activate_lang("zh_CN")
            cls.env["ir.module.module"]._load_module_terms(
                ["base", "web", "mail", MODULE], ["zh_CN"]
            )

    @classmethod
    def _new_chinese_user(cls, login, name, groups):
        return new_test_user(
            cls.env, login, groups=groups, name=name, lang="zh_CN", tz="Asia/Shanghai"
        )


@tagged("post_install", "-at_install")
class TestArchiveTour(LamTourCase):
    def test_manager_completes_archive_and_prints_p9(self):
        manager = self._new_chinese_user(
            "lam_tour_maint", "李维护", f"{MODULE}.group_lam_maintenance"
        )
        customer = self.env["res.partner"].create(
            {
                "name": "鞍山轧钢厂",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_size": "large",
                "lam_stage": "active",
                "user_id": manager.id,
            }
        )

        self.start_tour("/odoo", "lam_archive_tour", login=manager.login)

        key_person = customer.child_ids.filtered("lam_is_key_person")
        self.assertEqual(key_person.name, "王建国")
        contact = customer.child_ids - key_person
        self.assertEqual(contact.name, "赵收货")
        self.assertFalse(contact.is_company)
        self.assertFalse(contact.lam_customer_kind)
        self.assertEqual(contact.commercial_partner_id, customer)
        self.assertEqual(key_person.function, "设备科长")
        self.assertTrue(key_person.lam_is_key_person)
        self.assertFalse(key_person.is_company)
        self.assertFalse(key_person.lam_customer_kind)
        self.assertFalse(customer.lam_missing_key_person)
        self.assertEqual(customer.lam_equipment_ids.mapped("name"), ["2号轧机液压站"])
        self.assertEqual(customer.lam_equipment_ids.quantity, 3)

    def test_a_name_with_markup_stays_text_on_the_maps(self):
        """A customer's name goes into the map popups as text, never as HTML
        (issue 17, hole 5b): the route and customer maps, as a colleague."""
        manager = self._new_chinese_user(
            "lam_tour_maps", "马地图", f"{MODULE}.group_lam_maintenance"
        )
        customer = self.env["res.partner"].create(
            {
                "name": 'X <img src=x onerror="window.__pwned=1">',
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_stage": "active",
                "user_id": manager.id,
                "partner_latitude": 41.1087,
                "partner_longitude": 122.9946,
            }
        )
        self.env["lam.visit"].create(
            {
                "partner_id": customer.id,
                "user_id": manager.id,
                "planned_start": fields.Datetime.now(),
            }
        )
        for action in ("lam_visit_action", "res_partner_action_lam_customer"):
            with self.subTest(action=action):
                self.browser_js(
                    f"/odoo/action-{MODULE}.{action}?view_type=leaflet_map",
                    MAP_POPUP_CHECK,
                    login=manager.login,
                )

    def test_manager_prints_chosen_customer_from_report_menu(self):
        manager = self._new_chinese_user(
            "lam_tour_maint2", "周维护", f"{MODULE}.group_lam_maintenance"
        )
        self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "lam_stage": "active",
                    "user_id": manager.id,
                }
                for name in ("鞍山轧钢厂", "大连港务局")
            ]
        )
        self.start_tour("/odoo", "lam_report_wizard_tour", login=manager.login)

    def test_manager_plans_checks_in_closes_and_reports_a_visit(self):
        manager = self._new_chinese_user(
            "lam_tour_visit", "吴维护", f"{MODULE}.group_lam_maintenance"
        )
        boss = self._new_chinese_user(
            "lam_tour_boss", "郑经理", f"{MODULE}.group_lam_department_manager"
        )
        self.env["crm.team"].create(
            {
                "name": "华东润滑油",
                "user_id": boss.id,
                "crm_team_member_ids": [Command.create({"user_id": manager.id})],
            }
        )
        customer = self.env["res.partner"].create(
            {
                "name": "鞍山轧钢厂",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_stage": "active",
                "user_id": manager.id,
            }
        )
        self.start_tour("/odoo", "lam_visit_tour", login=manager.login)

        visit = self.env["lam.visit"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(visit), 1)
        self.assertEqual((visit.state, visit.user_id), ("reported", manager))
        self.assertTrue(visit.checkin_time)
        self.assertTrue(visit.next_visit_date)
        self.assertEqual(visit.outcome, "客户同意试用 L-HM 46 抗磨液压油")
        self.assertEqual(visit.reported_to_ids, boss)
        report = visit.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )
        self.assertEqual(report.partner_ids, boss.partner_id)
        self.assertTrue(
            customer.activity_ids.filtered(
                lambda a: a.date_deadline == visit.next_visit_date
            )
        )


@tagged("post_install", "-at_install")
class TestPlanningTour(LamTourCase):
    def test_manager_writes_his_weekly_plan_and_his_manager_opens_the_scorecard(
        self,
    ):
        manager = self._new_chinese_user(
            "lam_tour_plan", "吴维护", f"{MODULE}.group_lam_maintenance"
        )
        boss = self._new_chinese_user(
            "lam_tour_plan_boss", "郑经理", f"{MODULE}.group_lam_department_manager"
        )
        self.env["crm.team"].create(
            {
                "name": "华东润滑油",
                "user_id": boss.id,
                "crm_team_member_ids": [Command.create({"user_id": manager.id})],
            }
        )
        customers = self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "lam_stage": "active",
                    "user_id": manager.id,
                }
                for name in ("鞍山轧钢厂", "大连港务局")
            ]
        )
        self.start_tour("/odoo", "lam_plan_tour", login=manager.login)
        plan = self.env["lam.plan"].search([("user_id", "=", manager.id)])
        self.assertEqual(
            (plan.period_type, plan.state, plan.target_visits), ("week", "planned", 4)
        )
        self.assertEqual(plan.line_ids.partner_id, customers)
        self.assertEqual(
            plan.line_ids.mapped("action"), ["汇报试用结果", "收集明年用油计划"]
        )

        self.start_tour("/odoo", "lam_scorecard_tour", login=boss.login)
        self.assertTrue(
            self.env["lam.scorecard"].search_count([("user_id", "=", manager.id)])
        )


@tagged("post_install", "-at_install")
class TestCadenceTour(LamTourCase):
    def test_manager_satisfies_a_cadence_from_the_activity_menu(self):
        manager = self._new_chinese_user(
            "lam_tour_cadence", "吴维护", f"{MODULE}.group_lam_maintenance"
        )
        customer = self.env["res.partner"].create(
            {
                "name": "鞍山轧钢厂",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_stage": "active",
                "user_id": manager.id,
            }
        )
        self.env["lam.cadence.rule"].search([]).active = False
        rule = self.env["lam.cadence.rule"].create(
            {
                "name": "Call weekly",
                "contact_type": "call",
                "period_type": "days",
                "period_length": 7,
                "activity_type_id": self.env.ref(
                    f"{MODULE}.mail_activity_type_lam_cadence_call"
                ).id,
            }
        )
        rule.with_context(lang="zh_CN").name = "每周电话联系"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = now() - interval '30 days' WHERE id "
            "= %s",
            [customer.id],
        )
        self.env.invalidate_all()
        engine = self.env["lam.cadence.engine"]
        engine._cron_enforce_cadences()
        activity = self.env["mail.activity"].search(
            [("res_id", "=", customer.id), ("lam_cadence_rule_id", "=", rule.id)]
        )
        self.assertEqual(activity.user_id, manager)
        self.assertTrue(activity.summary.startswith("每周电话联系"))

        self.start_tour("/odoo", "lam_cadence_tour", login=manager.login)

        call = self.env["lam.communication"].search([("partner_id", "=", customer.id)])
        self.assertEqual(
            (call.user_id, call.channel, call.summary),
            (manager, "phone", "确认12月液压油采购量 6 吨"),
        )
        engine._cron_enforce_cadences()
        self.assertFalse(activity.active)
        self.assertTrue(activity.date_done)
        self.assertEqual(activity.lam_cadence_feedback, "已覆盖：联系已记录。")


@tagged("post_install", "-at_install")
class TestComplaintAndDealerTours(LamTourCase):
    def test_manager_registers_and_resolves_a_complaint(self):
        manager = self._new_chinese_user(
            "lam_tour_complaint", "郑维护", f"{MODULE}.group_lam_maintenance"
        )
        customer = self.env["res.partner"].create(
            {
                "name": "鞍山轧钢厂",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_stage": "active",
                "user_id": manager.id,
            }
        )

        self.start_tour("/odoo", "lam_complaint_tour", login=manager.login)

        complaint = self.env["lam.complaint"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(
            (complaint.user_id, complaint.state, complaint.lots),
            (manager, "resolved", "2611-045"),
        )
        self.assertEqual(complaint.resolution, "更换同批次油品并清洗液压系统")
        self.assertTrue(complaint.deadline)
        self.assertTrue(complaint.sla_met)

    def test_channel_manager_imports_a_psi_month_from_the_template(self):
        manager = self._new_chinese_user(
            "lam_tour_channel", "冯渠道", f"{MODULE}.group_lam_channel"
        )
        dealer = self.env["res.partner"].create(
            {
                "name": "成都润滑油贸易公司",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "lam_stage": "active",
                "user_id": manager.id,
                "lam_territory": "成都、德阳",
            }
        )
        product = self.env["product.product"].create(
            {
                "name": "L-HM 46 抗磨液压油",
                "default_code": "HM46",
                "type": "consu",
                "lam_is_lubricant": True,
                "uom_id": self.env.ref("uom.product_uom_litre").id,
                "uom_po_id": self.env.ref("uom.product_uom_litre").id,
            }
        )
        # the manager's last month, in his time zone (the wizard's default):
        # at 23:50 UTC on the last day of a month, it is already the next
        # month in Beijing
        today = fields.Date.context_today(self.env["res.users"].with_user(manager))
        last_month = today + relativedelta(months=-1, day=15)
        order = self.env["sale.order"].create(
            {
                "partner_id": dealer.id,
                "user_id": manager.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 600.0,
                            "price_unit": 18.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = fields.Datetime.to_datetime(last_month) + relativedelta(
            hours=2
        )

        self.start_tour("/odoo", "lam_psi_import_tour", login=manager.login)

        psi = self.env["lam.dealer.psi"].search([("partner_id", "=", dealer.id)])
        self.assertEqual(psi.month, last_month + relativedelta(day=1))
        self.assertEqual(psi.line_ids.product_id, product)
        self.assertEqual(
            (psi.line_ids.opening, psi.line_ids.purchases, psi.line_ids.closing),
            (0.0, 600.0, 600.0),
        )
        self.assertEqual(psi.flagged_count, 0)
        self.assertEqual(psi.account_manager_id, manager)


@tagged("post_install", "-at_install")
class TestSalesAndReceivablesTours(LamTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._new_chinese_user(
            "lam_tour_sales", "孙开拓", f"{MODULE}.group_lam_development"
        )
        cls.boss = cls._new_chinese_user(
            "lam_tour_boss", "钱经理", f"{MODULE}.group_lam_department_manager"
        )
        cls.env["crm.team"].create(
            {
                "name": "华北",
                "user_id": cls.boss.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.manager.id})],
            }
        )
        cls.finance = cls._new_chinese_user(
            "lam_tour_finance", "赵财务", f"base.group_user,{MODULE}.group_lam_finance"
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "鞍山轧钢厂",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "lam_stage": "active",
                "user_id": cls.manager.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "L-HM 46 抗磨液压油",
                "type": "consu",
                "lam_is_lubricant": True,
                "list_price": 15.0,
                "uom_id": cls.env.ref("uom.product_uom_litre").id,
                "uom_po_id": cls.env.ref("uom.product_uom_litre").id,
            }
        )

    def _order(self, qty, days_ago=0, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.manager.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": qty,
                            "price_unit": 15.0,
                        }
                    )
                ],
            }
        )
        if confirm:
            order.with_context(bypass_risk=True).action_confirm()
            order.date_order = fields.Datetime.now() - relativedelta(days=days_ago)
        return order

    def test_manager_breaks_his_month_down(self):
        self._order(1200.0, days_ago=40)
        self.env["lam.sales.plan"].search(
            []
        ).unlink()  # the demo's plans: one plan a month
        plan = (
            self.env["lam.sales.plan"]
            .with_user(self.boss)
            .create(
                {
                    "month": fields.Date.today() + relativedelta(months=1),
                    "target_volume": 1000.0,
                }
            )
        )
        part = (
            self.env["lam.sales.plan.manager"]
            .with_user(self.boss)
            .create(
                {
                    "plan_id": plan.id,
                    "user_id": self.manager.id,
                    "target_volume": 1000.0,
                }
            )
        )

        self.start_tour("/odoo", "lam_sales_plan_tour", login=self.manager.login)

        self.assertTrue(part.breakdown_done)
        self.assertEqual(part.line_ids.partner_id, self.customer)
        self.assertEqual(sum(part.line_ids.mapped("target")), 1000.0)

    def test_finance_prints_p8_and_records_a_collection_action(self):
        order = self._order(300.0, days_ago=50)
        invoice = order._create_invoices()
        invoice.write(
            {
                "invoice_date": fields.Date.today() - relativedelta(days=45),
                "invoice_payment_term_id": False,
            }
        )
        invoice.invoice_date_due = fields.Date.today() - relativedelta(days=45)
        invoice.action_post()

        self.start_tour("/odoo", "lam_receivables_tour", login=self.finance.login)

        action = self.env["lam.collection.action"].search(
            [("receivable_id", "=", invoice.id)]
        )
        self.assertEqual(
            (action.user_id, action.description),
            (self.finance, "电话催收，客户承诺下周付款"),
        )

    def test_finance_approves_a_held_order(self):
        self.customer.sudo().credit_limit = 1000.0
        order = self._order(500.0, confirm=False)
        action = order.with_user(self.manager).action_confirm()
        wizard = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager)
            .browse(action["res_id"])
        )
        wizard.button_lam_request_approval()
        self.assertEqual(order.state, "draft")

        self.start_tour("/odoo", "lam_credit_approval_tour", login=self.finance.login)

        self.assertEqual(order.state, "sale")
        approval = self.env["lam.credit.approval"].search([("order_id", "=", order.id)])
        self.assertEqual(
            (approval.state, approval.decided_by_id), ("approved", self.finance)
        )
