# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""A day of each role on the demo database, in Chinese (issue 19): the tours
fail on any English term of the addon on screen, on an error dialog, and on
a dropdown that offers nothing where a choice is expected."""

from odoo.tests import tagged

from .common import MODULE
from .test_tour_archive import LamTourCase


@tagged("post_install", "-at_install")
class TestRoleTours(LamTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})

    def _demo_user(self, xmlid):
        user = self.env.ref(f"{MODULE}.{xmlid}")
        self.assertEqual(user.lang, "zh_CN")
        return user

    def test_a_development_manager_s_day(self):
        user = self._demo_user("user_lam_dev1_demo")
        logs = self.env["lam.work.log"].search_count([("user_id", "=", user.id)])
        self.start_tour("/odoo", "lam_role_development_tour", login=user.login)
        # the visit and today's log were opened, not saved
        self.assertEqual(
            self.env["lam.work.log"].search_count([("user_id", "=", user.id)]), logs
        )

    def test_a_maintenance_manager_s_day(self):
        user = self._demo_user("user_lam_maint1_demo")
        self.start_tour("/odoo", "lam_role_maintenance_tour", login=user.login)

    def test_a_channel_manager_s_day(self):
        user = self._demo_user("user_lam_channel1_demo")
        self.start_tour("/odoo", "lam_role_channel_tour", login=user.login)

    def test_the_department_manager_s_day(self):
        user = self._demo_user("user_lam_manager_demo")
        self.start_tour("/odoo", "lam_role_department_manager_tour", login=user.login)

    def test_the_department_manager_s_cockpit_and_morning_meeting(self):
        user = self._demo_user("user_lam_manager_demo")
        self.start_tour("/odoo", "lam_cockpit_tour", login=user.login)
        meeting = self.env["lam.morning.meeting"].search([("user_id", "=", user.id)])
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.line_ids.filtered("note").note, "先回访投诉客户")
        self.assertEqual(
            set(meeting.line_ids.user_id.ids),
            set(meeting.team_id.member_ids.ids),
        )

    def test_finance_s_day(self):
        user = self._demo_user("user_lam_finance_demo")
        manager = self._demo_user("user_lam_dev1_demo")
        customer = self.env["res.partner"].search(
            [("user_id", "=", manager.id), ("lam_customer_kind", "=", "terminal")],
            limit=1,
        )
        request = (
            self.env["lam.credit.change.request"]
            .with_user(manager)
            .with_context(lang="zh_CN")  # as the web client of a Chinese user
            .create(
                {
                    "partner_id": customer.id,
                    "credit_limit": 500000.0,
                    "reason": "年度采购框架协议",
                }
            )
        )
        self.start_tour("/odoo", "lam_role_finance_tour", login=user.login)
        self.assertEqual(request.state, "requested")  # read, not decided

    def test_the_administrator_s_day(self):
        self.start_tour("/odoo", "lam_role_admin_tour", login="admin")
        self.start_tour(
            "/odoo/action-resource.action_resource_calendar_form",
            "lam_role_admin_calendar_tour",
            login="admin",
        )
