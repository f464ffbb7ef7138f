# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime
import io
import itertools
import random

from freezegun import freeze_time
from openpyxl import load_workbook
from psycopg2.errors import UniqueViolation

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..tools.route import (
    distance_matrix,
    great_circle_km,
    nearest_neighbour_order,
    path_length,
    plan_route,
    two_opt,
)
from .common import MODULE, LamCommon

DAY = datetime.date(2026, 11, 24)  # a Tuesday


def utc(day, hour, minute=0):
    """Shanghai wall-clock time of ``day`` as the naive UTC datetime Odoo stores."""
    return datetime.datetime.combine(
        day, datetime.time(hour, minute)
    ) - datetime.timedelta(hours=8)


class LamFieldWorkCase(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.manager_a, cls.manager_b, cls.department_manager):
            user.tz = "Asia/Shanghai"
        cls.customer_a.write(
            {
                "partner_latitude": 41.1087,
                "partner_longitude": 122.9946,
                "city": "Anshan",
            }
        )
        cls.contact_a = cls.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "parent_id": cls.customer_a.id,
                "function": "Equipment officer",
            }
        )

    @classmethod
    def _visit(cls, partner=None, user=None, start=None, **values):
        user = user or cls.manager_a
        return (
            cls.env["lam.visit"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or cls.customer_a).id,
                    "planned_start": start or utc(DAY, 9),
                    "purpose": "follow_up",
                    **values,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestVisit(LamFieldWorkCase):
    def test_a_participant_of_the_customer_is_one_of_its_people(self):
        """Issue 17, hole 16: not another customer's key person."""
        other_person = self.env["res.partner"].create(
            {
                "name": "Li Na",
                "parent_id": self.customer_b.id,
                "lam_is_key_person": True,
            }
        )
        visit = self._visit()
        with (
            self.assertRaisesRegex(ValidationError, "not one of the people"),
            self.env.cr.savepoint(),
        ):
            visit.with_user(self.manager_a).participant_ids = [
                Command.create({"side": "customer", "contact_id": other_person.id})
            ]
        visit.with_user(self.manager_a).participant_ids = [
            Command.create({"side": "customer", "contact_id": self.contact_a.id})
        ]
        self.assertEqual(visit.participant_ids.name, "Wang Lei")

    def test_the_evidence_of_a_visit_is_set_by_its_buttons(self):
        """Issue 17, hole 11: check-in and check-out, the state and the report
        are written by their buttons only, whatever a manager sends."""
        visit = self._visit()
        mine = visit.with_user(self.manager_a)
        for vals in (
            {"checkin_time": utc(DAY, 9), "checkout_time": utc(DAY, 20)},
            {"checkin_latitude": 41.1, "checkin_longitude": 122.9},
            {"checkout_latitude": 41.1},
            {"state": "done"},
            {
                "state": "reported",
                "reported_to_ids": [Command.set(self.department_manager.ids)],
            },
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "system"):
                mine.write(vals)
        with self.assertRaisesRegex(UserError, "system"):
            self._visit(
                state="done",
                checkin_time=utc(DAY, 8),
                checkout_time=utc(DAY, 19),
            )
        self.assertEqual((visit.state, visit.checkin_time), ("planned", False))
        # the buttons still work for him
        mine.action_check_in(41.1087, 123.0946)
        # issue 19, item 12: the position and its distance to the customer show
        # (0.1 degree of longitude east of him, at 41.1 degrees north: 8.4 km)
        self.assertEqual(
            (visit.checkin_latitude, visit.checkin_longitude, visit.checkin_distance),
            (41.1087, 123.0946, 8.378),
        )
        mine.action_check_out()
        mine.next_visit_date = DAY + datetime.timedelta(days=30)
        mine.action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.checkin_time and visit.checkout_time)

    def test_state_machine_and_required_fields(self):
        visit = self._visit()
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.user_id, self.manager_a)
        self.assertEqual(visit.visit_date, DAY)
        with self.assertRaisesRegex(UserError, "a visit is reported once done"):
            visit.action_report()
        with self.assertRaisesRegex(UserError, "when is the next visit"):
            visit.action_done()
        with self.assertRaisesRegex(ValidationError, "next visit comes after this one"):
            visit.next_visit_date = DAY
        visit.next_visit_date = DAY + datetime.timedelta(days=21)
        visit.action_done()
        self.assertEqual(visit.state, "done")
        with self.assertRaisesRegex(UserError, "only a planned visit is done"):
            visit.action_done()
        with self.assertRaisesRegex(UserError, "only a planned visit is cancelled"):
            visit.action_cancel()
        cancelled = self._visit(start=utc(DAY, 14))
        with self.assertRaisesRegex(UserError, "say why the visit is cancelled"):
            cancelled.action_cancel()
        cancelled.cancel_reason = "The plant stopped for maintenance"
        cancelled.action_cancel()
        self.assertEqual(cancelled.state, "cancelled")
        with self.assertRaisesRegex(ValidationError, "less than a day"):
            self._visit(planned_duration=30)

    def test_report_notifies_the_department_manager(self):
        visit = self._visit(
            next_visit_date=DAY + datetime.timedelta(days=14),
            outcome="Trial of L-HM 46 agreed",
            current_brand="Brand X",
            concern_quality=True,
        )
        visit.action_done()
        visit.action_report()
        self.assertEqual(visit.state, "reported")
        self.assertEqual(visit.reported_to_ids, self.department_manager)
        message = visit.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertEqual(message.partner_ids, self.department_manager.partner_id)
        self.assertIn("Trial of L-HM 46 agreed", message.body)
        self.assertIn("Brand X", message.body)
        notified = self.env["mail.notification"].search(
            [("mail_message_id", "=", message.id)]
        )
        self.assertEqual(notified.res_partner_id, self.department_manager.partner_id)

    def test_report_needs_a_department_manager(self):
        lone = self._new_user(
            "lam_lone", "Lone Manager", f"{MODULE}.group_lam_maintenance"
        )
        customer = self.env["res.partner"].create(
            {
                "name": "Lone Customer",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": lone.id,
            }
        )
        visit = self._visit(
            partner=customer,
            user=lone,
            next_visit_date=DAY + datetime.timedelta(days=5),
        )
        visit.action_done()
        with self.assertRaisesRegex(UserError, "no department manager to report to"):
            visit.action_report()

    def test_next_visit_activity_on_the_customer_not_duplicated(self):
        first = self._visit(next_visit_date=DAY + datetime.timedelta(days=14))
        first.action_done()
        activity_type = self.env.ref(f"{MODULE}.mail_activity_type_lam_visit")
        activities = self.customer_a.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(
            (activities.user_id, activities.date_deadline),
            (self.manager_a, DAY + datetime.timedelta(days=14)),
        )
        second = self._visit(
            start=utc(DAY, 15), next_visit_date=DAY + datetime.timedelta(days=30)
        )
        second.action_done()
        activities = self.customer_a.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.date_deadline, DAY + datetime.timedelta(days=30))

    def test_check_in_lateness_and_field_time(self):
        visit = self._visit(
            prep_appointment_confirmed=True,
            appointment_start=utc(DAY, 9),
            next_visit_date=DAY + datetime.timedelta(days=7),
        )
        with freeze_time(utc(DAY, 9, 12)):
            visit.action_check_in(latitude=41.1, longitude=122.99)
        # there at 9:12 for 9:00: late by 17 minutes (the margin is 5 minutes early)
        self.assertEqual(
            (visit.late_minutes, visit.is_late, visit.arrival), (17, True, "late")
        )
        self.assertEqual(
            (visit.checkin_latitude, visit.checkin_longitude), (41.1, 122.99)
        )
        with self.assertRaisesRegex(UserError, "already checked in"):
            visit.action_check_in()
        with freeze_time(utc(DAY, 10, 42)):
            with self.assertRaisesRegex(UserError, "not a position"):
                visit.action_check_out(latitude="not a number", longitude=None)
            visit.action_check_out()
        self.assertFalse(visit.checkout_latitude)
        visit.action_done()
        self.assertAlmostEqual(visit.field_hours, 1.5)
        early = self._visit(
            start=utc(DAY, 14),
            planned_duration=2.0,
            next_visit_date=DAY + datetime.timedelta(days=7),
        )
        with freeze_time(utc(DAY, 13, 52)):
            early.action_check_in()
        # 8 minutes early: on time (5 to 10 minutes early)
        self.assertEqual(
            (early.late_minutes, early.is_late, early.arrival), (0, False, "on_time")
        )
        early.action_done()  # nobody checked out: the planned duration counts
        self.assertAlmostEqual(early.field_hours, 2.0)

    def test_arrival_against_the_margin_before_the_appointment(self):
        """Issue 18, item 6: Art. 35 asks to arrive 5-10 minutes early: against
        that margin (a setting) a visit is on time, early or late."""
        expected = {
            (8, 58): (3, True, "late"),  # 2 minutes early is 3 minutes late
            (8, 55): (0, False, "on_time"),
            (8, 50): (0, False, "on_time"),
            (8, 45): (0, False, "early"),
        }
        for (hour, minute), figures in expected.items():
            with self.subTest(checkin=f"{hour}:{minute}"):
                visit = self._visit(
                    start=utc(DAY, 9), next_visit_date=DAY + datetime.timedelta(days=7)
                )
                with freeze_time(utc(DAY, hour, minute)):
                    visit.action_check_in()
                self.assertEqual(
                    (visit.late_minutes, visit.is_late, visit.arrival), figures
                )
        self.company.lam_arrival_margin_minutes = 0
        self.assertEqual(visit.arrival, "early")
        late = self._visit(
            start=utc(DAY, 14), next_visit_date=DAY + datetime.timedelta(days=7)
        )
        with freeze_time(utc(DAY, 14, 1)):
            late.action_check_in()
        self.assertEqual((late.late_minutes, late.arrival), (1, "late"))

    def test_senior_visit_stays_his_after_reassignment(self):
        visit = self._visit(user=self.department_manager)
        self.assertEqual(
            (visit.user_id, visit.account_manager_id),
            (self.department_manager, self.manager_a),
        )
        self.customer_a.with_user(self.department_manager).user_id = self.manager_b
        self.assertEqual(visit.user_id, self.department_manager)
        self.assertEqual(visit.account_manager_id, self.manager_b)
        self.assertEqual(
            visit.with_user(self.manager_b).user_id, self.department_manager
        )
        with self.assertRaises(AccessError):
            visit.with_user(self.manager_a).read(["goal"])

    def test_doer_cannot_put_his_work_on_a_colleague_customer(self):
        with self.assertRaises(AccessError):
            self._visit(partner=self.customer_c, user=self.manager_a)
        with self.assertRaises(AccessError):
            self.env["lam.communication"].with_user(self.manager_a).create(
                {"partner_id": self.customer_c.id, "summary": "peek"}
            )


