# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 24: the cockpit (经营部看板) and the morning meeting (晨会), on
constructed data, at the frozen Saturday 2026-11-28 (Shanghai)."""

import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..tools.xlsx import load_sheets
from .common import MODULE, LamCommon

D = datetime.date


def utc(day, hour):
    """Shanghai wall-clock time as the naive UTC datetime Odoo stores."""
    return datetime.datetime.combine(day, datetime.time(hour)) - datetime.timedelta(
        hours=8
    )


class LamCockpitCase(LamCommon):
    """Managers A and B (East), C (West), with a month of work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (
            cls.manager_a,
            cls.manager_b,
            cls.manager_c,
            cls.department_manager,
            cls.other_department_manager,
        ):
            user.tz = "Asia/Shanghai"
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        # November: A buys 100 L, B 2 t of bulk oil (2,500 L at 0.8 kg/L), C 999 L
        cls._create_order(
            cls.customer_a, [(cls.hydraulic_oil, 100)], utc(D(2026, 11, 10), 10)
        )
        cls._create_order(
            cls.customer_b, [(cls.bulk_oil, 2, cls.uom_ton)], utc(D(2026, 11, 12), 10)
        )
        cls._create_order(
            cls.customer_c, [(cls.hydraulic_oil, 999)], utc(D(2026, 11, 12), 10)
        )
        plan = cls.env["lam.sales.plan"].create(
            {"month": D(2026, 11, 1), "target_volume": 6000.0}
        )
        for user, target in ((cls.manager_a, 200.0), (cls.manager_b, 5000.0)):
            cls.env["lam.sales.plan.manager"].create(
                {"plan_id": plan.id, "user_id": user.id, "target_volume": target}
            )
        # this week (23-29 November): two visits done by A, one planned, one by C
        cls.visits = cls.env["lam.visit"]
        for day, user, partner, state in (
            (D(2026, 11, 24), cls.manager_a, cls.customer_a, "done"),
            (D(2026, 11, 25), cls.manager_a, cls.customer_a, "done"),
            (D(2026, 11, 30), cls.manager_a, cls.customer_a, "planned"),
            (D(2026, 11, 24), cls.manager_c, cls.customer_c, "done"),
            (D(2026, 11, 20), cls.manager_a, cls.customer_a, "done"),
        ):
            cls.visits |= (
                cls.env["lam.visit"]
                .sudo()
                .create(
                    {
                        "partner_id": partner.id,
                        "user_id": user.id,
                        "planned_start": utc(day, 9),
                        "purpose": "follow_up",
                        "state": state,
                        "next_visit_date": D(2026, 12, 20),
                    }
                )
            )
        # a complaint of A's customer past its deadline, one of C's
        cls.complaint = cls.env["lam.complaint"].create(
            {
                "partner_id": cls.customer_a.id,
                "received_at": utc(D(2026, 11, 26), 9),
                "user_id": cls.manager_a.id,
                "category": "quality",
                "description": "Drums arrived dented",
            }
        )
        cls.env["lam.complaint"].create(
            {
                "partner_id": cls.customer_c.id,
                "received_at": utc(D(2026, 11, 27), 9),
                "user_id": cls.manager_c.id,
                "category": "delivery",
                "description": "Late",
            }
        )
        rule = cls.env.ref(f"{MODULE}.lam_cadence_rule_call_ab")
        cls.env["lam.cadence.status"].sudo().create(
            [
                {
                    "rule_id": rule.id,
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id,
                    "date": D(2026, 11, 28),
                    "covered": covered,
                    "overdue": overdue,
                    "required": 1,
                }
                for partner, covered, overdue in (
                    (cls.customer_a, True, False),
                    (cls.customer_b, False, True),
                    (cls.customer_c, False, True),
                )
            ]
        )
        cls.env["lam.purchase.drop"].create(
            {
                "partner_id": cls.customer_b.id,
                "company_id": cls.company.id,
                "rule": "average",
                "date_from": "2026-08-01",
                "date_to": "2026-10-31",
                "recent_qty": 0.0,
                "baseline_qty": 100.0,
            }
        )
        cls.env["mail.activity"].create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "res_id": cls.customer_b.id,
                "activity_type_id": cls.env.ref(
                    f"{MODULE}.mail_activity_type_lam_psi"
                ).id,
                "user_id": cls.manager_b.id,
                "lam_psi_month": D(2026, 10, 1),
            }
        )


