# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 23: a visit from check-in to report on a phone (390×844), in
Chinese, with the position the browser gives (set through Chrome's
DevTools, as a phone's GPS would) and a photo; then the department
manager's map shows the check-in."""

from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import ChromeBrowser

from .common import MODULE
from .test_tour_archive import LamTourCase

# the GPS's accuracy the browser reports (metres)
ACCURACY = 15
TIMEZONE = "Asia/Shanghai"


@tagged("post_install", "-at_install")
class TestPhoneTour(LamTourCase):
    browser_size = "390x844"
    touch_enabled = True
    position = None

    def browser_js(self, *args, **kwargs):
        navigate_to = ChromeBrowser.navigate_to
        test = self

        def navigate_with_position(browser, url, wait_stop=False):
            # the browser is in China, as the demo's users are: its "today"
            # (the map's filter) is theirs, whatever the machine's zone
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": TIMEZONE}
            )
            if test.position:
                browser._websocket_request(
                    "Browser.grantPermissions",
                    params={"permissions": ["geolocation"], "origin": test.base_url()},
                )
                browser._websocket_request(
                    "Emulation.setGeolocationOverride",
                    params={
                        "latitude": test.position[0],
                        "longitude": test.position[1],
                        "accuracy": ACCURACY,
                    },
                )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "navigate_to", navigate_with_position):
            return super().browser_js(*args, **kwargs)

    def test_a_visit_from_check_in_to_report_on_a_phone(self):
        user = self.env.ref(f"{MODULE}.user_lam_maint1_demo")
        self.assertEqual(user.lang, "zh_CN")
        customer = self.env["res.partner"].search(
            [
                ("user_id", "=", user.id),
                ("is_company", "=", True),
                ("partner_latitude", "!=", 0),
            ],
            limit=1,
        )
        now = fields.Datetime.now().replace(microsecond=0)
        # his day holds this visit only (the demo plans four for the day it
        # was made)
        self.env["lam.visit"].search(
            [("user_id", "=", user.id), ("state", "=", "planned")]
        ).unlink()
        visit = (
            self.env["lam.visit"]
            .with_user(user)
            .with_context(lang="zh_CN")  # as the web client of a Chinese user
            .create(
                {
                    "partner_id": customer.id,
                    "planned_start": now,
                    "purpose": "follow_up",
                    "goal": "确认二号线液压油试用",
                }
            )
        )
        # 110 m north of the customer
        self.position = (customer.partner_latitude + 0.001, customer.partner_longitude)
        self.start_tour(
            "/odoo/action-lubricant_account_manager.lam_visit_action",
            "lam_phone_visit_tour",
            login=user.login,
        )
        self.assertEqual(visit.state, "reported")
        self.assertAlmostEqual(visit.checkin_latitude, self.position[0], places=6)
        self.assertAlmostEqual(visit.checkin_longitude, self.position[1], places=6)
        self.assertEqual(visit.checkin_accuracy, ACCURACY)
        self.assertAlmostEqual(visit.checkin_distance, 0.111, places=3)
        self.assertFalse(visit.needs_review)
        self.assertEqual(visit.checkin_photo_id.mimetype, "image/png")
        self.assertIn(
            f"{self.position[0]:.6f},{self.position[1]:.6f}",
            visit.checkin_photo_id.name,
        )
        self.assertTrue(visit.checkout_time)
        self.assertEqual(visit.checkout_accuracy, ACCURACY)
        self.assertEqual(visit.outcome, "同意在二号线试用L-HM 46液压油")
        # the department manager's map, at his desk
        self.position = None
        self.browser_size = "1366x768"
        self.touch_enabled = False
        manager = self.env.ref(f"{MODULE}.user_lam_manager_demo")
        self.start_tour("/odoo", "lam_checkin_map_tour", login=manager.login)
