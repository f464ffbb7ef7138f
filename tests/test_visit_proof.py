# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 23: a visit that proves itself (position, accuracy, distance to the
customer, photo), the customer's position proposed to his manager, the
phone's screen of today's visits and the arrival margin in the scorecard."""

import base64
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_field_work import DAY, LamFieldWorkCase, utc

# a 1x1 PNG
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2213bc4"
        "0000000049454e44ae426082"
    )
).decode()
# customer A's position (Anshan); a degree of longitude there is 83.9 km
HOME = (41.1087, 122.9946)
NEXT_WEEK = DAY + datetime.timedelta(days=7)


@tagged("post_install", "-at_install")
class TestVisitProof(LamFieldWorkCase):
    def _checked_in(self, latitude=None, longitude=None, accuracy=None, **values):
        visit = self._visit(next_visit_date=NEXT_WEEK, **values)
        with freeze_time(utc(DAY, 9, 3)):
            visit.action_check_in(
                latitude=latitude, longitude=longitude, accuracy=accuracy
            )
        return visit

    def test_distance_and_accuracy_flags(self):
        """Flagged beyond 500 m from the customer, an accuracy worse than
        200 m, without a position or done without a check-in; the limits are
        the company's settings."""
        near = self._checked_in(HOME[0], HOME[1] + 0.005, 30)  # 419 m
        far = self._checked_in(HOME[0], HOME[1] + 0.007, 30)  # 587 m
        vague = self._checked_in(HOME[0], HOME[1], 250)
        unknown = self._checked_in(HOME[0], HOME[1])  # no accuracy given
        nowhere = self._checked_in(None, None, 30)
        garbage = self._checked_in(float("nan"), "east", 30)
        skipped = self._visit(next_visit_date=NEXT_WEEK)
        skipped.action_done()
        self.assertAlmostEqual(near.checkin_distance, 0.419, places=3)
        self.assertAlmostEqual(far.checkin_distance, 0.586, places=3)
        self.assertEqual(
            [
                (visit.proof_issue, visit.needs_review)
                for visit in (near, far, vague, unknown, nowhere, garbage, skipped)
            ],
            [
                (False, False),
                ("far", True),
                ("inaccurate", True),
                ("inaccurate", True),
                ("no_position", True),
                ("no_position", True),
                ("not_checked_in", True),
            ],
        )
        self.assertEqual(
            far.review_note,
            "checked in 586 m from the customer (review beyond 500 m)",
        )
        self.assertEqual(
            vague.review_note, "position accurate to 250 m (review beyond 200 m)"
        )
        self.assertEqual(garbage.checkin_latitude, 0.0)
        # the department manager's filter
        flagged = (
            self.env["lam.visit"]
            .with_user(self.department_manager)
            .search([("needs_review", "=", True), ("visit_date", "=", DAY)])
        )
        self.assertEqual(flagged, far | vague | unknown | nowhere | garbage | skipped)
        # the settings move the limits, and the stored flags follow
        self.company.write(
            {"lam_checkin_max_distance_m": 1000, "lam_checkin_max_accuracy_m": 300}
        )
        self.assertEqual((far.needs_review, vague.needs_review), (False, False))
        # both reasons are told
        self.company.lam_checkin_max_accuracy_m = 20
        self.assertEqual(near.proof_issue, "inaccurate")
        self.company.lam_checkin_max_distance_m = 100
        self.assertEqual(near.proof_issue, "far")
        self.assertEqual(
            near.review_note,
            "checked in 419 m from the customer (review beyond 100 m); position "
            "accurate to 30 m (review beyond 20 m)",
        )

    def test_photo_required_by_the_setting(self):
        self.company.lam_checkin_photo_required = True
        visit = self._visit(next_visit_date=NEXT_WEEK)
        with self.assertRaisesRegex(UserError, "take a photo on site"):
            visit.action_check_in(latitude=HOME[0], longitude=HOME[1], accuracy=10)
        self.assertFalse(visit.checkin_time)
        with self.assertRaisesRegex(UserError, "not an image"):
            visit.action_check_in(photo=base64.b64encode(b"%PDF-1.4 x").decode())
        with self.assertRaisesRegex(UserError, "could not be read"):
            visit.action_check_in(photo="not base64!")
        self.assertFalse(visit.checkin_time)
        with freeze_time(utc(DAY, 9, 3)):
            visit.action_check_in(
                latitude=HOME[0], longitude=HOME[1], accuracy=12, photo=PNG
            )
        photo = visit.checkin_photo_id
        # named after the time (the visitor's, Shanghai) and the place
        self.assertEqual(
            photo.name, "Check-in 2026-11-24 09-03-00 41.108700,122.994600.png"
        )
        self.assertEqual(
            (photo.res_model, photo.res_id, photo.mimetype),
            ("lam.visit", visit.id, "image/png"),
        )
        self.assertEqual(base64.b64encode(photo.raw).decode(), PNG)
        self.assertEqual(visit.checkin_photo, photo.datas)
        self.assertIn(photo, visit.message_ids.attachment_ids)
        # another manager reads neither the visit nor its photo
        with self.assertRaises(AccessError):
            photo.with_user(self.manager_c).read(["datas"])

    def test_proof_fields_refused_to_a_user_s_write_and_create(self):
        visit = self._checked_in(HOME[0], HOME[1] + 0.007, 30)
        photo = self.env["ir.attachment"].create(
            {"name": "elsewhere.png", "datas": PNG, "res_model": "lam.visit"}
        )
        for values in (
            {"checkin_accuracy": 5},
            {"checkin_latitude": HOME[0], "checkin_longitude": HOME[1]},
            {"checkin_photo_id": photo.id},
            {"checkout_accuracy": 5},
            {"checkin_time": utc(DAY, 8, 50)},
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(UserError, "the system sets it"),
            ):
                visit.write(values)
            with (
                self.subTest(create=values),
                self.assertRaisesRegex(UserError, "the system sets it"),
            ):
                self._visit(**values)
        for flag in ({"needs_review": False}, {"proof_issue": False}):
            with self.subTest(flag=flag), self.assertRaises(UserError):
                visit.write(flag)
        self.assertEqual((visit.proof_issue, visit.checkin_accuracy), ("far", 30))

    def test_a_precise_first_check_in_proposes_the_customer_s_position(self):
        customer = self.env["res.partner"].create(
            {
                "name": "Liaoyang Petrochemical",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_position"
        )
        vague = self._checked_in(41.27, 123.17, 450, partner_id=customer.id)
        self.assertFalse(vague.can_set_customer_position)
        self.assertFalse(vague.activity_ids)
        visit = self._checked_in(41.2701, 123.1702, 15, partner_id=customer.id)
        # proposed to his manager, never written without him
        self.assertEqual(
            (visit.activity_ids.activity_type_id, visit.activity_ids.user_id),
            (activity_type, self.manager_a),
        )
        self.assertEqual(
            (customer.partner_latitude, customer.partner_longitude), (0, 0)
        )
        self.assertTrue(visit.can_set_customer_position)
        with self.assertRaises(AccessError):
            visit.with_user(self.manager_c).action_lam_set_customer_position()
        with freeze_time(utc(DAY, 10)):
            visit.action_lam_set_customer_position()
        self.assertEqual(
            (customer.partner_latitude, customer.partner_longitude),
            (41.2701, 123.1702),
        )
        self.assertEqual(customer.date_localization, DAY)
        self.assertFalse(visit.activity_ids)
        self.assertFalse(visit.can_set_customer_position)
        with self.assertRaisesRegex(UserError, "has a position already"):
            visit.action_lam_set_customer_position()
        # the earlier, vague check-in is now measured against it: 21 m
        self.assertAlmostEqual(vague.checkin_distance, 0.02, places=2)

    def test_today_s_visits_on_the_phone(self):
        """今日走访: the manager's visits of today in route order, each with
        a link that opens the phone's map application."""
        self.customer_b.write({"city": "Dalian", "street": "1 Gangwan Street"})
        with freeze_time(utc(DAY, 7)):
            action = (
                self.env["lam.visit"]
                .with_user(self.manager_a)
                .with_context(tz="Asia/Shanghai")
                .action_lam_today_visits()
            )
        self.assertEqual(
            [view_type for _view, view_type in action["views"]][:1], ["kanban"]
        )
        self.assertEqual(
            action["domain"],
            [("user_id", "=", self.manager_a.id), ("visit_date", "=", "2026-11-24")],
        )
        visit = self._visit()
        self.assertEqual(
            visit.geo_url,
            "geo:41.1087,122.9946?q=41.1087,122.9946(Anshan%20Steel%20Works)",
        )
        self.assertEqual(
            visit.with_context(tz="Asia/Shanghai").appointment_label, "Planned 09:00"
        )
        dealer_visit = self._visit(partner=self.customer_b, user=self.manager_b)
        self.assertEqual(
            dealer_visit.geo_url, "geo:0,0?q=1%20Gangwan%20Street%2C%20Dalian"
        )
        call = visit.action_lam_log_call()
        self.assertEqual(
            (call["res_model"], call["context"]["default_partner_id"]),
            ("lam.communication", self.customer_a.id),
        )
        self.assertEqual(call["context"]["default_direction"], "incoming")

    def test_late_arrivals_count_in_the_scorecard(self):
        """Art. 35.5: arrive 5-10 minutes early; the month's late arrivals are
        a requirement of the scorecard (none)."""
        on_time = self._visit(start=utc(DAY, 9), next_visit_date=NEXT_WEEK)
        late = self._visit(start=utc(DAY, 14), next_visit_date=NEXT_WEEK)
        with freeze_time(utc(DAY, 8, 52)):
            on_time.action_check_in(latitude=HOME[0], longitude=HOME[1], accuracy=10)
        with freeze_time(utc(DAY, 14, 20)):
            late.action_check_in(latitude=HOME[0], longitude=HOME[1], accuracy=10)
        (on_time | late).action_done()
        self.assertEqual((on_time.arrival, late.arrival), ("on_time", "late"))
        november = datetime.date(2026, 11, 1)
        with freeze_time("2026-12-02 04:00:00"):
            self.env["lam.scorecard"]._lam_refresh(
                self.manager_a | self.manager_b, november, datetime.date(2026, 11, 30)
            )
        rows = self.env["lam.scorecard"].search(
            [
                ("user_id", "in", (self.manager_a | self.manager_b).ids),
                ("period", "=", "month"),
                ("date_from", "=", november),
                ("requirement", "=", "late_arrivals"),
            ]
        )
        self.assertEqual(
            {(row.user_id, row.actual, row.target, row.met) for row in rows},
            {(self.manager_a, 1.0, 0.0, False), (self.manager_b, 0.0, 0.0, True)},
        )
