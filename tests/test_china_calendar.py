# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""China's working hours (issue 19, item 9): 08:30-12:00 and 13:30-17:30,
the public holidays and the make-up working days (调休) of the State
Council's notice, honoured by the complaint deadline and the scorecard's
working time; next year's days imported from an XLSX file; and a demo
company that is a Chinese company."""

import base64
import datetime
import io
import zipfile

import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..tools.working_hours import working_hours_by_day
from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestChinaCalendar(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref(f"{MODULE}.resource_calendar_cn")
        cls.company.lam_complaint_calendar_id = cls.calendar

    def _complaint(self, received_at):
        return (
            self.env["lam.complaint"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "received_at": received_at,
                    "category": "quality",
                    "description": "乳化",
                }
            )
        )

    def _xlsx(self, rows):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["开始日期", "结束日期", "名称", "类别"])
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
        workbook.close()
        return base64.b64encode(buffer.getvalue())

    def _import(self, rows=None, content=None, filename="2027.xlsx"):
        wizard = self.env["lam.holiday.import.wizard"].create(
            {
                "calendar_id": self.calendar.id,
                "file": content if content is not None else self._xlsx(rows),
                "filename": filename,
            }
        )
        return wizard.action_import()

    @freeze_time("2026-10-12 02:00:00")
    def test_a_complaint_on_the_friday_before_a_make_up_saturday(self):
        # Friday 9 October 16:00 in Beijing: 1.5 hours that day; Saturday 10
        # October is worked (国庆节调休): 3.5 in the morning, 3 in the afternoon
        complaint = self._complaint("2026-10-09 08:00:00")
        self.assertEqual(complaint.deadline, datetime.datetime(2026, 10, 10, 8, 30))

    @freeze_time("2026-10-12 02:00:00")
    def test_a_complaint_before_the_national_day_holidays(self):
        # Wednesday 30 September 16:00: 1.5 hours, then 1-7 October off and
        # Thursday 8 October from 08:30 to 16:30
        complaint = self._complaint("2026-09-30 08:00:00")
        self.assertEqual(complaint.deadline, datetime.datetime(2026, 10, 8, 8, 30))

    def test_the_working_week_of_the_calendar(self):
        hours = working_hours_by_day(
            self.calendar, datetime.date(2026, 9, 28), datetime.date(2026, 10, 11)
        )
        self.assertEqual(
            hours,
            {
                datetime.date(2026, 9, 28): 7.5,
                datetime.date(2026, 9, 29): 7.5,
                datetime.date(2026, 9, 30): 7.5,
                datetime.date(2026, 10, 8): 7.5,
                datetime.date(2026, 10, 9): 7.5,
                datetime.date(2026, 10, 10): 7.5,  # make-up Saturday
            },
        )
        # the weekly hours are the ordinary week's, make-up days aside
        self.assertEqual(self.calendar.hours_per_day, 7.5)

    def test_next_years_days_import_once(self):
        rows = [
            [
                datetime.datetime(2027, 10, 1),
                datetime.datetime(2027, 10, 7),
                "国庆节",
                "放假",
            ],
            ["2027-09-26", "2027-09-26", "国庆节调休", "上班"],
            [None, None, None, None],  # a blank row is skipped
            [datetime.datetime(2027, 10, 9), None, "国庆节调休", "调休上班"],
        ]
        action = self._import(rows)
        self.assertEqual(
            action["params"]["message"],
            "1 public holidays and 2 make-up working days added to "
            f"{self.calendar.name}.",
        )
        hours = working_hours_by_day(
            self.calendar, datetime.date(2027, 9, 26), datetime.date(2027, 10, 10)
        )
        self.assertEqual(hours[datetime.date(2027, 9, 26)], 7.5)  # a Sunday worked
        self.assertEqual(hours[datetime.date(2027, 10, 9)], 7.5)  # a Saturday worked
        self.assertNotIn(datetime.date(2027, 10, 4), hours)  # a Monday off
        action = self._import(rows)
        self.assertEqual(
            action["params"]["message"],
            "0 public holidays and 0 make-up working days added to "
            f"{self.calendar.name}.",
        )

    def test_bad_files_and_rows_are_refused_by_name(self):
        cases = (
            (
                [["2027-10-01", "2027-10-07", "国庆节", "休息日"]],
                "Row 2: the kind is 休息日",
            ),
            ([["2027-10-07", "2027-10-01", "国庆节", "放假"]], "Row 2: the last day"),
            ([["十月一日", "", "国庆节", "放假"]], "Row 2: 十月一日 is not a date"),
            ([["1927-10-01", "", "国庆节", "放假"]], "is not a date between 2000"),
            ([["2027-01-01", "2027-12-31", "全年", "放假"]], "longer than 31 days"),
            ([["2027-10-01", "", "", "放假"]], "Row 2: give the day a name"),
            ([], "holds no holiday row"),
            ([["2026-12-24garbage", "", "平安夜", "放假"]], "is not a date"),
            (
                [
                    ["2027-10-01", "2027-10-07", "国庆节", "放假"],
                    ["2027-10-07", "", "国庆节调休", "上班"],
                ],
                "Row 3: 2027-10-07 is given already in row 2",
            ),
        )
        for rows, message in cases:
            with self.subTest(message=message), self.assertRaises(UserError) as raised:
                self._import(rows)
            self.assertIn(message, str(raised.exception))
        with self.assertRaisesRegex(UserError, "empty.xlsx is empty"):
            self._import(content=b"", filename="empty.xlsx")
        with self.assertRaisesRegex(UserError, "not an XLSX workbook"):
            self._import(content=base64.b64encode(b"date,name\n"), filename="x.csv")
        # nothing was written by the refused files
        self.assertFalse(
            self.calendar.global_leave_ids.filtered(
                lambda leave: leave.date_from.year == 2027
            )
        )

    def test_a_damaged_or_huge_file_is_refused_by_name(self):
        # a number cell holding text: openpyxl fails while reading the rows
        content = base64.b64decode(self._xlsx([[46661, 46661, "国庆节", "放假"]]))
        with zipfile.ZipFile(io.BytesIO(content)) as source:
            files = {name: source.read(name) for name in source.namelist()}
        sheet = files["xl/worksheets/sheet1.xml"].decode()
        files["xl/worksheets/sheet1.xml"] = sheet.replace(
            "<v>46661</v>", "<v>NaN-abc</v>", 1
        ).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as damaged:
            for name, data in files.items():
                damaged.writestr(name, data)
        with self.assertRaisesRegex(UserError, "bad.xlsx is not a readable XLSX file"):
            self._import(
                content=base64.b64encode(buffer.getvalue()), filename="bad.xlsx"
            )
        # a file bigger than a year's holidays is refused when given
        with self.assertRaisesRegex(UserError, "huge.xlsx is larger than 1 MB"):
            self.env["lam.holiday.import.wizard"].create(
                {
                    "calendar_id": self.calendar.id,
                    "file": base64.b64encode(b"x" * (1024 * 1024 + 10)),
                    "filename": "huge.xlsx",
                }
            )

    def test_the_template_downloads_with_the_two_kinds(self):
        wizard = self.env["lam.holiday.import.wizard"].create(
            {"calendar_id": self.calendar.id}
        )
        action = wizard.action_download_template()
        self.assertIn("download=true", action["url"])
        self.assertTrue(wizard.filename.endswith(".xlsx"))
        # the template imports as it is: its examples are 2026's, already there
        self.assertEqual(
            wizard.action_import()["params"]["message"],
            "0 public holidays and 0 make-up working days added to "
            f"{self.calendar.name}.",
        )

    def test_only_a_system_administrator_imports(self):
        action = self.calendar.action_lam_import_holidays()
        self.assertEqual(action["res_model"], "lam.holiday.import.wizard")
        form = Form(
            self.env["lam.holiday.import.wizard"].with_context(**action["context"])
        )
        self.assertEqual(form.calendar_id, self.calendar)
        with self.assertRaises(AccessError):
            self.env["lam.holiday.import.wizard"].with_user(
                self.department_manager
            ).create({"calendar_id": self.calendar.id})

    def test_the_demo_company_is_a_chinese_company(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.currency_id.name, "CNY")
        self.assertEqual(company.country_id.code, "CN")
        self.assertEqual(company.resource_calendar_id, self.calendar)
        self.assertEqual(company._lam_tz(), "Asia/Shanghai")
        self.assertTrue(company.logo)
        # every journal item of the demo is in the company's currency
        self.assertFalse(
            self.env["account.move.line"].search_count(
                [
                    ("company_id", "=", company.id),
                    ("currency_id", "!=", company.currency_id.id),
                ]
            )
        )
        self.assertEqual(
            self.env.ref(f"{MODULE}.product_lam_hm46_demo").categ_id.name, "润滑油"
        )

    def test_the_scorecard_counts_make_up_days_and_skips_holidays(self):
        self.company.resource_calendar_id = self.calendar
        Scorecard = self.env["lam.scorecard"]
        Scorecard._lam_refresh(
            self.manager_a, datetime.date(2026, 9, 28), datetime.date(2026, 10, 11)
        )
        days = set(
            Scorecard.search(
                [
                    ("user_id", "=", self.manager_a.id),
                    ("period", "=", "day"),
                    ("date_from", ">=", "2026-09-28"),
                    ("date_from", "<=", "2026-10-11"),
                ]
            ).mapped("date_from")
        )
        self.assertEqual(
            sorted(days),
            [
                datetime.date(2026, 9, 28),
                datetime.date(2026, 9, 29),
                datetime.date(2026, 9, 30),
                datetime.date(2026, 10, 8),
                datetime.date(2026, 10, 9),
                datetime.date(2026, 10, 10),  # 国庆节调休, a Saturday
            ],
        )
