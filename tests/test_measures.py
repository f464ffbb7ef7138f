# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 18, the standard's measures that were missing: the daily check of
P7 (item 15), customers lost and new volume (item 11), key customers whose
volume moved (item 12), cadences of prospects and dealers' customers and the
dealers' own ranking (item 10), coverage that drives work (item 16)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LamCommon

NOVEMBER = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestMeasures(LamCommon):
    def _month_row(self, user, first, requirement):
        return self.env["lam.scorecard"].search(
            [
                ("user_id", "=", user.id),
                ("period", "=", "month"),
                ("date_from", "=", first),
                ("requirement", "=", requirement),
            ]
        )

    def test_the_daily_check_of_p7_is_recorded_and_counted(self):
        """Item 15: *Checked* on P7's list records the day once; the scorecard
        counts the days checked against the working days of the month."""
        Tracking = self.env["lam.purchase.tracking"].with_user(self.manager_a)
        for moment in (
            "2026-11-09 01:00:00",
            "2026-11-09 09:00:00",  # the same Monday, twice
            "2026-11-10 01:00:00",
        ):
            with freeze_time(moment):
                action = Tracking.action_lam_checked()
        self.assertEqual(action["tag"], "display_notification")
        Check = self.env["lam.purchase.check"]
        checks = Check.search([("user_id", "=", self.manager_a.id)])
        self.assertEqual(
            sorted(checks.mapped("date")), [date(2026, 11, 9), date(2026, 11, 10)]
        )
        # only the button sets who and when: a create records the user's today
        with freeze_time("2026-11-11 01:00:00"):
            forged = Check.with_user(self.manager_a).create(
                {"user_id": self.manager_b.id, "date": "2026-11-30"}
            )
        self.assertEqual(
            (forged.user_id, forged.date), (self.manager_a, date(2026, 11, 11))
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            forged.with_user(self.manager_a).write({"date": "2026-11-12"})
        # a colleague and another team's department manager see none of them;
        # his department manager does
        self.assertFalse(Check.with_user(self.manager_b).search([]))
        self.assertFalse(Check.with_user(self.other_department_manager).search([]))
        self.assertEqual(
            len(
                Check.with_user(self.department_manager).search(
                    [("user_id", "=", self.manager_a.id)]
                )
            ),
            3,
        )
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a, NOVEMBER, date(2026, 11, 30)
            )
        row = self._month_row(self.manager_a, NOVEMBER, "purchases_checked")
        # 3 days checked of November 2026's 21 working days (Monday to Friday)
        self.assertEqual((row.actual, row.target, row.met), (3.0, 21.0, False))