@tagged("post_install", "-at_install")
class TestCockpit(LamCockpitCase):
    def _cockpit(self, user):
        return self.env["lam.cockpit"].with_user(user).get_cockpit_data()

    def _tiles(self, data):
        return {tile["key"]: tile for tile in data["tiles"]}

    def test_department_cockpit_figures(self):
        data = self._cockpit(self.department_manager)
        tiles = self._tiles(data)
        self.assertEqual(tiles["volume"]["value"], 2600.0)
        self.assertEqual(tiles["completion"]["value"], 50.0)
        self.assertEqual(tiles["abc"]["hint"], "2 not graded")
        self.assertEqual(tiles["on_time"]["value"], 50.0)
        self.assertEqual(tiles["overdue"]["value"], 1)
        self.assertEqual(tiles["visits"]["value"], 2)
        self.assertEqual(tiles["complaints"]["value"], 1)
        self.assertEqual(tiles["complaints"]["hint"], "1 past their deadline")
        self.assertEqual(tiles["drops"]["value"], 1)
        self.assertEqual(tiles["psi"]["value"], 1)
        self.assertEqual(tiles["archive"]["value"], 5.0)  # (2 + 1) of 30, averaged
        rows = {row["id"]: row["values"] for row in data["managers"]}
        self.assertEqual(set(rows), {self.manager_a.id, self.manager_b.id})
        self.assertEqual(rows[self.manager_a.id]["volume"], 100.0)
        self.assertEqual(rows[self.manager_a.id]["completion"], 50.0)
        self.assertEqual(rows[self.manager_b.id]["volume"], 2500.0)
        self.assertEqual(rows[self.manager_a.id]["visits"], 2)
        self.assertEqual(rows[self.manager_a.id]["complaints"], 1)
        self.assertEqual(rows[self.manager_b.id]["overdue"], 1)
        self.assertEqual(rows[self.manager_b.id]["drops"], 1)
        # every figure opens its list: the same records, as the department manager
        for key, expected in (
            ("visits", self.visits[:2]),
            ("complaints", self.complaint),
            (
                "overdue",
                self.customer_b,
            ),
        ):
            with self.subTest(tile=key):
                action = tiles[key]["action"]
                records = (
                    self.env[action["res_model"]]
                    .with_user(self.department_manager)
                    .search(action["domain"])
                )
                self.assertEqual(records, expected)

    def test_grades_lost_customers_and_field_time(self):
        self.customer_a.sudo().lam_abc_grade = "a"
        self.customer_b.sudo().write({"lam_abc_grade": "c", "lam_stage": "lost"})
        self.customer_c.sudo().lam_abc_grade = "b"  # West: not counted
        self.env["lam.scorecard"].sudo().create(
            {
                "user_id": self.manager_a.id,
                "period": "week",
                "date_from": D(2026, 11, 23),
                "date_to": D(2026, 11, 29),
                "requirement": "field_share",
                "actual": 55.0,
                "target": 50.0,
            }
        )
        data = self._cockpit(self.department_manager)
        tiles = self._tiles(data)
        self.assertEqual(tiles["abc"]["value"], "1 / 0 / 1")
        self.assertEqual(tiles["abc"]["hint"], "0 not graded")
        self.assertEqual(tiles["lost"]["value"], 1)
        self.assertEqual(tiles["field_share"]["value"], 55.0)
        rows = {row["id"]: row["values"] for row in data["managers"]}
        self.assertEqual(rows[self.manager_a.id]["field_share"], 55.0)
        action = tiles["lost"]["action"]
        self.assertEqual(
            self.env["res.partner"]
            .with_user(self.department_manager)
            .search(action["domain"]),
            self.customer_b,
        )

    def test_receivables_by_bucket(self):
        order = self._create_order(
            self.customer_a, [(self.hydraulic_oil, 50)], utc(D(2026, 9, 1), 10)
        )
        invoice = order._create_invoices()
        invoice.write({"invoice_date": D(2026, 9, 1), "invoice_payment_term_id": False})
        invoice.invoice_date_due = D(2026, 10, 10)  # 49 days overdue
        invoice.action_post()
        tiles = self._tiles(self._cockpit(self.department_manager))
        self.assertEqual(tiles["receivable_31_60"]["value"], invoice.amount_residual)
        self.assertEqual(tiles["receivable_0_30"]["value"], 0.0)
        self.assertEqual(tiles["overdue_amount"]["value"], invoice.amount_residual)
        action = tiles["receivable_31_60"]["action"]
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]).move_id, invoice
        )
        # C's department manager does not see it
        tiles = self._tiles(self._cockpit(self.other_department_manager))
        self.assertEqual(tiles["overdue_amount"]["value"], 0.0)

    def test_a_manager_sees_himself_only(self):
        data = self._cockpit(self.manager_a)
        self.assertEqual([row["id"] for row in data["managers"]], [self.manager_a.id])
        tiles = self._tiles(data)
        self.assertEqual(tiles["volume"]["value"], 100.0)
        self.assertEqual(tiles["psi"]["value"], 0)
        data = self._cockpit(self.other_department_manager)
        self.assertEqual([row["id"] for row in data["managers"]], [self.manager_c.id])
        self.assertEqual(self._tiles(data)["volume"]["value"], 999.0)
        with self.assertRaises(AccessError):
            self._cockpit(self.internal_user)
        with self.assertRaisesRegex(AccessError, "account management only"):
            self._cockpit(self.finance)
        # an administrator: the account managers of the company, not the department
        # managers nor himself
        admin = self._new_user(
            "lam_cockpit_admin", "Admin", f"{MODULE}.group_lam_admin"
        )
        data = self._cockpit(admin)
        shown = {row["id"] for row in data["managers"]}
        self.assertLessEqual(
            {self.manager_a.id, self.manager_b.id, self.manager_c.id}, shown
        )
        self.assertFalse(
            shown
            & {admin.id, self.department_manager.id, self.other_department_manager.id}
        )
        # an empty list says why
        self.assertIn(
            "No customer is lost.", self._tiles(data)["lost"]["action"]["help"]
        )

    def _add_customers(self, count, start=0):
        """``count`` customers of A and B, each with an order in litres,
        kilograms or tonnes and a visit done this week."""
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Customer {index}",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": (self.manager_a if index % 2 else self.manager_b).id,
                }
                for index in range(start, start + count)
            ]
        )
        for index, partner in enumerate(partners):
            uom = (self.uom_litre, self.uom_kg, self.uom_ton)[index % 3]
            product = (self.hydraulic_oil, self.grease, self.bulk_oil)[index % 3]
            self._create_order(partner, [(product, 3, uom)], utc(D(2026, 11, 5), 10))
        self.env["lam.visit"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id,
                    "planned_start": utc(D(2026, 11, 26), 10),
                    "purpose": "follow_up",
                    "state": "done",
                    "next_visit_date": D(2026, 12, 20),
                }
                for partner in partners
            ]
        )
        return partners

    def _warm(self, user):
        """Pending writes done, then the cockpit once: writing records clears the
        caches of the access rules, which the measures leave warm."""
        self.env.flush_all()
        self.env.cr.flush()
        self._cockpit(user)

    def test_queries_do_not_grow_with_customers(self):
        """3 customers more or 63: the same queries."""
        self._add_customers(3)
        self._warm(self.department_manager)
        expected = self._lam_query_count(self._cockpit, self.department_manager)
        self._add_customers(60, start=3)
        self._warm(self.department_manager)
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            self._cockpit(self.department_manager)
        tiles = self._tiles(self._cockpit(self.department_manager))
        self.assertEqual(tiles["visits"]["value"], 2 + 63)


