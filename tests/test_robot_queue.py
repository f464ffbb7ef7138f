# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 23: reminders to the sales teams' WeCom, DingTalk and Feishu group
robots, queued by the work that causes them and sent by a scheduled action
to a robot served by this test on 127.0.0.1 (nothing leaves the machine)."""

import base64
import datetime
import hashlib
import hmac
import threading
from http.server import HTTPServer
from urllib.parse import parse_qs, urlsplit

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MODULE
from .test_field_work import DAY, LamFieldWorkCase, utc
from .test_robots import RobotHandler

SECRET = "SECd2b6f1a0c7e94b3f"
TOKEN = "access-token-of-the-east-group"
OK = (200, {"errcode": 0, "errmsg": "ok", "code": 0}, 0)
# after the class's frozen clock (2026-11-28 12:00 in Shanghai), which dates
# the messages queued outside a test's own clock
NOW = utc(datetime.date(2026, 11, 28), 17)
EPOCH = int(NOW.replace(tzinfo=datetime.timezone.utc).timestamp())


@tagged("post_install", "-at_install")
class TestRobotQueue(LamFieldWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("en_US").active:
            cls.env["res.lang"]._activate_lang("en_US")
        cls.server = HTTPServer(("127.0.0.1", 0), RobotHandler)
        cls.server.received = []
        cls.server.answer = OK
        thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(thread.join, 5)
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        base = f"http://127.0.0.1:{cls.server.server_port}"
        cls.robot = cls.env["lam.robot"].create(
            {
                "name": "East group (DingTalk)",
                "team_id": cls.team.id,
                "platform": "dingtalk",
                "webhook_url": f"{base}/robot/send?access_token={TOKEN}",
                "secret": SECRET,
                "lang": "en_US",
                "max_attempts": 3,
                "retry_minutes": 5,
                "timeout": 2,
            }
        )
        cls.robot_west = cls.env["lam.robot"].create(
            {
                "name": "West group (Feishu)",
                "team_id": cls.team_west.id,
                "platform": "feishu",
                "webhook_url": f"{base}/open-apis/bot/v2/hook/west",
                "secret": SECRET,
                "lang": "en_US",
            }
        )
        cls.Message = cls.env["lam.robot.message"]

    def setUp(self):
        super().setUp()
        self.server.received.clear()
        self.server.answer = OK

    def _send(self, when=NOW):
        with freeze_time(when):
            return self.Message._cron_send()

    def _reported_visit(self):
        visit = self._visit(next_visit_date=DAY + datetime.timedelta(days=7))
        with freeze_time(utc(DAY, 8, 52)):
            visit.action_check_in(latitude=41.1087, longitude=122.9946, accuracy=12)
        visit.write({"outcome": "Agreed to test L-HM 46 on line 2"})
        visit.action_done()
        with freeze_time(NOW - datetime.timedelta(hours=1)):
            visit.action_report()
        return visit

    def test_a_visit_report_is_queued_then_sent_signed(self):
        visit = self._reported_visit()
        message = self.Message.search([("res_id", "=", visit.id)])
        # queued in the manager's transaction, nothing sent from it
        self.assertEqual(
            (message.robot_id, message.event, message.state, message.attempts),
            (self.robot, "event_visit_report", "queued", 0),
        )
        self.assertEqual(self.server.received, [])
        self.assertEqual(message.title, "Visit report: Anshan Steel Works")
        self.assertIn("**Visited by**: Manager A", message.text)
        self.assertIn("**Arrived**: 2026-11-24 08:52 (On Time)", message.text)
        self.assertIn("**Outcome**: Agreed to test L-HM 46 on line 2", message.text)
        self.assertIn(
            f"(http://localhost:8069/mail/view?model=lam.visit&res_id={visit.id})",
            message.text.replace(visit.get_base_url(), "http://localhost:8069"),
        )
        self.assertEqual(self._send(), 1)
        self.assertEqual(
            (message.state, message.attempts, message.error), ("sent", 1, False)
        )
        path, body = self.server.received[0]
        query = parse_qs(urlsplit(path).query)
        self.assertEqual(query["access_token"], [TOKEN])
        self.assertEqual(query["timestamp"], [str(EPOCH * 1000)])
        # DingTalk's published signature, computed here
        expected = base64.b64encode(
            hmac.new(
                SECRET.encode(), f"{EPOCH * 1000}\n{SECRET}".encode(), hashlib.sha256
            ).digest()
        ).decode()
        self.assertEqual(query["sign"], [expected])
        self.assertEqual(body["msgtype"], "markdown")
        self.assertEqual(body["markdown"]["title"], message.title)
        self.assertIn("Agreed to test L-HM 46", body["markdown"]["text"])
        # sent once
        self.assertEqual(self._send(NOW + datetime.timedelta(hours=1)), 0)
        self.assertEqual(len(self.server.received), 1)

    def test_retried_on_500_and_timeouts_then_given_up(self):
        visit = self._reported_visit()
        message = self.Message.search([("res_id", "=", visit.id)])
        self.server.answer = (500, {}, 0)
        with mute_logger(
            "odoo.addons.lubricant_account_manager.models.lam_robot_message"
        ):
            self._send()
            self.assertEqual(
                (message.state, message.attempts, message.error),
                ("queued", 1, "HTTP 500"),
            )
            self.assertEqual(message.next_try, NOW + datetime.timedelta(minutes=5))
            # not due yet: not tried
            self.assertEqual(self._send(NOW + datetime.timedelta(minutes=4)), 0)
            # a robot too slow (2 s of timeout) is tried again, twice as late
            self.server.answer = (200, {"errcode": 0}, 2.5)
            self._send(NOW + datetime.timedelta(minutes=5))
            self.assertEqual(
                (message.state, message.attempts, message.error),
                ("queued", 2, "no answer within 2 s"),
            )
            self.assertEqual(message.next_try, NOW + datetime.timedelta(minutes=15))
            # the third try fails: given up, the error kept
            self.server.answer = (
                200,
                {"errcode": 310000, "errmsg": "sign not match"},
                0,
            )
            self._send(NOW + datetime.timedelta(minutes=15))
        self.assertEqual(
            (message.state, message.attempts, message.error),
            ("failed", 3, "dingtalk 310000: sign not match"),
        )
        self.assertEqual(len(self.server.received), 3)
        for text in (message.error, message.text):
            self.assertNotIn(SECRET, text)
            self.assertNotIn(TOKEN, text)
        self.assertEqual(self._send(NOW + datetime.timedelta(days=1)), 0)
        self.assertEqual(self.robot.failed_count, 1)
        # corrected, tried again
        self.server.answer = OK
        with freeze_time(NOW + datetime.timedelta(days=1)):
            message.action_retry()
        self._send(NOW + datetime.timedelta(days=1))
        self.assertEqual((message.state, message.attempts), ("sent", 1))

    def test_a_robot_nobody_answers_never_blocks_the_work(self):
        self.robot.webhook_url = "http://127.0.0.1:9/robot/send"  # discard port
        visit = self._reported_visit()
        self.assertEqual(visit.state, "reported")
        with mute_logger(
            "odoo.addons.lubricant_account_manager.models.lam_robot_message"
        ):
            self._send()
        message = self.Message.search([("res_id", "=", visit.id)])
        self.assertEqual(message.state, "queued")
        self.assertTrue(message.error.startswith("not reached:"))

    def test_feishu_and_wecom_formats(self):
        message = self.Message._lam_queue(
            [
                {
                    "robot_id": self.robot_west.id,
                    "event": "test",
                    "title": "投诉即将超时",
                    "text": "**客户**: 重庆水泥",
                }
            ]
        )
        self._send()
        self.assertEqual(message.state, "sent")
        path, body = self.server.received[-1]
        self.assertEqual(path, "/open-apis/bot/v2/hook/west")
        self.assertEqual(body["timestamp"], str(EPOCH))
        # Feishu's published signature: HMAC-SHA256 keyed by "timestamp\nsecret"
        # over nothing, base64
        expected = base64.b64encode(
            hmac.new(f"{EPOCH}\n{SECRET}".encode(), b"", hashlib.sha256).digest()
        ).decode()
        self.assertEqual(body["sign"], expected)
        self.assertEqual(body["card"]["header"]["title"]["content"], "投诉即将超时")
        self.assertEqual(
            body["card"]["elements"],
            [{"tag": "markdown", "content": "**客户**: 重庆水泥"}],
        )
        self.robot_west.write({"platform": "wecom", "secret": False})
        message = self.Message._lam_queue(
            [
                {
                    "robot_id": self.robot_west.id,
                    "event": "test",
                    "title": "T",
                    "text": "B",
                }
            ]
        )
        self._send()
        self.assertEqual(message.state, "sent")
        self.assertEqual(
            self.server.received[-1][1],
            {"msgtype": "markdown", "markdown": {"content": "**T**\nB"}},
        )

    def test_events_reach_the_robots_of_the_teams_concerned(self):
        # a complaint escalated: its handler's team (East), not West
        complaint = (
            self.env["lam.complaint"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "description": "Oil foams in the gearbox",
                    "self_resolvable": True,
                    "received_at": utc(DAY, 9),
                }
            )
        )
        with freeze_time(NOW + datetime.timedelta(days=10)):
            self.env["lam.complaint"]._cron_escalate_overdue()
        message = self.Message.search([("res_id", "=", complaint.id)])
        self.assertEqual(
            (message.robot_id, message.event), (self.robot, "event_complaint")
        )
        self.assertEqual(message.title, f"Complaint escalated: {complaint.name}")
        self.assertIn("**Customer**: Anshan Steel Works", message.text)
        # a deadline near is told once, a few hours before
        near = (
            self.env["lam.complaint"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "description": "Wrong grade delivered",
                    "self_resolvable": True,
                    "received_at": utc(DAY, 9),
                }
            )
        )
        self.env.flush_all()
        with freeze_time(near.deadline - datetime.timedelta(hours=3)):
            self.env["lam.complaint"]._cron_escalate_overdue()
        self.assertFalse(self.Message.search([("res_id", "=", near.id)]))
        for hours in (1.5, 1):
            with freeze_time(near.deadline - datetime.timedelta(hours=hours)):
                self.env["lam.complaint"]._cron_escalate_overdue()
        warned = self.Message.search([("res_id", "=", near.id)])
        self.assertEqual(warned.title, f"Complaint deadline near: {near.name}")
        self.assertTrue(near.breach_warned_at)
        # a senior visit decided: the requester's team
        request = (
            self.env["lam.senior.visit.request"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "senior_user_id": self.department_manager.id,
                    "reason": "The owner wants to meet our director",
                    "date_from": DAY + datetime.timedelta(days=7),
                    "date_to": DAY + datetime.timedelta(days=9),
                }
            )
        )
        request.with_user(self.department_manager).action_approve()
        decided = self.Message.search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(
            (decided.robot_id, decided.event), (self.robot, "event_approval")
        )
        self.assertIn("Approved", decided.title)
        self.assertIn("**Decided by**: Department Manager", decided.text)
        # a team's robot that does not take an event gets none
        self.robot.event_visit_report = False
        visit = self._reported_visit()
        self.assertFalse(
            self.Message.search(
                [("res_id", "=", visit.id), ("res_model", "=", "lam.visit")]
            )
        )
        # the manager of the West team's work goes to the West robot
        west_visit = self._visit(
            partner=self.customer_c,
            user=self.manager_c,
            next_visit_date=DAY + datetime.timedelta(days=7),
        )
        west_visit.action_done()
        west_visit.with_context(lang="en_US").action_report()
        self.assertEqual(
            self.Message.search(
                [("res_id", "=", west_visit.id), ("res_model", "=", "lam.visit")]
            ).robot_id,
            self.robot_west,
        )

    def test_the_daily_summary_of_overdue_cadences(self):
        Status = self.env["lam.cadence.status"]
        rule = self.env["lam.cadence.rule"].search([], limit=1)
        Status.create(
            [
                {
                    "rule_id": rule.id,
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "date": DAY,
                    "overdue": True,
                }
                for partner, user in (
                    (self.customer_a, self.manager_a),
                    (self.customer_b, self.manager_b),
                    (self.customer_a, self.manager_b),
                    (self.customer_c, self.manager_c),
                )
            ]
        )
        with freeze_time(NOW):
            self.assertEqual(self.env["lam.robot"]._cron_daily_summary(), 2)
        east = self.Message.search([("robot_id", "=", self.robot.id)])
        self.assertEqual(east.title, "Overdue contact cadences, 2026-11-28")
        self.assertEqual(
            east.text, "- Manager B: 2 customers\n- Manager A: 1 customers"
        )
        west = self.Message.search([("robot_id", "=", self.robot_west.id)])
        self.assertEqual(west.text, "- Manager C: 1 customers")

    def test_robots_and_their_secrets_are_administrators_only(self):
        for user in (self.manager_a, self.department_manager, self.finance):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.robot.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.env["lam.robot"].with_user(user).create(
                        {
                            "name": "mine",
                            "team_id": self.team.id,
                            "webhook_url": "https://example.com/hook",
                        }
                    )
                with self.assertRaises(AccessError):
                    self.Message.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.team.with_user(user).read(["lam_robot_ids"])
        # an administrator of another company sees neither the robot nor its
        # messages
        other = self.env["res.company"].create({"name": "Dalian Lubricants"})
        admin_2 = self.env["res.users"].create(
            {
                "name": "Admin Dalian",
                "login": "lam_admin_dalian",
                "company_id": other.id,
                "company_ids": [Command.set(other.ids)],
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref("base.group_system").id,
                            self.env.ref(f"{MODULE}.group_lam_admin").id,
                        ]
                    )
                ],
            }
        )
        self.team.company_id = self.company
        self.assertFalse(
            self.env["lam.robot"].with_user(admin_2).search([]) & self.robot
        )
        with self.assertRaises(AccessError):
            self.robot.with_user(admin_2).read(["webhook_url"])
        # an administrator of the company reads them
        admin = self.env.ref("base.user_admin")
        self.assertEqual(
            self.robot.with_user(admin).read(["secret"])[0]["secret"], SECRET
        )
        with self.assertRaisesRegex(ValidationError, "starting with https://"):
            self.robot.webhook_url = "ftp://example.com"

    def test_an_order_held_for_credit_and_its_decision(self):
        self.customer_a.sudo().credit_limit = 5000.0
        order = (
            self.env["sale.order"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.hydraulic_oil.id,
                                "product_uom_qty": 400.0,
                                "price_unit": 20.0,
                            }
                        )
                    ],
                }
            )
        )
        action = order.with_user(self.manager_a).action_confirm()
        wizard = (
            self.env["partner.risk.exceeded.wiz"]
            .with_user(self.manager_a)
            .browse(action["res_id"])
        )
        approval = self.env["lam.credit.approval"].browse(
            wizard.button_lam_request_approval()["res_id"]
        )
        held = self.Message.search(
            [("res_model", "=", approval._name), ("res_id", "=", approval.id)]
        )
        self.assertEqual((held.robot_id, held.event), (self.robot, "event_credit_hold"))
        self.assertEqual(held.title, f"Order held for credit: {order.name}")
        symbol = order.currency_id.symbol
        self.assertIn(f"**Order amount**: {symbol}{order.amount_total:,.2f}", held.text)
        self.assertIn(f"/ {symbol}5,000.00", held.text)
        self.assertIn("**Asked by**: Manager A", held.text)
        approval.with_user(self.finance).action_approve()
        decided = (
            self.Message.search(
                [("res_model", "=", approval._name), ("res_id", "=", approval.id)]
            )
            - held
        )
        self.assertEqual(decided.event, "event_approval")
        self.assertIn("**Decided by**: Finance", decided.text)
        self.assertEqual(order.state, "sale")

    def test_bad_settings_are_refused_with_a_message(self):
        for values, message in (
            ({"webhook_url": "https://x/" + "k" * 2000}, "Webhook URL"),
            ({"timeout": 0}, "waited for 1 to 120 seconds"),
            ({"max_attempts": 10**12}, "Tries before Giving Up"),
        ):
            with (
                self.subTest(values=list(values)),
                self.assertRaisesRegex((ValidationError, UserError), message),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.robot.write(values)
                self.robot.flush_recordset()

    def test_a_broken_address_is_refused_and_never_stops_the_queue(self):
        with self.assertRaisesRegex(ValidationError, "https://"):
            self.robot.webhook_url = "https://" + "q" * 70 + ".example.com/x?key=1"
        # written as the system (an older database): its messages fail, the
        # others are sent
        self.env.cr.execute(
            "UPDATE lam_robot SET webhook_url = %s WHERE id = %s",
            ["https://" + "q" * 70 + ".example.com/x?key=1", self.robot.id],
        )
        self.robot.invalidate_recordset()
        broken, fine = self.Message._lam_queue(
            [
                {"robot_id": self.robot.id, "event": "test", "title": "A", "text": "a"},
                {
                    "robot_id": self.robot_west.id,
                    "event": "test",
                    "title": "B",
                    "text": "b",
                },
            ]
        )
        with mute_logger(
            "odoo.addons.lubricant_account_manager.models.lam_robot_message"
        ):
            self.assertEqual(self._send(), 2)
        # (the tests refuse a connection leaving the machine before urllib3
        # parses its address: tests/test_robots.py covers the error itself)
        self.assertEqual(broken.state, "queued")
        self.assertTrue(broken.error.startswith("not "))
        self.assertEqual(fine.state, "sent")

    def test_what_users_typed_is_shown_as_typed(self):
        """A visit's outcome cannot add a line, a link or a mention to the
        team's message."""
        visit = self._visit(next_visit_date=DAY + datetime.timedelta(days=7))
        visit.write(
            {
                "outcome": "好\n**Needs review**: 无 "
                "[点我](http://evil.example) <at id=all>"
            }
        )
        visit.action_done()
        visit.action_report()
        message = self.Message.search(
            [("res_id", "=", visit.id), ("res_model", "=", "lam.visit")]
        )
        outcome = next(
            line for line in message.text.splitlines() if line.startswith("**Outcome**")
        )
        self.assertEqual(
            outcome,
            "**Outcome**: 好 \\*\\*Needs review\\*\\*: 无 "
            "\\[点我\\]\\(http://evil.example\\) \\<at id=all\\>",
        )

    def test_a_robot_tells_the_work_of_its_company_only(self):
        other = self.env["res.company"].create({"name": "Dalian Lubricants"})
        self.team.company_id = False
        self.team_west.company_id = self.company
        with self.assertRaisesRegex(ValidationError, "sales team's company"):
            self.env["lam.robot"].create(
                {
                    "name": "Dalian group",
                    "team_id": self.team_west.id,
                    "company_id": other.id,
                    "webhook_url": "https://oapi.dingtalk.com/robot/send?access_token=d",
                }
            )
        dalian = self.env["lam.robot"].create(
            {
                "name": "Dalian group on the East team",
                "team_id": self.team.id,
                "company_id": other.id,
                "webhook_url": "https://oapi.dingtalk.com/robot/send?access_token=d",
                "lang": "en_US",
            }
        )
        visit = self._reported_visit()
        messages = self.Message.search(
            [("res_id", "=", visit.id), ("res_model", "=", "lam.visit")]
        )
        # manager A works in the first company only
        self.assertEqual(messages.robot_id, self.robot)
        self.assertNotIn(dalian, messages.robot_id)
