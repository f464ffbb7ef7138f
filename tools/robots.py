# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Messages to the group robots of WeCom (企业微信), DingTalk (钉钉) and
Feishu (飞书), in each platform's published webhook format.

- WeCom: ``{"msgtype": "markdown", "markdown": {"content": ...}}`` posted to
  the robot's URL (its ``key`` is the secret; no signature).
- DingTalk: ``{"msgtype": "markdown", "markdown": {"title", "text"}}``; with
  "加签", ``timestamp`` (milliseconds) and ``sign`` are added to the URL:
  base64 of HMAC-SHA256 keyed by the secret over "timestamp\\nsecret".
- Feishu: an interactive card holding a markdown element; with "签名校验",
  ``timestamp`` (seconds) and ``sign`` go in the body: base64 of HMAC-SHA256
  keyed by "timestamp\\nsecret" over an empty message.

Each answers 200 with a JSON body whose code says whether the message was
taken (``errcode`` for WeCom and DingTalk, ``code`` for Feishu).
"""

import base64
import hashlib
import hmac
import json
import re
from urllib.parse import urlencode, urlsplit

import requests

PLATFORMS = ("wecom", "dingtalk", "feishu")


def dingtalk_sign(timestamp_ms, secret):
    """DingTalk's signature of a request made at ``timestamp_ms``."""
    digest = hmac.new(
        secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(timestamp_s, secret):
    """Feishu's signature of a request made at ``timestamp_s``."""
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def build_request(platform, url, secret, title, text, now):
    """(url, payload) of a markdown message ``title`` / ``text`` for the robot
    at ``url``, signed with ``secret`` (if any) at ``now`` (epoch seconds)."""
    if platform == "wecom":
        return url, {
            "msgtype": "markdown",
            "markdown": {"content": f"**{escape(title)}**\n{text}"},
        }
    if platform == "dingtalk":
        if secret:
            timestamp = int(now * 1000)
            query = urlencode(
                {"timestamp": timestamp, "sign": dingtalk_sign(timestamp, secret)}
            )
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        return url, {
            "msgtype": "markdown",
            "markdown": {"title": title, "text": f"#### {escape(title)}\n\n{text}"},
        }
    if platform == "feishu":
        payload = {
            "msg_type": "interactive",
            "card": {
                "header": {"title": {"tag": "plain_text", "content": title}},
                "elements": [{"tag": "markdown", "content": text}],
            },
        }
        if secret:
            timestamp = int(now)
            payload.update(
                timestamp=str(timestamp), sign=feishu_sign(timestamp, secret)
            )
        return url, payload
    raise ValueError(f"unknown robot platform {platform!r}")


def answer_error(platform, status, body):
    """None when the robot took the message, else what went wrong (for the
    message's error field: never the URL or the secret)."""
    if status != 200:
        return f"HTTP {status}"
    try:
        answer = json.loads(body or "{}")
    except ValueError:
        return "not a JSON answer"
    if not isinstance(answer, dict):
        return "not a JSON object"
    code = (
        answer.get("code", answer.get("StatusCode"))
        if platform == "feishu"
        else (answer.get("errcode"))
    )
    if code == 0:
        return None
    message = answer.get("msg") or answer.get("errmsg") or answer.get("StatusMessage")
    return f"{platform} {code}: {message}"[:500]


def send(platform, url, secret, title, text, now, timeout):
    """Post the message; None when taken, else the error (HTTP status, the
    platform's code and message, a timeout or a refused connection)."""
    url, payload = build_request(platform, url, secret, title, text, now)
    try:
        response = requests.post(url, json=payload, timeout=timeout)
    except requests.Timeout:
        return f"no answer within {timeout:g} s"
    except requests.RequestException as error:
        return f"not reached: {type(error).__name__}"
    # whatever else fails (an address urllib3 cannot parse, ...) is this
    # message's error, never the queue's end; its text may hold the URL
    except Exception as error:  # pylint: disable=broad-except
        return f"not sent: {type(error).__name__}"
    return answer_error(platform, response.status_code, response.text)


def valid_url(url):
    """Whether ``url`` is an http(s) address with a host that requests can
    post to."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return False
    try:
        host = urlsplit(requests.Request("POST", url).prepare().url).hostname
        # as the connection encodes it (a DNS label of 64 characters fails)
        return bool(host) and bool(host.encode("idna"))
    except Exception:  # pylint: disable=broad-except
        return False


# characters that make markdown of a text typed by a user
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>|~])")


def escape(text):
    """``text`` typed by a user, shown as typed in a robot's markdown: its
    markup characters escaped, on one line (no mention, link or heading)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))
