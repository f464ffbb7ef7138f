# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 24, 日报点评: the department manager comments on a manager's work
log and plan; the manager is told; reviewed and not reviewed are filters."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import LamCommon

DAY = datetime.date(2026, 11, 24)


@tagged("post_install", "-at_install")
class TestReviews(LamCommon):
    def _comment(self, records, user, comment):
        action = records.with_user(user).action_lam_review()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.comment = comment
        return wizard.save().action_confirm()

    def test_the_department_manager_comments_and_the_manager_is_told(self):
        log = self.env["lam.work.log"].with_user(self.manager_a).create({"date": DAY})
        plan = (
            self.env["lam.plan"]
            .with_user(self.manager_a)
            .create({"date": DAY, "period_type": "week"})
        )
        for record in (log, plan):
            with self.subTest(model=record._name):
                with freeze_time("2026-11-24 12:00:00"):
                    self._comment(
                        record,
                        self.department_manager,
                        "拜访记录写得具体，明天跟进报价",
                    )
                self.assertEqual(
                    (record.review_comment, record.reviewed_by_id, record.reviewed_on),
                    (
                        "拜访记录写得具体，明天跟进报价",
                        self.department_manager,
                        datetime.datetime(2026, 11, 24, 12),
                    ),
                )
                message = record.message_ids[0]
                self.assertIn(self.manager_a.partner_id, message.partner_ids)
                self.assertEqual(message.author_id, self.department_manager.partner_id)
                self.assertIn("拜访记录写得具体", message.body)
                self.assertTrue(
                    message.notification_ids.filtered(
                        lambda n: n.res_partner_id == self.manager_a.partner_id
                    )
                )
                Model = self.env[record._name].with_user(self.department_manager)
                self.assertEqual(
                    Model.search(
                        [("reviewed_on", "!=", False), ("id", "=", record.id)]
                    ),
                    record,
                )
        # the manager himself, another team's department manager: no
        for user in (self.manager_a, self.other_department_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).action_lam_review()
        # the review is the review's, not a write's
        for values in (
            {"review_comment": "我自己写的点评"},
            {"reviewed_on": False},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                log.with_user(self.manager_a).write(values)
        for res_model, res_ids in (
            ("res.partner", [1]),
            ("lam.work.log", [True]),
            ("lam.work.log", [[log.id]]),
            ("lam.work.log", [1.5]),
            ("lam.work.log", []),
            ("lam.work.log", [log.id + 10**6]),
        ):
            with (
                self.subTest(res_ids=res_ids),
                self.assertRaisesRegex(UserError, "Only a work log or a plan"),
            ):
                self.env["lam.review.wizard"].with_user(self.department_manager).create(
                    {"res_model": res_model, "res_ids": res_ids, "comment": "x"}
                ).action_confirm()

    def test_a_manager_cannot_forge_a_review(self):
        """Issue 24 attack: not on create, copy, import or through a default."""
        forged = {
            "review_comment": "很好，继续保持",
            "reviewed_by_id": self.department_manager.id,
            "reviewed_on": "2026-11-24 09:00:00",
        }
        Log = self.env["lam.work.log"].with_user(self.manager_a)
        Plan = self.env["lam.plan"].with_user(self.manager_a)
        log = Log.create({"date": DAY})
        attempts = {
            "log": lambda: Log.create(
                {"date": DAY - datetime.timedelta(days=1), **forged}
            ),
            "plan": lambda: Plan.create({"date": DAY, "period_type": "week", **forged}),
            "copy": lambda: log.copy(
                {"date": DAY - datetime.timedelta(days=2), **forged}
            ),
            "default": lambda: Log.with_context(
                default_reviewed_by_id=self.department_manager.id
            ).create({"date": DAY - datetime.timedelta(days=3)}),
        }
        for attempt, call in attempts.items():
            with self.subTest(attempt=attempt), self.assertRaises(UserError):
                call()
        result = Log.load(
            ["date", "review_comment"], [["2026-11-20", "我自己写的点评"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual(
            self.env["lam.work.log"].search_count(
                [("user_id", "=", self.manager_a.id), ("review_comment", "!=", False)]
            ),
            0,
        )

    def test_the_scorecard_shows_the_logs_commented(self):
        logs = (
            self.env["lam.work.log"]
            .with_user(self.manager_a)
            .create(
                [{"date": DAY + datetime.timedelta(days=offset)} for offset in range(3)]
            )
        )
        self._comment(logs[:2], self.department_manager, "好")
        november = datetime.date(2026, 11, 1)
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, november, datetime.date(2026, 11, 30)
            )
        row = self.env["lam.scorecard"].search(
            [
                ("user_id", "=", self.manager_a.id),
                ("period", "=", "month"),
                ("date_from", "=", november),
                ("requirement", "=", "logs_reviewed"),
            ]
        )
        # a figure beside the requirements: the manager is not judged by it
        self.assertEqual(
            (row.actual, row.target, row.met_count, row.missed_count), (2.0, 3.0, 0, 0)
        )
