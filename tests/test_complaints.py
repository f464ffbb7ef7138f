# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Complaints: deadlines of 8 working hours on the company's calendar, the
escalation of what the manager cannot resolve and of what is past its
deadline (once), the verification of a dealer's complaint, and the SLA
figures per manager."""

import io
import re
from datetime import datetime

import openpyxl
from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import LamCommon


@tagged("post_install", "-at_install")
class TestComplaints(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Monday to Friday 8-12 and 13-17 in Shanghai: 8 working hours a day
        cls.calendar = cls._create_calendar()
        cls.company.lam_complaint_calendar_id = cls.calendar
        cls.Complaint = cls.env["lam.complaint"].with_user(cls.manager_a)

    def _complaint(self, received_at, partner=None, user=None, **vals):
        user = user or self.manager_a
        return (
            self.env["lam.complaint"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.customer_a).id,
                    "received_at": received_at,
                    "category": "quality",
                    "description": "Foam in the hydraulic oil",
                    **vals,
                }
            )
        )

    # --- deadlines -------------------------------------------------------
    @freeze_time("2026-11-20 02:00:00")
    def test_deadline_runs_over_the_night(self):
        # Tuesday 15:00 in Shanghai: 2 hours that day, 6 on Wednesday to 15:00
        complaint = self._complaint("2026-11-03 07:00:00")
        self.assertEqual(complaint.deadline, datetime(2026, 11, 4, 7, 0))

    @freeze_time("2026-11-20 02:00:00")
    def test_deadline_skips_the_weekend(self):
        # Friday 16:00: 1 hour on Friday, 7 on Monday to 16:00
        complaint = self._complaint("2026-11-06 08:00:00")
        self.assertEqual(complaint.deadline, datetime(2026, 11, 9, 8, 0))

    @freeze_time("2026-11-20 02:00:00")
    def test_deadline_skips_a_public_holiday(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": "2026-11-08 16:00:00",
                "date_to": "2026-11-09 15:59:59",  # Monday 9, Shanghai time
            }
        )
        complaint = self._complaint("2026-11-06 08:00:00")
        self.assertEqual(complaint.deadline, datetime(2026, 11, 10, 8, 0))

    @freeze_time("2026-11-20 02:00:00")
    def test_deadline_follows_the_hours_of_settings(self):
        self.company.lam_complaint_sla_hours = 4
        complaint = self._complaint("2026-11-03 07:00:00")
        # 2 hours on Tuesday afternoon, 2 on Wednesday morning
        self.assertEqual(complaint.deadline, datetime(2026, 11, 4, 2, 0))

    def test_settings_refuse_nonsense(self):
        for hours in (0, -8, 5000):
            with (
                self.subTest(hours=hours),
                self.assertRaises(CheckViolation),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.company.lam_complaint_sla_hours = hours
                self.env.flush_all()

    def test_a_complaint_is_received_now_or_before(self):
        with self.assertRaises(ValidationError):
            self._complaint("2099-01-01 08:00:00")

    @freeze_time("2026-11-20 02:00:00")
    def test_resolution_measures_working_hours_and_the_deadline(self):
        complaint = self._complaint("2026-11-03 07:00:00")
        complaint.action_start()
        complaint.resolution = "Replaced the batch and flushed the press"
        with freeze_time("2026-11-04 03:00:00"):  # Wednesday 11:00: 2 + 3 working hours
            complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertAlmostEqual(complaint.working_hours, 5.0)
        self.assertTrue(complaint.sla_met)
        with (
            self.assertRaisesRegex(UserError, "how the customer was told"),
            self.env.cr.savepoint(),
        ):
            complaint.action_close()
        complaint.write(
            {
                "feedback_date": "2026-11-04",
                "feedback_method": "phone",
                "satisfaction": "4",
            }
        )
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")
        with self.assertRaises(UserError):
            complaint.description = "Rewritten afterwards"

    def test_resolving_needs_a_resolution(self):
        complaint = self._complaint("2026-11-03 07:00:00")
        with (
            self.assertRaisesRegex(UserError, "how it was resolved"),
            self.env.cr.savepoint(),
        ):
            complaint.action_resolve()

    # --- escalation ------------------------------------------------------
    def test_beyond_the_managers_means_goes_to_the_department_manager_at_once(self):
        with (
            self.assertRaisesRegex(UserError, "explanation given to the customer"),
            self.env.cr.savepoint(),
        ):
            self._complaint("2026-11-03 07:00:00", self_resolvable=False)
        complaint = self._complaint(
            "2026-11-03 07:00:00",
            self_resolvable=False,
            customer_explanation="Our laboratory analyses the sample within three days",
        )
        self.assertEqual(complaint.state, "escalated")
        self.assertEqual(complaint.escalation_reason, "not_resolvable")
        self.assertFalse(complaint.deadline)
        activity = complaint.activity_ids
        self.assertEqual(activity.user_id, self.department_manager)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("lubricant_account_manager.mail_activity_type_lam_complaint"),
        )
        self.assertIn(
            "Our laboratory analyses the sample", complaint.message_ids[0].body
        )
        self.assertIn(
            self.department_manager.partner_id, complaint.message_ids[0].partner_ids
        )
        # the form's "report" button saves it first: reported once, no error
        complaint.action_escalate()
        self.assertEqual(len(complaint.activity_ids), 1)

    def test_the_scheduled_action_writes_in_the_handler_s_language(self):
        """Issue 19, item 6: escalated by the scheduled action, a complaint of a
        manager working in Chinese says so in Chinese, its tracking too."""
        self.manager_a.lang = "zh_CN"
        with freeze_time("2026-11-03 07:00:00"):
            complaint = self._complaint("2026-11-03 07:00:00")
        with freeze_time("2026-11-04 07:01:00"):
            self.assertEqual(self.env["lam.complaint"]._cron_escalate_overdue(), 1)
        bodies = " ".join(complaint.message_ids.mapped("body"))
        self.assertIn("已上报给", bodies)
        self.assertIn("超过处理期限", bodies)
        self.assertNotIn("Deadline Passed", bodies)
        # the tracking values are the settings group's fields
        tracked = complaint.message_ids.sudo().tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertNotIn("Escalated", tracked.mapped("new_value_char"))

    def test_the_scheduled_action_escalates_in_constant_queries(self):
        """Issue 22: escalating 150 late complaints costs the queries of 6 (it
        cost 28 per complaint, then one per complaint for its name, then one
        per hundred, the ORM's batch): one update, the messages with their
        recipients, tracking and names, the Inbox notifications and the
        activities each written in one statement."""
        self.other_department_manager.lang = "zh_CN"
        Complaint = self.env["lam.complaint"]

        def late(count):
            """``count`` late complaints, each of its own customer (a message
            names its complaint by its customer), half of them manager C's."""
            customers = self.env["res.partner"].create(
                [
                    {
                        "name": f"Late customer {index:03d}",
                        "is_company": True,
                        "lam_customer_kind": "terminal",
                        "user_id": (self.manager_a, self.manager_c)[index % 2].id,
                    }
                    for index in range(count)
                ]
            )
            with freeze_time("2026-11-03 07:00:00"):
                return Complaint.concat(
                    *(
                        self._complaint(
                            "2026-11-03 07:00:00",
                            partner=customer,
                            user=customer.user_id,
                        )
                        for customer in customers
                    )
                ).with_env(self.env)

        def escalate():
            with freeze_time("2026-11-04 07:01:00"):
                return Complaint._cron_escalate_overdue()

        # warm caches (translations, groups), measured as the runs below
        late(2)
        self._lam_query_count(escalate)
        late(6)
        small = self._lam_query_count(escalate)
        large = late(150)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            self.assertEqual(escalate(), 150)
        self.assertEqual(set(large.mapped("state")), {"escalated"})
        self.assertEqual(len(large.activity_ids), 150)
        self.assertEqual(
            large.activity_ids.user_id,
            self.department_manager | self.other_department_manager,
        )
        in_chinese = large.filtered(lambda c: c.user_id == self.manager_c)
        self.assertIn("超过处理期限", in_chinese.activity_ids[0].summary)
        message = large[0].message_ids[0]
        self.assertIn("Deadline Passed", message.body)
        self.assertEqual(message.partner_ids, self.department_manager.partner_id)
        self.assertEqual(message.record_name, large[0].display_name)
        self.assertEqual(message.model, "lam.complaint")
        self.assertTrue(message.message_id)
        self.assertEqual(
            message.notification_ids.res_partner_id,
            self.department_manager.partner_id,
        )
        # the department managers follow the complaints, as after an activity
        self.assertIn(
            self.other_department_manager.partner_id,
            in_chinese[-1].message_partner_ids,
        )
        self.assertEqual(large[-1].activity_ids.res_name, large[-1].display_name)
        self.assertEqual(message.notification_ids.notification_type, "inbox")
        self.assertEqual(
            message.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "state"
            ).new_value_char,
            "Escalated",
        )

    def test_the_scheduled_action_escalates_a_late_complaint_once(self):
        with freeze_time("2026-11-03 07:00:00"):
            complaint = self._complaint("2026-11-03 07:00:00")
            complaint.action_start()
        Complaint = self.env["lam.complaint"]
        with freeze_time("2026-11-04 06:59:00"):  # one minute before the deadline
            self.assertEqual(Complaint._cron_escalate_overdue(), 0)
            self.assertEqual(complaint.state, "in_progress")
            # read before: the activity written in one statement is seen after
            self.assertFalse(complaint.activity_ids)
        with freeze_time("2026-11-04 07:01:00"):
            self.assertEqual(Complaint._cron_escalate_overdue(), 1)
        self.assertEqual(complaint.activity_ids.user_id, self.department_manager)
        self.assertEqual(complaint.state, "escalated")
        self.assertEqual(complaint.escalation_reason, "deadline")
        # issue 19, item 18: still past its deadline, and listed so, once escalated
        with freeze_time("2026-11-04 08:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertTrue(complaint.is_overdue)
            self.assertIn(
                complaint,
                self.env["lam.complaint"].search([("is_overdue", "=", True)]),
            )
        messages = complaint.message_ids.filtered(
            lambda message: "Deadline Passed" in (message.body or "")
        )
        self.assertEqual(len(messages), 1)
        with freeze_time("2026-11-05 07:01:00"):
            self.assertEqual(Complaint._cron_escalate_overdue(), 0)
            complaint._lam_escalate("deadline")
        self.assertEqual(len(complaint.activity_ids), 1)
        self.assertEqual(
            len(
                complaint.message_ids.filtered(
                    lambda m: "Deadline Passed" in (m.body or "")
                )
            ),
            1,
        )
        # the department manager resolves it afterwards: late, and said so
        complaint.with_user(self.department_manager).write(
            {"resolution": "Credit note for the batch"}
        )
        with freeze_time("2026-11-05 08:00:00"):
            complaint.with_user(self.department_manager).action_resolve()
        self.assertFalse(complaint.sla_met)

    # --- dealers' complaints ----------------------------------------------
    def test_a_dealers_complaint_is_verified_before_it_is_resolved_or_reported_verified(
        self,
    ):
        complaint = self._complaint(
            "2026-11-03 07:00:00", partner=self.customer_b, user=self.manager_b
        )
        self.assertTrue(complaint.is_dealer)
        complaint.resolution = "Exchanged the drums"
        with (
            self.assertRaisesRegex(UserError, "verified first"),
            self.env.cr.savepoint(),
        ):
            complaint.action_resolve()
        with (
            self.assertRaisesRegex(UserError, "verified first"),
            self.env.cr.savepoint(),
        ):
            complaint.action_report_verified()
        complaint.verification_state = "verified"
        with (
            self.assertRaisesRegex(UserError, "what was checked"),
            self.env.cr.savepoint(),
        ):
            complaint.action_resolve()
        complaint.verification_note = (
            "Lot 2611-03 seen at the dealer's depot: 12 drums dented"
        )
        complaint.action_report_verified()
        self.assertEqual(complaint.escalation_reason, "verified_case")
        self.assertEqual(complaint.activity_ids.user_id, self.department_manager)

    def test_escalation_for_lack_of_means_is_never_blocked_by_verification(self):
        complaint = self._complaint(
            "2026-11-03 07:00:00",
            partner=self.customer_b,
            user=self.manager_b,
            customer_explanation="Our quality department calls you tomorrow",
        )
        self.assertEqual(complaint.verification_state, "pending")
        complaint.action_escalate()
        self.assertEqual(complaint.state, "escalated")

    # --- access and the SLA report ----------------------------------------
    def test_complaints_follow_the_customers_manager(self):
        complaint = self._complaint("2026-11-03 07:00:00")
        self.assertFalse(
            self.env["lam.complaint"]
            .with_user(self.manager_c)
            .search([("id", "=", complaint.id)])
        )
        with self.assertRaises(AccessError):
            complaint.with_user(self.manager_c).read(["description"])
        with self.assertRaises(AccessError):
            self._complaint("2026-11-03 07:00:00", user=self.manager_c)
        with self.assertRaises(AccessError):
            complaint.partner_id = self.customer_c
        self.assertEqual(
            complaint.with_user(self.department_manager).description,
            "Foam in the hydraulic oil",
        )
        with self.assertRaises(UserError):
            complaint.write({"state": "closed"})
        with self.assertRaises(UserError):
            complaint.write({"escalated_at": "2026-11-03 08:00:00"})

    def test_a_colleague_presses_no_button_of_a_complaint(self):
        complaint = self._complaint("2026-11-20 01:00:00")
        complaint.resolution = "Replaced the drum"
        for action in ("action_start", "action_resolve", "action_close"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(complaint.with_user(self.manager_c), action)()
        self.assertEqual(complaint.state, "new")

    def test_the_form_registers_a_complaint(self):
        form = Form(self.Complaint)
        form.partner_id = self.customer_a
        form.description = "Grease hardens in the cold"
        form.category = "quality"
        complaint = form.save()
        self.assertTrue(complaint.name.startswith("CMP"))
        self.assertEqual(complaint.user_id, self.manager_a)
        self.assertTrue(complaint.deadline)

    @freeze_time("2026-11-20 02:00:00")
    def test_sla_figures_per_manager_with_the_median(self):
        resolved_hours = {
            "2026-11-03 07:00:00": [("2026-11-03 08:00:00", 1.0)],  # 1 working hour
            "2026-11-05 01:00:00": [
                ("2026-11-05 06:00:00", 4.0)
            ],  # 9:00 to 14:00, lunch out
            "2026-11-10 00:00:00": [("2026-11-11 09:00:00", 16.0)],
        }  # 2 days: late
        complaints = self.env["lam.complaint"]
        for received, [(resolved, _hours)] in resolved_hours.items():
            complaint = self._complaint(received)
            complaint.resolution = "Done"
            with freeze_time(resolved):
                complaint.action_resolve()
            complaints |= complaint
        self.assertEqual(complaints.mapped("working_hours"), [1.0, 4.0, 16.0])
        late = self._complaint("2026-11-18 00:00:00")  # open past its deadline
        self.env.flush_all()
        sla = (
            self.env["lam.complaint.sla"]
            .with_user(self.manager_a)
            .search([("period", "=", "all")])
        )
        self.assertEqual(sla.user_id, self.manager_a)
        self.assertEqual(sla.complaint_count, 4)
        self.assertEqual(sla.resolved_count, 3)
        self.assertAlmostEqual(sla.median_hours, 4.0)
        self.assertAlmostEqual(sla.on_time_share, 50.0)  # 2 in time of 4 due
        self.assertEqual(sla.open_breaches, 1)
        self.assertTrue(late.is_overdue)
        self.assertIn(
            late,
            self.env["lam.complaint"]
            .with_user(self.manager_a)
            .search([("is_overdue", "=", True)]),
        )
        self.assertFalse(
            self.env["lam.complaint.sla"].with_user(self.manager_c).search([])
        )
        # the SLA report as XLSX and PDF (HTML in tests)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_complaint_sla", complaints.ids
            )[0]
            .decode()
        )
        self.assertIn("Manager A", html)
        self.assertIn("4.0", html)
        # issue 20, item 15: a totals row over every handler
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render_qweb_html(
                "lubricant_account_manager.report_complaint_sla",
                (complaints | late).ids,
            )[0]
            .decode()
        )
        footer = html.split("<tfoot", 1)[1].split("</tfoot>", 1)[0]
        cells = re.findall(r"<span>([^<]*)</span>", footer)
        self.assertEqual(cells, ["4", "3", "4", "50.0", "4.0", "1"])
        # an escalated complaint past its deadline is still open past it
        late.sudo().state = "escalated"
        self.env.flush_all()
        total = self.env["report.lubricant_account_manager.report_complaint_sla"]
        self.assertEqual(
            total._lam_sla_figures(complaints | late)[1]["open_breaches"], 1
        )
        # issue 20, item 16: the XLSX keeps times as dates and times, in the
        # reader's time zone
        self.manager_a.tz = "Asia/Shanghai"
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            ._render(
                "lubricant_account_manager.report_complaint_sla_xlsx",
                complaints[:1].ids,
            )
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[1]
        row = next(
            row
            for row in sheet.iter_rows(values_only=True)
            if row and row[0] == complaints[0].name
        )
        self.assertEqual(row[1], datetime(2026, 11, 3, 15, 0))  # 07:00 UTC
        self.assertEqual(row[7], datetime(2026, 11, 3, 16, 0))