@tagged("post_install", "-at_install")
class TestRoute(LamFieldWorkCase):
    def _random_points(self, rng, count):
        return [
            (31.0 + rng.uniform(-1.5, 1.5), 121.0 + rng.uniform(-1.5, 1.5))
            for _index in range(count)
        ]

    def test_exact_up_to_nine_stops(self):
        rng = random.Random(7)
        for count in (1, 2, 3, 5, 7, 8, 9):
            start, points = (
                self._random_points(rng, 1)[0],
                self._random_points(rng, count),
            )
            order, length = plan_route(start, points)
            matrix = distance_matrix(start, points)
            best = min(
                path_length(matrix, permutation)
                for permutation in itertools.permutations(range(count))
            )
            with self.subTest(stops=count):
                self.assertEqual(sorted(order), list(range(count)))
                self.assertAlmostEqual(length, best, places=6)

    def test_thirty_stops_beat_nearest_neighbour_and_are_two_opt_optimal(self):
        rng = random.Random(11)
        for _instance in range(3):
            start, points = self._random_points(rng, 1)[0], self._random_points(rng, 30)
            order, length = plan_route(start, points)
            matrix = distance_matrix(start, points)
            self.assertEqual(sorted(order), list(range(30)))
            self.assertLessEqual(
                length, path_length(matrix, nearest_neighbour_order(matrix)) + 1e-9
            )
            self.assertEqual(two_opt(matrix, order), order)  # no 2-opt move shortens it

    def _located_customers(self, cities):
        """Manager A's customers, one per city {name: (latitude, longitude)}."""
        return self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                    "partner_latitude": lat,
                    "partner_longitude": lng,
                }
                for name, (lat, lng) in cities.items()
            ]
        )

    def test_great_circle(self):
        shanghai, beijing = (31.2304, 121.4737), (39.9042, 116.4074)
        self.assertAlmostEqual(great_circle_km(shanghai, beijing), 1067, delta=5)

    def test_day_route_of_a_manager(self):
        cities = {
            "Shenyang": (41.8057, 123.4315),
            "Dalian": (38.9140, 121.6147),
            "Fushun": (41.8807, 123.9573),
        }
        customers = self._located_customers(cities)
        nowhere = self.env["res.partner"].create(
            {
                "name": "No Address Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        self.manager_a.write(
            {"lam_start_latitude": 41.1087, "lam_start_longitude": 122.9946}
        )  # Anshan
        for hour, partner in zip(
            (9, 11, 14, 16),
            (customers[1], customers[0], nowhere, customers[2]),
            strict=False,
        ):
            self._visit(partner=partner, start=utc(DAY, hour))
        self._visit(
            partner=customers[1], start=utc(DAY + datetime.timedelta(days=1), 9)
        )  # another day
        ordered, total, unlocated = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            ._lam_plan_route(self.manager_a, DAY)
        )
        # Anshan -> Shenyang -> Fushun -> Dalian is the shortest open path
        self.assertEqual(
            ordered.partner_id.mapped("name"), ["Shenyang", "Fushun", "Dalian"]
        )
        self.assertEqual(ordered.mapped("route_sequence"), [1, 2, 3])
        self.assertEqual(unlocated.partner_id, nowhere)
        # the total is the sum of the legs the list shows (the walk: 1359.4
        # in the title, 1,359.50 under the list)
        self.assertAlmostEqual(sum(ordered.mapped("route_leg_km")), total, places=6)
        action = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            ._lam_route_action(self.manager_a, DAY)
        )
        self.assertIn("1 customers without coordinates", action["name"])
        self.assertIn(f"{total:.1f} km", action["name"])
        # without an id the web client keeps the route itself for a reload
        self.assertNotIn("id", action)
        self.assertEqual(action["domain"], [("id", "in", (ordered | unlocated).ids)])
        marker = ordered[0].route_marker
        self.assertIn(b"<svg", __import__("base64").b64decode(marker))

    def test_appointments_keep_their_order_on_the_route(self):
        # issue 19, item 4: three appointments at 09:00, 11:00 and 14:00 in
        # Dalian, Shenyang and Fushun (from Anshan, the shortest path would be
        # Shenyang, Fushun, Dalian); a free visit in Liaoyang goes between
        cities = {
            "Dalian": (38.9140, 121.6147),
            "Shenyang": (41.8057, 123.4315),
            "Fushun": (41.8807, 123.9573),
            "Liaoyang": (41.2694, 123.2369),
        }
        customers = self._located_customers(cities)
        self.manager_a.write(
            {"lam_start_latitude": 41.1087, "lam_start_longitude": 122.9946}
        )  # Anshan
        for hour, customer in zip((9, 11, 14), customers[:3], strict=True):
            visit = self._visit(partner=customer, start=utc(DAY, hour))
            visit.appointment_start = utc(DAY, hour)
        self._visit(partner=customers[3], start=utc(DAY, 16))
        ordered, total, _unlocated = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            ._lam_plan_route(self.manager_a, DAY)
        )
        names = ordered.partner_id.mapped("name")
        self.assertEqual(
            [name for name in names if name != "Liaoyang"],
            ["Dalian", "Shenyang", "Fushun"],
        )
        # Liaoyang lies on the way from Dalian to Shenyang
        self.assertEqual(names, ["Dalian", "Liaoyang", "Shenyang", "Fushun"])
        self.assertAlmostEqual(sum(ordered.mapped("route_leg_km")), total, delta=0.05)
        action = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            .with_context(lang="en_US")
            ._lam_route_action(self.manager_a, DAY)
        )
        self.assertIn(f"{total:.1f} km from his own start point", action["name"])
        self.assertEqual(action["context"]["lam_route_start"], [41.1087, 122.9946])
        # the start point (maybe a home) is not for colleagues to read
        with self.assertRaises(AccessError):
            self.manager_a.with_user(self.manager_b).read(["lam_start_latitude"])

    def test_free_stops_never_swap_two_appointments(self):
        rng = random.Random(5)
        for _instance in range(20):
            start, points = self._random_points(rng, 1)[0], self._random_points(rng, 12)
            fixed = rng.sample(range(12), 4)
            order, length = plan_route(start, points, fixed)
            self.assertEqual(sorted(order), list(range(12)))
            self.assertEqual([stop for stop in order if stop in fixed], fixed)
            matrix = distance_matrix(start, points)
            self.assertAlmostEqual(path_length(matrix, order), length, places=9)

    def test_a_day_without_planned_visits_is_an_empty_route(self):
        action = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            .with_context(lang="en_US")
            ._lam_route_action(self.manager_a, DAY)
        )
        self.assertEqual(action["domain"], [("id", "in", [])])
        self.assertIn("Manager A has no planned visit on", action["help"])
        self.assertIn("0.0 km", action["name"])


