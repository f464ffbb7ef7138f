# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 23 (groundwork): the group robots' formats and signatures, and a
message posted to a robot served by this test on 127.0.0.1."""

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

from urllib3.exceptions import LocationParseError

from odoo.tests import BaseCase

from ..tools import robots

SECRET = "SEC0123456789abcdef"
NOW = 1700000000.25  # 2023-11-14 22:13:20 UTC, a fixed instant


class RobotHandler(BaseHTTPRequestHandler):
    """Answers as the test asks (``server.answer``), keeps what it received."""

    def do_POST(self):  # noqa: N802 (the handler's name)
        length = int(self.headers.get("Content-Length") or 0)
        self.server.received.append(
            (self.path, json.loads(self.rfile.read(length) or b"{}"))
        )
        status, body, delay = self.server.answer
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(body).encode())

    def log_message(self, *args):
        pass


class TestRobots(BaseCase):
    def test_dingtalk_signs_the_url_as_published(self):
        url, payload = robots.build_request(
            "dingtalk",
            "https://oapi.dingtalk.com/robot/send?access_token=abc",
            SECRET,
            "投诉已上报",
            "**CMP/2026/0009** 超过处理期限",
            NOW,
        )
        query = parse_qs(urlsplit(url).query)
        self.assertEqual(query["access_token"], ["abc"])
        self.assertEqual(query["timestamp"], ["1700000000250"])
        # the published algorithm: HMAC-SHA256 keyed by the secret over
        # "timestamp\nsecret", base64, in the query
        expected = base64.b64encode(
            hmac.new(
                SECRET.encode(), f"1700000000250\n{SECRET}".encode(), hashlib.sha256
            ).digest()
        ).decode()
        self.assertEqual(query["sign"], [expected])
        self.assertEqual(
            robots.dingtalk_sign(1700000000000, SECRET),
            "TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=",
        )
        self.assertEqual(payload["msgtype"], "markdown")
        self.assertEqual(payload["markdown"]["title"], "投诉已上报")
        self.assertIn("超过处理期限", payload["markdown"]["text"])

    def test_feishu_signs_the_body_as_published(self):
        url, payload = robots.build_request(
            "feishu",
            "https://open.feishu.cn/open-apis/bot/v2/hook/xyz",
            SECRET,
            "投诉已上报",
            "超过处理期限",
            NOW,
        )
        self.assertEqual(url, "https://open.feishu.cn/open-apis/bot/v2/hook/xyz")
        self.assertEqual(payload["timestamp"], "1700000000")
        # the published algorithm: HMAC-SHA256 keyed by "timestamp\nsecret"
        # over an empty message, base64
        expected = base64.b64encode(
            hmac.new(f"1700000000\n{SECRET}".encode(), b"", hashlib.sha256).digest()
        ).decode()
        self.assertEqual(payload["sign"], expected)
        self.assertEqual(
            payload["sign"], "PiO7POLlSx/DM2qf8Dy/XCWeJK3exVnevp5G99LEN2M="
        )
        self.assertEqual(payload["msg_type"], "interactive")
        self.assertEqual(
            payload["card"]["elements"],
            [{"tag": "markdown", "content": "超过处理期限"}],
        )

    def test_wecom_and_unsigned_robots(self):
        url, payload = robots.build_request(
            "wecom", "https://qyapi.weixin.qq.com/x?key=k", "", "标题", "正文", NOW
        )
        self.assertEqual(url, "https://qyapi.weixin.qq.com/x?key=k")
        self.assertEqual(
            payload, {"msgtype": "markdown", "markdown": {"content": "**标题**\n正文"}}
        )
        url, payload = robots.build_request(
            "dingtalk", "https://d/x", "", "t", "b", NOW
        )
        self.assertEqual(url, "https://d/x")
        _url, payload = robots.build_request("feishu", "https://f/x", "", "t", "b", NOW)
        self.assertNotIn("sign", payload)
        with self.assertRaisesRegex(ValueError, "unknown robot platform"):
            robots.build_request("slack", "https://s/x", "", "t", "b", NOW)

    def test_answers_the_platforms_give(self):
        self.assertIsNone(robots.answer_error("wecom", 200, '{"errcode": 0}'))
        self.assertIsNone(robots.answer_error("feishu", 200, '{"code": 0}'))
        self.assertIsNone(robots.answer_error("feishu", 200, '{"StatusCode": 0}'))
        self.assertEqual(
            robots.answer_error(
                "dingtalk", 200, '{"errcode": 310000, "errmsg": "sign not match"}'
            ),
            "dingtalk 310000: sign not match",
        )
        self.assertEqual(robots.answer_error("wecom", 502, ""), "HTTP 502")
        self.assertEqual(
            robots.answer_error("wecom", 200, "<html>"), "not a JSON answer"
        )
        self.assertEqual(robots.answer_error("wecom", 200, "[]"), "not a JSON object")

    def test_send_to_a_robot_on_this_machine(self):
        server = HTTPServer(("127.0.0.1", 0), RobotHandler)
        server.received = []
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(thread.join, 5)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        url = f"http://127.0.0.1:{server.server_port}/robot/send?access_token=t"

        def send(timeout=5.0):
            return robots.send("dingtalk", url, SECRET, "标题", "正文", NOW, timeout)

        server.answer = (200, {"errcode": 0, "errmsg": "ok"}, 0)
        self.assertIsNone(send())
        path, body = server.received[-1]
        query = parse_qs(urlsplit(path).query)
        self.assertEqual(query["sign"], [robots.dingtalk_sign(1700000000250, SECRET)])
        self.assertEqual(body["markdown"]["title"], "标题")
        server.answer = (500, {}, 0)
        self.assertEqual(send(), "HTTP 500")
        server.answer = (200, {"errcode": 310000, "errmsg": "sign not match"}, 0)
        self.assertEqual(send(), "dingtalk 310000: sign not match")
        server.answer = (200, {"errcode": 0}, 1.0)
        self.assertEqual(send(timeout=0.3), "no answer within 0.3 s")
        self.assertEqual(len(server.received), 4)
        # nobody listening: an error, not an exception
        server.shutdown()
        server.server_close()
        self.assertEqual(send(timeout=0.3)[:12], "not reached:")
        # the error never repeats the URL or the secret
        self.assertNotIn(SECRET, send(timeout=0.3))

    def test_an_address_that_cannot_be_posted_to(self):
        """Refused on save, and an error of its message when sent, never an
        exception that stops the queue (an older database may hold one)."""
        long_label = "https://" + "q" * 70 + ".example.com/x?key=secret"
        self.assertFalse(robots.valid_url(long_label))
        self.assertFalse(robots.valid_url("ftp://example.com/x"))
        self.assertFalse(robots.valid_url("https://"))
        self.assertTrue(
            robots.valid_url("https://oapi.dingtalk.com/robot/send?access_token=x")
        )
        with patch.object(
            robots.requests, "post", side_effect=LocationParseError(long_label)
        ):
            error = robots.send("wecom", long_label, "", "t", "b", NOW, 1)
        self.assertEqual(error, "not sent: LocationParseError")
        self.assertNotIn("secret", error)

    def test_what_a_user_typed_stays_text(self):
        self.assertEqual(
            robots.escape("**x** [a](http://e) <at id=all>\n# L-HM 46"),
            "\\*\\*x\\*\\* \\[a\\]\\(http://e\\) \\<at id=all\\> # L-HM 46",
        )
