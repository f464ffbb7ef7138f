# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 23: a visit that proves itself (position, accuracy, distance to the
customer, photo), the customer's position proposed to his manager, the
phone's screen of today's visits and the arrival margin in the scorecard."""

import base64
import datetime
import io

from freezegun import freeze_time
from PIL import Image

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_field_work import DAY, LamFieldWorkCase, utc


def _image(fmt="PNG", size=(4, 3)):
    """A photo as the phone sends it: base64 of an image file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (46, 133, 64)).save(buffer, format=fmt)
    return base64.b64encode(buffer.getvalue()).decode()


PNG = _image()
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
        skipped = self._visit(next_visit_date=NEXT_WEEK)
        skipped.action_done()
        self.assertAlmostEqual(near.checkin_distance, 0.419, places=3)
        self.assertAlmostEqual(far.checkin_distance, 0.586, places=3)
        self.assertEqual(
            [
                (visit.proof_issue, visit.needs_review)
                for visit in (near, far, vague, unknown, nowhere, skipped)
            ],
            [
                (False, False),
                ("far", True),
                ("inaccurate", True),
                ("inaccurate", True),
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
        # the department manager's filter
        flagged = (
            self.env["lam.visit"]
            .with_user(self.department_manager)
            .search([("needs_review", "=", True), ("visit_date", "=", DAY)])
        )
        self.assertEqual(flagged, far | vague | unknown | nowhere | skipped)
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

    def test_what_is_not_a_position_is_refused(self):
        visit = self._visit(next_visit_date=NEXT_WEEK)
        for latitude, longitude, accuracy in (
            (float("nan"), HOME[1], 10),
            (HOME[0], float("inf"), 10),
            (91, HOME[1], 10),
            ("east", HOME[1], 10),
            (HOME[0], None, 10),
            (True, True, True),
            ([41], HOME[1], 10),
            (HOME[0], HOME[1], -5),
            (HOME[0], HOME[1], float("nan")),
            (HOME[0], HOME[1], 1e308),
        ):
            with (
                self.subTest(position=(latitude, longitude, accuracy)),
                self.assertRaisesRegex(UserError, "not a position"),
            ):
                visit.action_check_in(
                    latitude=latitude, longitude=longitude, accuracy=accuracy
                )
        self.assertFalse(visit.checkin_time)
        # a number sent as text (JSON of some phones) is a number
        visit.action_check_in(latitude="41.1087", longitude="122.9946", accuracy="8")
        self.assertEqual(
            (visit.checkin_latitude, visit.checkin_accuracy), (41.1087, 8.0)
        )

    def test_the_proof_stays_the_visitor_s(self):
        """Only the visitor checks in and out; a visit checked in keeps its
        customer and visitor; a reported visit is not checked out; the
        distance is measured against the customer's position at check-in."""
        visit = self._visit(next_visit_date=NEXT_WEEK)
        for user in (self.department_manager, self.manager_b):
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),
            ):
                visit.with_user(user).action_check_in(HOME[0], HOME[1] + 0.02, 10)
        with freeze_time(utc(DAY, 9)):
            visit.action_check_in(HOME[0], HOME[1] + 0.02, 10)  # 1.68 km
        self.assertEqual(visit.proof_issue, "far")
        for values in (
            {"partner_id": self.customer_b.id},
            {"user_id": self.manager_b.id},
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(UserError, "keeps its customer and its visitor"),
            ):
                visit.with_user(self.department_manager).write(values)
        # moving the customer afterwards does not move the proof
        self.customer_a.with_user(self.manager_a).write(
            {"partner_latitude": HOME[0], "partner_longitude": HOME[1] + 0.02}
        )
        self.assertEqual(
            (visit.proof_issue, round(visit.checkin_distance, 2)), ("far", 1.68)
        )
        with self.assertRaisesRegex(UserError, "kept"):
            visit.unlink()
        visit.action_done()
        visit.action_report()
        with self.assertRaisesRegex(UserError, "reported or cancelled"):
            visit.action_check_out()

    def test_the_photo_is_a_photo_and_kept_as_taken(self):
        visit = self._visit(next_visit_date=NEXT_WEEK)
        bomb = io.BytesIO()
        Image.new("1", (8000, 8000)).save(bomb, format="PNG")
        for photo in (
            base64.b64encode(b"GIF89a").decode(),
            PNG[:40],
            base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(2000)).decode(),
            _image("GIF"),
            base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").decode(),
            base64.b64encode(bomb.getvalue()).decode(),
        ):
            with self.subTest(photo=photo[:12]), self.assertRaises(UserError):
                visit.action_check_in(HOME[0], HOME[1], 10, photo=photo)
        self.assertFalse(visit.checkin_time)
        visit.action_check_in(HOME[0], HOME[1], 10, photo=_image("JPEG", (64, 48)))
        photo = visit.checkin_photo_id.with_user(self.manager_a)
        self.assertEqual(photo.mimetype, "image/jpeg")
        for change in (
            lambda: photo.write({"datas": PNG}),
            lambda: photo.write({"name": "elsewhere.png"}),
            lambda: photo.write({"res_id": self._visit().id}),
            photo.unlink,
        ):
            with self.assertRaisesRegex(UserError, "kept as it was taken"):
                change()
        self.assertEqual(visit.checkin_photo_id.res_id, visit.id)

    def test_the_department_manager_marks_a_proof_reviewed(self):
        far = self._checked_in(HOME[0], HOME[1] + 0.05, 20)  # 4.2 km
        self.assertEqual(
            far.review_note,
            "checked in 4.2 km from the customer (review beyond 500 m)",
        )
        for user in (self.manager_a, self.other_department_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                far.with_user(user).action_lam_mark_reviewed()
        with freeze_time(utc(DAY, 18)):
            far.with_user(self.department_manager).action_lam_mark_reviewed()
        self.assertEqual(
            (far.needs_review, far.proof_issue, far.reviewed_by_id, far.reviewed_on),
            (False, "far", self.department_manager, utc(DAY, 18)),
        )
        self.assertIn("4.2 km", far.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "nothing to review"):
            far.with_user(self.department_manager).action_lam_mark_reviewed()
        with self.assertRaisesRegex(UserError, "the system sets it"):
            far.write({"reviewed_on": False})

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
            {"checkin_partner_latitude": 41.0},
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
        # nothing to measure it against: reviewed
        self.assertEqual(visit.proof_issue, "customer_unlocated")
        # proposed to his department manager, never written without him
        self.assertEqual(
            (visit.activity_ids.activity_type_id, visit.activity_ids.user_id),
            (activity_type, self.department_manager),
        )
        self.assertEqual(
            (customer.partner_latitude, customer.partner_longitude), (0, 0)
        )
        self.assertFalse(visit.can_set_customer_position)  # not the visitor's
        self.assertTrue(
            visit.with_user(self.department_manager).can_set_customer_position
        )
        for user in (self.manager_a, self.manager_c, self.other_department_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                visit.with_user(user).action_lam_set_customer_position()
        with freeze_time(utc(DAY, 10)):
            visit.with_user(self.department_manager).action_lam_set_customer_position()
        self.assertEqual(
            (customer.partner_latitude, customer.partner_longitude),
            (41.2701, 123.1702),
        )
        self.assertEqual(customer.date_localization, DAY)
        self.assertFalse(visit.activity_ids)
        with self.assertRaisesRegex(UserError, "has a position already"):
            visit.with_user(self.department_manager).action_lam_set_customer_position()
        # the next check-in is measured against it: 21 m
        later = self._checked_in(41.27, 123.17, 12, partner_id=customer.id)
        self.assertAlmostEqual(later.checkin_distance, 0.02, places=2)
        self.assertFalse(later.needs_review)
        # the visits checked in before keep what they were measured against
        self.assertEqual(vague.proof_issue, "inaccurate")
        self.assertEqual(visit.proof_issue, "customer_unlocated")

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
        self.assertEqual(dealer_visit.partner_address, "Dalian 1 Gangwan Street")
        self.assertEqual(
            dealer_visit.geo_url, "geo:0,0?q=Dalian%201%20Gangwan%20Street"
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