@tagged("post_install", "-at_install")
class TestMorningMeeting(LamCockpitCase):
    def test_the_day_of_each_manager(self):
        """Monday 30 November: Friday 27th is reviewed (the weekend is not
        worked), A's visit of the 30th is planned."""
        friday = D(2026, 11, 27)
        self.visits[0].sudo().write(
            {"planned_start": utc(friday, 9), "checkin_time": utc(friday, 10)}
        )
        self.env["lam.communication"].with_user(self.manager_a).create(
            {
                "partner_id": self.customer_a.id,
                "channel": "phone",
                "date": utc(friday, 11),
                "summary": "Asked about the drums",
            }
        )
        self._create_order(self.customer_b, [(self.hydraulic_oil, 30)], utc(friday, 15))
        meeting = (
            self.env["lam.morning.meeting"]
            .with_user(self.department_manager)
            .create({"team_id": self.team.id, "date": D(2026, 11, 30)})
        )
        self.assertEqual(meeting.previous_day, friday)
        lines = {line.user_id: line for line in meeting.line_ids}
        self.assertEqual(set(lines), {self.manager_a, self.manager_b})
        a, b = lines[self.manager_a], lines[self.manager_b]
        self.assertEqual(
            (a.visits_done, a.visits_late, a.calls, a.orders, a.complaints_open),
            (1, 1, 1, 0, 1),
        )
        self.assertEqual(
            (a.visits_planned, a.planned_customers), (1, "Anshan Steel Works")
        )
        self.assertEqual((b.orders, b.volume, b.visits_done), (1, 30.0, 0))
        # the department manager's notes stay when the figures are refreshed
        a.with_user(self.department_manager).note = "Call the plant manager first"
        meeting.with_user(self.department_manager).action_lam_refresh()
        self.assertEqual(a.note, "Call the plant manager first")
        with self.assertRaises(UserError):
            a.with_user(self.department_manager).visits_done = 9
        # the manager reads his own line; another department manager nothing
        self.assertEqual(
            meeting.line_ids.with_user(self.manager_a).search(
                [("meeting_id", "=", meeting.id)]
            ),
            a,
        )
        with self.assertRaises(AccessError):
            a.with_user(self.manager_a).note = "Mine"
        with self.assertRaises(AccessError):
            meeting.with_user(self.other_department_manager).read(["date"])
        with self.assertRaises(AccessError):
            self.env["lam.morning.meeting"].with_user(
                self.other_department_manager
            ).create({"team_id": self.team.id, "date": D(2026, 12, 1)})

    def test_printed(self):
        meeting = (
            self.env["lam.morning.meeting"]
            .with_user(self.department_manager)
            .create({"team_id": self.team.id, "date": D(2026, 11, 30)})
        )
        meeting.line_ids[:1].note = "安排重点客户回访"
        self.assertEqual(meeting.line_ids.mapped("attended"), [True, True])
        meeting.line_ids[1:].with_user(self.department_manager).attended = False
        Report = self.env["ir.actions.report"].with_user(self.department_manager)
        html = Report._render_qweb_html(
            f"{MODULE}.action_report_morning_meeting", meeting.ids
        )[0].decode()
        self.assertIn("安排重点客户回访", html)
        self.assertIn("Manager A", html)
        self.assertEqual(html.count("(absent)"), 1)
        content, kind = Report._render(
            f"{MODULE}.action_report_morning_meeting_xlsx", meeting.ids
        )
        self.assertEqual(kind, "xlsx")
        cells = [
            cell
            for sheet in load_sheets(content)
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        ]
        self.assertIn("安排重点客户回访", cells)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.other_department_manager
            )._render_qweb_html(f"{MODULE}.action_report_morning_meeting", meeting.ids)

    def test_lines_and_figures_are_the_refresh_s(self):
        """Issue 24 attack: a department manager cannot put another team's
        manager on his meeting, move a line, write a figure or hand the
        meeting over; a manager prints his own line only."""
        leader = self.department_manager
        meeting = (
            self.env["lam.morning.meeting"]
            .with_user(leader)
            .create({"team_id": self.team.id, "date": D(2026, 11, 30)})
        )
        other = (
            self.env["lam.morning.meeting"]
            .with_user(self.other_department_manager)
            .create({"team_id": self.team_west.id, "date": D(2026, 11, 30)})
        )
        line_a = meeting.line_ids.filtered(lambda line: line.user_id == self.manager_a)
        Line = self.env["lam.morning.meeting.line"].with_user(leader)
        attempts = {
            "a line for C": lambda: Line.create(
                {"meeting_id": meeting.id, "user_id": self.manager_c.id}
            ),
            "a line with figures": lambda: Line.create(
                {
                    "meeting_id": meeting.id,
                    "user_id": self.manager_c.id,
                    "visits_done": 9,
                }
            ),
            "re-point a line's manager": lambda: line_a.with_user(leader).write(
                {"user_id": self.manager_c.id}
            ),
            "move a line": lambda: line_a.with_user(leader).write(
                {"meeting_id": other.id}
            ),
            "a figure, with the old flag": lambda: line_a.with_user(leader)
            .with_context(lam_meeting_refresh=True)
            .write({"visits_done": 4242}),
            "hand the meeting over": lambda: meeting.with_user(leader).write(
                {"user_id": self.other_department_manager.id}
            ),
            "the reviewed day": lambda: meeting.with_user(leader).write(
                {"previous_day": D(2000, 1, 1)}
            ),
            "a line through the meeting": lambda: meeting.with_user(leader).write(
                {"line_ids": [Command.create({"user_id": self.manager_c.id})]}
            ),
            "a meeting with lines": lambda: self.env["lam.morning.meeting"]
            .with_user(leader)
            .create(
                {
                    "team_id": self.team.id,
                    "date": D(2026, 12, 1),
                    "line_ids": [Command.create({"user_id": self.manager_c.id})],
                }
            ),
        }
        for attempt, call in attempts.items():
            with self.subTest(attempt=attempt), self.assertRaises(UserError):
                call()
        self.assertEqual(line_a.user_id, self.manager_a)
        self.assertEqual(meeting.user_id, leader)
        self.assertEqual(
            set(meeting.line_ids.user_id), {self.manager_a, self.manager_b}
        )
        # the form's save: notes and attendance through the meeting
        meeting.with_user(leader).write(
            {"line_ids": [Command.update(line_a.id, {"note": "好", "attended": False})]}
        )
        self.assertEqual((line_a.note, line_a.attended), ("好", False))
        # A prints his own line only
        Report = self.env["ir.actions.report"].with_user(self.manager_a)
        html = Report._render_qweb_html(
            f"{MODULE}.action_report_morning_meeting", meeting.ids
        )[0].decode()
        self.assertIn("Manager A", html)
        self.assertNotIn("Manager B", html)
        content, _kind = Report._render(
            f"{MODULE}.action_report_morning_meeting_xlsx", meeting.ids
        )
        cells = {
            cell
            for sheet in load_sheets(content)
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        }
        self.assertIn("Manager A", cells)
        self.assertNotIn("Manager B", cells)

    def test_a_second_company_sees_nothing_of_the_first(self):
        """Isolation: a department manager and a manager of a second company
        neither read, write, move nor print the first company's meeting; his
        cockpit has none of its managers."""
        company_b = self.env["res.company"].create(
            {
                "name": "Lubricants North Ltd.",
                "currency_id": self.company.currency_id.id,
            }
        )
        users_b = [
            new_test_user(
                self.env,
                login,
                groups=groups,
                name=login,
                lang="en_US",
                company_id=company_b.id,
                company_ids=[Command.set(company_b.ids)],
            )
            for login, groups in (
                ("lam_north_dep", f"{MODULE}.group_lam_department_manager"),
                ("lam_north", f"{MODULE}.group_lam_maintenance"),
            )
        ]
        leader_b = users_b[0]
        meeting = (
            self.env["lam.morning.meeting"]
            .with_user(self.department_manager)
            .create({"team_id": self.team.id, "date": D(2026, 11, 30)})
        )
        line = meeting.line_ids[:1]
        for user in users_b:
            with self.subTest(user=user.login):
                Meeting = self.env["lam.morning.meeting"].with_user(user)
                self.assertFalse(Meeting.search([]))
                self.assertFalse(
                    self.env["lam.morning.meeting.line"].with_user(user).search([])
                )
                with self.assertRaises(AccessError):
                    meeting.with_user(user).read(["date"])
                with self.assertRaises(AccessError):
                    line.with_user(user).write({"note": "x"})
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        f"{MODULE}.action_report_morning_meeting", meeting.ids
                    )
        cockpit = self.env["lam.cockpit"].with_user(leader_b).get_cockpit_data()
        self.assertFalse(
            {row["id"] for row in cockpit["managers"]}
            & {self.manager_a.id, self.manager_b.id}
        )
        with self.assertRaises(AccessError):
            self.env["lam.morning.meeting"].with_user(leader_b).create(
                {"team_id": self.team.id, "date": D(2026, 12, 1)}
            )