@tagged("post_install", "-at_install")
class TestCommunicationAndLogs(LamFieldWorkCase):
    def test_communication_schedules_one_follow_up(self):
        call = (
            self.env["lam.communication"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "contact_id": self.contact_a.id,
                    "channel": "phone",
                    "date": utc(DAY, 10),
                    "summary": "Needs 6 t of hydraulic oil next month",
                    "follow_up": "Send a quote",
                    "next_date": DAY + datetime.timedelta(days=3),
                }
            )
        )
        self.assertEqual(call.day, DAY)
        self.assertEqual(call.direction, "outgoing")
        # issue 19, item 13: the follow-up hangs on the customer, once
        call_type = self.env.ref(f"{MODULE}.mail_activity_type_lam_call")

        def follow_ups():
            return self.customer_a.activity_ids.filtered(
                lambda act: act.activity_type_id == call_type
            )

        self.assertFalse(call.activity_ids)
        self.assertEqual(len(follow_ups()), 1)
        call.next_date = DAY + datetime.timedelta(days=5)
        self.assertEqual(len(follow_ups()), 1)
        self.assertEqual(
            (follow_ups().date_deadline, follow_ups().user_id),
            (DAY + datetime.timedelta(days=5), self.manager_a),
        )
        with self.assertRaisesRegex(ValidationError, "one of the customer's people"):
            call.contact_id = self.customer_b

    def test_quick_logging_from_the_customer(self):
        action = self.customer_a.with_user(
            self.manager_a
        ).action_lam_log_communication()
        self.assertEqual(
            (action["res_model"], action["target"]), ("lam.communication", "new")
        )
        with Form(
            self.env["lam.communication"]
            .with_user(self.manager_a)
            .with_context(**action["context"]),
            view=f"{MODULE}.lam_communication_view_form_quick",
        ) as form:
            form.summary = "Asked for the technical data sheets"
        self.assertEqual(form.record.partner_id, self.customer_a)
        self.assertEqual(
            self.customer_a.with_user(self.manager_a).lam_communication_count, 1
        )

    def test_work_log_is_prefilled_from_the_day(self):
        self.env["lam.communication"].with_user(self.manager_a).create(
            {
                "partner_id": self.customer_a.id,
                "contact_id": self.contact_a.id,
                "channel": "phone",
                "date": utc(DAY, 10, 5),
                "summary": "Needs hydraulic oil",
                "follow_up": "Send a quote",
            }
        )
        self._visit(
            start=utc(DAY, 14),
            outcome="Sample taken",
            next_visit_date=DAY + datetime.timedelta(days=30),
        ).action_done()
        # issue 19, item 12: a visit only planned that day did not happen
        self._visit(start=utc(DAY, 16))
        order = self._create_order(
            self.customer_a, [(self.hydraulic_oil, 200.0)], utc(DAY, 11)
        )
        self.env["lam.oil.sample"].create(
            {
                "partner_id": self.customer_a.id,
                "sample_date": DAY,
                "brand": "Brand X L-HM 46",
            }
        )
        self._visit(start=utc(DAY + datetime.timedelta(days=1), 9))  # not that day
        log = self.env["lam.work.log"].with_user(self.manager_a).create({"date": DAY})
        self.assertEqual(log.user_id, self.manager_a)
        self.assertIn("10:05", log.communications)
        self.assertIn(
            "Anshan Steel Works（Wang Lei）：Needs hydraulic oil", log.communications
        )
        self.assertIn("Send a quote", log.communications)
        self.assertIn("14:00 Anshan Steel Works", log.visits)
        self.assertEqual(log.visits.count("\n"), 0)
        self.assertIn(order.name, log.sales)
        self.assertIn("Brand X L-HM 46", log.customer_service)
        self.assertFalse(log.memo)
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["lam.work.log"].with_user(self.manager_a).create({"date": DAY})
                self.env.flush_all()
        # the department manager reads his team's logs, a colleague does not
        self.assertEqual(log.with_user(self.department_manager).memo, False)
        with self.assertRaises(AccessError):
            log.with_user(self.manager_b).read(["memo"])

    def test_archive_review_records(self):
        # the chatter's tracking is written at the end of each request
        self.env.cr.precommit.run()
        self.customer_a.with_user(self.manager_a).lam_size = "medium"
        self.env.cr.precommit.run()
        # reviews after the change (tracking is dated by the transaction's start)
        later = fields.Datetime.now() + datetime.timedelta(days=1)
        with freeze_time(later):
            self.customer_a.with_user(self.manager_a).action_lam_mark_reviewed()
        review = self.customer_a.lam_archive_review_ids
        self.assertEqual(len(review), 1)
        self.assertEqual(review.user_id, self.manager_a)
        self.assertIn("Size Class", review.updated)
        self.assertEqual(self.customer_a.lam_last_review_date, review.day)
        with freeze_time(later + datetime.timedelta(days=1)):
            self.customer_a.with_user(self.manager_a).action_lam_mark_reviewed()
        self.assertEqual(len(self.customer_a.lam_archive_review_ids), 2)
        self.assertIn(
            "No archive field changed",
            self.customer_a.lam_archive_review_ids.sorted("date")[-1].updated,
        )
        # equipment added, then a second review the same day: one review, which says so
        mill = self._create_equipment(self.customer_a, name="Ball mill")
        # the ORM dates a write by the transaction's start: date it as it would be in
        # use
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE lam_equipment SET write_date = %s WHERE id = %s",
            [later + datetime.timedelta(days=2, hours=1), mill.id],
        )
        with freeze_time(later + datetime.timedelta(days=2, hours=2)):
            self.customer_a.with_user(self.manager_a).action_lam_mark_reviewed()
        with freeze_time(later + datetime.timedelta(days=2, hours=3)):
            self.customer_a.with_user(self.manager_a).action_lam_mark_reviewed()
        reviews = self.customer_a.lam_archive_review_ids
        self.assertEqual(len(reviews), 3)
        self.assertIn("Equipment（1）", reviews.sorted("date")[-1].updated)

    def test_work_done_is_kept(self):
        visit = self._visit(next_visit_date=DAY + datetime.timedelta(days=7))
        visit.action_done()
        with self.assertRaisesRegex(UserError, "kept"):
            visit.unlink()
        self.env["crm.team"].browse(
            self.team.id
        )  # the department manager leads manager A's team
        visit.action_report()
        with self.assertRaisesRegex(UserError, "kept as it was reported"):
            visit.write({"outcome": "Rewritten afterwards"})
        planned = self._visit()
        planned.unlink()
        self.assertFalse(planned.exists())
        log = (
            self.env["lam.work.log"]
            .with_user(self.manager_a)
            .create({"date": DAY, "memo": "Mine"})
        )
        self.assertEqual(log.with_user(self.department_manager).memo, "Mine")
        with self.assertRaises(AccessError):
            log.with_user(self.department_manager).write({"memo": "Edited by my boss"})


@tagged("post_install", "-at_install")
class TestFieldWorkReports(LamFieldWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calls = (
            cls.env["lam.communication"]
            .with_user(cls.manager_a)
            .create(
                [
                    {
                        "partner_id": cls.customer_a.id,
                        "contact_id": cls.contact_a.id,
                        "channel": channel,
                        "date": utc(DAY, hour),
                        "summary": summary,
                        "follow_up": "Quote",
                        "next_date": DAY,
                    }
                    for channel, hour, summary in (
                        ("phone", 9, "Oil plan for December"),
                        ("online", 15, "Sent the catalogue"),
                    )
                ]
            )
        )
        cls.log = (
            cls.env["lam.work.log"]
            .with_user(cls.manager_a)
            .create({"date": DAY, "memo": "Weekly meeting"})
        )

    def _html(self, report_ref, records, user):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report_ref, records.ids)
        )
        return html.decode()

    def _xlsx(self, report_name, records, user):
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report_name, records.ids, {})
        )
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def test_p1_pdf_and_xlsx(self):
        html = self._html(f"{MODULE}.action_report_p1", self.log, self.manager_a)
        self.assertIn('name="table_signatures"', html)
        for expected in (
            "Marketing Work Log",
            "Manager A",
            "Oil plan for December",
            "Weekly meeting",
        ):
            self.assertIn(expected, html)
        sheet = self._xlsx(
            f"{MODULE}.report_p1_xlsx", self.log, self.department_manager
        )
        self.assertEqual(sheet["A1"].value, "P1 Marketing Work Log")
        # issue 20, item 16: the period printed, then who printed it
        self.assertTrue(sheet["A2"].value.startswith("Period: "))
        headers = [cell.value for cell in sheet[5]]
        row = dict(zip(headers, [cell.value for cell in sheet[6]], strict=False))
        self.assertEqual(row["Account Manager"], "Manager A")
        self.assertEqual(row["Memo"], "Weekly meeting")
        self.assertIn("Oil plan for December", row["Communications"])
        with self.assertRaises(AccessError):
            self._xlsx(f"{MODULE}.report_p1_xlsx", self.log, self.manager_b)

    def test_p6_pdf_and_xlsx(self):
        html = self._html(f"{MODULE}.action_report_p6", self.calls, self.manager_a)
        for expected in (
            "Communication Follow-up",
            "Oil plan for December",
            "Sent the catalogue",
            "Wang Lei",
        ):
            self.assertIn(expected, html)
        # issue 20, item 9: the manager's name is in the header row repeated
        # on every page, not a heading left at a page's foot
        thead = html.split('name="table_communications"', 1)[1].split("</thead>")[0]
        self.assertIn(f"Account Manager · <span>{self.manager_a.name}</span>", thead)
        sheet = self._xlsx(f"{MODULE}.report_p6_xlsx", self.calls, self.manager_a)
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        self.assertEqual(
            [row[7] for row in rows], ["Oil plan for December", "Sent the catalogue"]
        )
        self.assertEqual(rows[1][5], "Online / WeChat")
        self.assertEqual(rows[1][6], "Outgoing")  # the walk: 来电/去电 printed too
        self.assertIn('name="td_direction"', html)
        # issue 20, item 16: times are times a spreadsheet sorts, shown 09:00
        self.assertEqual(
            [row[1] for row in rows], [datetime.time(9, 0), datetime.time(15, 0)]
        )
        self.assertEqual(sheet.cell(5, 2).number_format, "hh:mm")
        self.assertEqual(rows[0][0].date(), DAY)
        with self.assertRaises(AccessError):
            self._html(f"{MODULE}.action_report_p6", self.calls, self.manager_c)

    def test_p6_says_the_period_chosen(self):
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.manager_a)
            .create(
                {
                    "report_code": "p6",
                    "date_from": DAY - datetime.timedelta(days=6),
                    "date_to": DAY,
                }
            )
        )
        sheet = self._xlsx_with_data(wizard)
        self.assertIn(
            f"{DAY - datetime.timedelta(days=6)} to {DAY}",
            sheet["A2"].value + (sheet["A3"].value or ""),
        )

    def _xlsx_with_data(self, wizard):
        action = wizard.action_export_xlsx()
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_xlsx(
                f"{MODULE}.report_p6_xlsx",
                action["context"]["active_ids"],
                action["data"],
            )
        )
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def test_report_wizard_prints_p1_and_p6_of_a_period(self):
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.department_manager)
            .create(
                {
                    "report_code": "p6",
                    "user_id": self.manager_a.id,
                    "date_from": DAY,
                    "date_to": DAY,
                }
            )
        )
        action = wizard.action_print_pdf()
        self.assertEqual(action["context"]["active_ids"], self.calls.ids)
        wizard.report_code = "p1"
        self.assertEqual(
            wizard.action_export_xlsx()["context"]["active_ids"], self.log.ids
        )
        wizard.write(
            {
                "date_from": DAY + datetime.timedelta(days=1),
                "date_to": DAY + datetime.timedelta(days=1),
            }
        )
        with self.assertRaisesRegex(UserError, "Nothing matches"):
            wizard.action_print_pdf()

    def test_bad_input_on_field_work(self):
        for values, message in (
            ({"planned_duration": float("nan")}, "not a number"),
            ({"target_volume": 1e20}, "too large"),
            ({"planned_start": "9999-12-31 00:00:00"}, "out of range"),
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._visit(**values)
        with self.assertRaisesRegex(ValidationError, "not a valid date"):
            self.env["lam.work.log"].create({"date": "2026-13-01"})
        with self.assertRaisesRegex(ValidationError, "not a number"):
            self.manager_a.write({"lam_start_latitude": float("inf")})
        visit = self._visit()
        # the check-in and check-out buttons' writes (as the system)
        visit.sudo().write({"checkin_time": fields.Datetime.now()})
        with self.assertRaisesRegex(ValidationError, "one leaves after arriving"):
            visit.sudo().write(
                {"checkout_time": visit.checkin_time - datetime.timedelta(hours=1)}
            )
        self.assertEqual(visit.participant_ids, self.env["lam.visit.participant"])
        visit.participant_ids = [
            Command.create({"side": "customer", "contact_id": self.contact_a.id})
        ]
        self.assertEqual(visit.participant_ids.name, "Wang Lei")

    def test_a_reported_visit_keeps_its_participants(self):
        """Review of issue 17 (L3): the participants of a reported visit are kept
        as reported, and no participant moves from one visit to another."""
        visit = self._visit(next_visit_date=DAY + datetime.timedelta(days=7))
        participant = (
            self.env["lam.visit.participant"]
            .with_user(self.manager_a)
            .create({"visit_id": visit.id, "name": "Li Na"})
        )
        other = self._visit(start=utc(DAY, 14))
        with self.assertRaises(AccessError):
            participant.write({"visit_id": other.id})
        visit.action_done()
        visit.action_report()
        self.assertEqual(visit.state, "reported")
        with self.assertRaisesRegex(UserError, "kept as it was reported"):
            participant.write({"function": "Buyer"})
        with (
            self.assertRaisesRegex(UserError, "kept as it was reported"),
            self.env.cr.savepoint(),
        ):
            self.env["lam.visit.participant"].with_user(self.manager_a).create(
                {"visit_id": visit.id, "name": "Zhang Wei"}
            )
        self.assertEqual(visit.participant_ids, participant)
