# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Dealers: quotas against our confirmed sales, monthly stock reports (PSI)
that balance and follow on, their XLSX import, violations, assessments
scored from the data and sent to the dealer, and what a channel manager
sees of another's dealers."""

import base64
import io
import re
import tracemalloc
import zipfile

import openpyxl
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LamCommon

XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>")


def rezip(content, replace=None, add=None):
    """An XLSX file (base64) rewritten: parts replaced by ``replace[name](data)``
    and parts added from ``add``."""
    source = zipfile.ZipFile(io.BytesIO(base64.b64decode(content)))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if replace and name in replace:
                data = replace[name](data)
            target.writestr(name, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return base64.b64encode(stream.getvalue())


def xlsx_file(
    rows, header=("Product Code", "Product", "Opening", "Purchases", "Sales", "Closing")
):
    """An XLSX workbook as the dealer fills it in: a title, a header row, the rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["PSI of the month"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    stream = io.BytesIO()
    workbook.save(stream)
    return base64.b64encode(stream.getvalue())


@tagged("post_install", "-at_install")
class TestDealers(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.channel = cls.manager_c  # a channel manager, team West
        cls.dealer = cls.env["res.partner"].create(
            {
                "name": "Chengdu Lubricants Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": cls.channel.id,
                "lam_territory": "Chengdu, Deyang",
                "email": "buyer@cd-lube.example.com",
            }
        )
        cls.hydraulic_oil.default_code = "HM46"
        cls.bulk_oil.default_code = "CI4-BULK"
        # our sales to the dealer in October: 400 L of hydraulic oil and 1.5 t of bulk
        # oil (1,875 L at 0.8)
        cls._create_order(
            cls.dealer,
            [(cls.hydraulic_oil, 400.0), (cls.bulk_oil, 1.5)],
            "2026-10-05 08:00:00",
        )
        cls.PSI = cls.env["lam.dealer.psi"].with_user(cls.channel)

    def _psi(self, month, lines, submitted_on="2026-11-05", dealer=None):
        return self.PSI.create(
            {
                "partner_id": (dealer or self.dealer).id,
                "month": month,
                "submitted_on": submitted_on,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "opening": opening,
                            "purchases": purchases,
                            "sales": sales,
                            "closing": closing,
                        },
                    )
                    for product, opening, purchases, sales, closing in lines
                ],
            }
        )

    # --- terminal customers ----------------------------------------------
    def test_a_dealers_terminal_customers_go_to_his_channel_manager(self):
        terminal = self.env["res.partner"].create(
            {
                "name": "Deyang Turbines",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        # neither his manager (not the dealer's) nor the channel manager (not his
        # customer) links it
        with self.assertRaises(AccessError):
            terminal.with_user(self.manager_a).lam_dealer_id = self.dealer
        with self.assertRaises(AccessError):
            terminal.with_user(self.channel).lam_dealer_id = self.dealer
        terminal.lam_dealer_id = self.dealer
        self.assertEqual(terminal.user_id, self.channel)
        self.assertIn(terminal, self.dealer.lam_dealer_customer_ids)
        self.dealer.user_id = self.manager_b
        self.assertEqual(terminal.user_id, self.manager_b)

    # --- quotas ----------------------------------------------------------
    def test_quota_completion_from_our_confirmed_sales(self):
        category = self.hydraulic_oil.categ_id
        quota = (
            self.env["lam.dealer.quota"]
            .with_user(self.channel)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "month": "2026-10-17",
                    "categ_id": category.id,
                    "target": 4550.0,
                }
            )
        )
        self.assertEqual(str(quota.month), "2026-10-01")
        # both products are in the same category: 400 L + 1,875 L
        self.assertAlmostEqual(quota.actual, 2275.0)
        self.assertAlmostEqual(quota.completion, 50.0)
        with self.assertRaises(ValidationError):
            self.env["lam.dealer.quota"].create(
                {
                    "partner_id": self.customer_a.id,
                    "month": "2026-10-01",
                    "categ_id": category.id,
                    "target": 1.0,
                }
            )

    # --- PSI balance, continuity, comparison -----------------------------
    def test_a_month_balances(self):
        with (
            self.assertRaisesRegex(ValidationError, "not the closing stock 90"),
            self.env.cr.savepoint(),
        ):
            self._psi("2026-10-01", [(self.hydraulic_oil, 100, 400, 380, 90)])
        psi = self._psi("2026-10-01", [(self.hydraulic_oil, 100, 400, 380, 120)])
        self.assertAlmostEqual(psi.sell_through, 76.0)
        self.assertAlmostEqual(psi.stock_cover, 0.3)  # 120 / 380 months, to a tenth
        with self.assertRaises(ValidationError):
            psi.line_ids.sales = 10

    def test_a_month_opens_with_the_previous_closing(self):
        self._psi(
            "2026-09-01",
            [(self.hydraulic_oil, 0, 500, 400, 100)],
            submitted_on="2026-10-08",
        )
        with (
            self.assertRaisesRegex(
                ValidationError,
                "opening stock 80.0 is not the closing stock 100.0 of 2026-09",
            ),
            self.env.cr.savepoint(),
        ):
            self._psi("2026-10-01", [(self.hydraulic_oil, 80, 400, 380, 100)])
        october = self._psi("2026-10-01", [(self.hydraulic_oil, 100, 400, 380, 120)])
        # changing September's closing would break October's opening
        september = self.PSI.search([("month", "=", "2026-09-01")])
        with (
            self.assertRaisesRegex(
                ValidationError, "is not the opening stock 100.0 of 2026-10"
            ),
            self.env.cr.savepoint(),
        ):
            september.line_ids.write({"sales": 350, "closing": 150})
        self.assertTrue(october.on_time)

    def test_purchases_are_compared_with_our_sales(self):
        psi = self._psi(
            "2026-10-01",
            [
                (self.hydraulic_oil, 100, 400, 380, 120),
                (self.bulk_oil, 0, 1500, 1000, 500),
            ],
        )
        hydraulic, bulk = psi.line_ids.sorted(
            lambda line: line.product_id.name == "CI-4 15W-40 Bulk"
        )
        self.assertAlmostEqual(hydraulic.our_sales, 400.0)
        self.assertFalse(hydraulic.flagged)
        self.assertAlmostEqual(bulk.our_sales, 1875.0)
        self.assertAlmostEqual(bulk.difference, -375.0)
        self.assertTrue(bulk.flagged)
        self.assertAlmostEqual(psi.our_sales, 2275.0)
        self.assertEqual(psi.flagged_count, 1)
        # within the tolerance of Settings (25 %), nothing is flagged
        self.company.lam_psi_tolerance = 25
        psi.invalidate_recordset()
        self.assertEqual(psi.flagged_count, 0)

    def test_reported_late(self):
        psi = self._psi(
            "2026-10-01",
            [(self.hydraulic_oil, 0, 400, 300, 100)],
            submitted_on="2026-11-11",
        )
        self.assertFalse(psi.on_time)
        self.company.lam_psi_due_day = 15
        psi.invalidate_recordset()
        self.assertTrue(psi.on_time)

    # --- XLSX import -----------------------------------------------------
    def _wizard(self, content, month="2026-10-01", user=None):
        return (
            self.env["lam.psi.import.wizard"]
            .with_user(user or self.channel)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "month": month,
                    "file": content,
                    "filename": "psi.xlsx",
                }
            )
        )

    @freeze_time("2026-11-05")
    def test_import_of_a_good_file(self):
        wizard = self._wizard(
            xlsx_file(
                [
                    ("HM46", "L-HM 46 Hydraulic Oil", 100, 400, 380, 120),
                    ("", "ci-4 15w-40 bulk", "0", "1,875", 875, 1000),
                ]
            )
        )
        action = wizard.action_import()
        psi = self.PSI.browse(action["res_id"])
        self.assertEqual(psi.partner_id, self.dealer)
        self.assertEqual(str(psi.month), "2026-10-01")
        self.assertEqual(len(psi.line_ids), 2)
        bulk = psi.line_ids.filtered(lambda line: line.product_id == self.bulk_oil)
        self.assertAlmostEqual(bulk.purchases, 1875.0)
        self.assertAlmostEqual(psi.total_closing, 1120.0)
        self.assertEqual(psi.flagged_count, 0)
        self.assertEqual(str(psi.submitted_on), "2026-11-05")
        # imported again, the month is replaced, not doubled
        self._wizard(xlsx_file([("HM46", "", 100, 400, 300, 200)])).action_import()
        self.assertEqual(psi.line_ids.product_id, self.hydraulic_oil)
        self.assertEqual(
            self.PSI.search_count([("partner_id", "=", self.dealer.id)]), 1
        )

    @freeze_time("2026-11-05")
    def test_blank_rows_are_skipped_and_no_row_is_lost(self):
        """Issue 19, item 0: blank rows at the top, in the middle and at the
        end; every product row is read."""
        blank = ("", "", None, None, None, None)
        action = self._wizard(
            xlsx_file(
                [
                    blank,
                    ("HM46", "L-HM 46 Hydraulic Oil", 100, 400, 380, 120),
                    blank,
                    ("   ", "", None, None, None, None),
                    ("", "ci-4 15w-40 bulk", 0, 1875, 875, 1000),
                    blank,
                ]
            )
        ).action_import()
        psi = self.PSI.browse(action["res_id"])
        self.assertEqual(psi.line_ids.product_id, self.hydraulic_oil | self.bulk_oil)
        self.assertEqual(psi.total_closing, 1120.0)

    @freeze_time("2026-11-05")
    def test_an_instruction_sheet_first_and_an_empty_file(self):
        """Issue 19, item 21: the table is found on the sheet with the
        template's header, after an instruction sheet; a 0-byte file says it
        is empty."""
        workbook = openpyxl.Workbook()
        notes = workbook.active
        notes.title = "说明"
        notes.append(["Fill in sales and closing stock on the next sheet."])
        sheet = workbook.create_sheet("PSI")
        sheet.append(
            ["Product Code", "Product", "Opening", "Purchases", "Sales", "Closing"]
        )
        sheet.append(["HM46", "", 100, 400, 380, 120])
        stream = io.BytesIO()
        workbook.save(stream)
        action = self._wizard(base64.b64encode(stream.getvalue())).action_import()
        psi = self.PSI.browse(action["res_id"])
        self.assertEqual(psi.line_ids.product_id, self.hydraulic_oil)
        # a file too long is refused, not read to its end
        with self.assertRaisesRegex(UserError, "more than 2000 product rows"):
            self._wizard(xlsx_file([("HM46", "", 0, 0, 0, 0)] * 2001)).action_import()
        wizard = self._wizard(b"")
        wizard.filename = "october.xlsx"
        with self.assertRaisesRegex(UserError, "october.xlsx is empty"):
            wizard.action_import()

    @freeze_time("2026-11-05")
    def test_a_product_held_last_month_must_be_in_the_file(self):
        """Issue 19, item 0: September closed with 100 L of hydraulic oil; an
        October file without its row is refused, naming it."""
        self._psi(
            "2026-09-01",
            [(self.hydraulic_oil, 0, 500, 400, 100), (self.grease, 0, 50, 50, 0)],
            submitted_on="2026-10-08",
        )
        wizard = self._wizard(xlsx_file([("", "ci-4 15w-40 bulk", 0, 1875, 875, 1000)]))
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            wizard.action_import()
        message = str(caught.exception)
        self.assertIn(
            "L-HM 46 Hydraulic Oil is missing from the file: 2026-09 closed with "
            "100.0 of it",
            message,
        )
        self.assertNotIn("Lithium Grease", message)  # sold out in September
        # no second, misleading message about its opening stock
        self.assertNotIn("is not the closing stock", message)
        self.assertFalse(self.PSI.search([("month", "=", "2026-10-01")]))

    @freeze_time("2026-11-05")
    def test_a_file_with_bad_rows_imports_nothing_and_names_each(self):
        self._psi(
            "2026-09-01",
            [(self.hydraulic_oil, 0, 500, 400, 100)],
            submitted_on="2026-10-08",
        )
        wizard = self._wizard(
            xlsx_file(
                [
                    (
                        "HM46",
                        "",
                        90,
                        400,
                        380,
                        110,
                    ),  # row 3: opens at 90, September closed at 100
                    ("XX-1", "Unknown oil", 1, 1, 1, 1),  # row 4: no such product
                    ("CI4-BULK", "", "lots", 1, 0, 1),  # row 5: not a number
                    ("", "Lithium Grease 2#", 10, 5, 5, 20),  # row 6: does not balance
                    ("HM46", "", 1, 1, 1, 1),  # row 7: twice the same product
                    ("", "Lithium grease 2#", "nan", 0, 0, 0),  # row 8: NaN
                ]
            )
        )
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            wizard.action_import()
        message = str(caught.exception)
        self.assertIn("Nothing was imported", message)
        for expected in (
            "Row 4: no lubricant product XX-1 Unknown oil",
            "Row 5 ([CI4-BULK] CI-4 15W-40 Bulk): 'lots' is not a number",
            "Row 6 (Lithium Grease 2#): opening + purchases - sales = 10.0, not the "
            "closing stock 20",
            "Row 7: [HM46] L-HM 46 Hydraulic Oil is already on another row",
            "Row 8 (Lithium Grease 2#)",
            "opening stock 90.0 is not the closing stock 100.0 of 2026-09",
        ):
            self.assertIn(expected, message)
        self.assertFalse(self.PSI.search([("month", "=", "2026-10-01")]))

    @freeze_time("2026-11-05")
    def test_a_bad_row_is_named_once(self):
        self._psi(
            "2026-09-01",
            [(self.hydraulic_oil, 0, 500, 400, 100)],
            submitted_on="2026-10-08",
        )
        wizard = self._wizard(xlsx_file([("HM46", "", 100, 400, 380, 150)]))
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            wizard.action_import()
        message = str(caught.exception)
        self.assertIn("Row 3 ([HM46] L-HM 46 Hydraulic Oil)", message)
        self.assertNotIn("opening stock 0.0", message)

    def test_a_file_that_is_not_a_workbook(self):
        wizard = self._wizard(base64.b64encode(b"opening;purchases\n1;2"))
        with (
            self.assertRaisesRegex(UserError, "not an XLSX workbook"),
            self.env.cr.savepoint(),
        ):
            wizard.action_import()

    @freeze_time("2026-11-05")
    def test_the_template_imports_as_it_is(self):
        self._psi(
            "2026-09-01", [(self.grease, 0, 50, 20, 30)], submitted_on="2026-10-08"
        )
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.channel)
            ._render(
                "lubricant_account_manager.report_psi_template",
                self.dealer.ids,
                data={"month": "2026-10-01"},
            )
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        rows = [
            row
            for row in sheet.iter_rows(values_only=True)
            if row[0] in ("HM46", "CI4-BULK", "")
        ]
        self.assertTrue(rows)
        psi = self.PSI.browse(
            self._wizard(base64.b64encode(content)).action_import()["res_id"]
        )
        self.assertEqual(
            set(psi.line_ids.product_id.mapped("name")),
            {"L-HM 46 Hydraulic Oil", "CI-4 15W-40 Bulk", "Lithium Grease 2#"},
        )
        grease = psi.line_ids.filtered(lambda line: line.product_id == self.grease)
        self.assertEqual((grease.opening, grease.closing), (30.0, 30.0))
        self.assertEqual(psi.flagged_count, 0)

    # --- hostile files (issue 21, items 1-4) ------------------------------
    def _import_refused(self, content, pattern):
        """The import's refusal of ``content`` (it matches ``pattern``), and
        the peak of the memory Python allocated while refusing it (bytes)."""
        wizard = self._wizard(content)
        tracemalloc.start()
        try:
            with (
                self.assertRaisesRegex(UserError, pattern) as caught,
                self.env.cr.savepoint(),
            ):
                wizard.action_import()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        self.assertFalse(self.PSI.search([("partner_id", "=", self.dealer.id)]))
        return str(caught.exception), peak

    @freeze_time("2026-11-05")
    def test_a_zip_bomb_is_refused_from_its_directory(self):
        """A small file that would unpack to 30 MB is refused with the limits,
        before anything is unpacked."""
        content = rezip(
            xlsx_file([("HM46", "", 100, 400, 380, 120)]),
            add={"xl/media/padding.bin": b"\0" * (30 * 1024 * 1024)},
        )
        self.assertLess(len(base64.b64decode(content)), 100 * 1024)
        message, peak = self._import_refused(
            content, r"would unpack to 30\.\d MB: .* at most 20 MB unpacked"
        )
        self.assertLess(peak, 5 * 1024 * 1024)

    @freeze_time("2026-11-05")
    def test_rows_are_capped_and_products_looked_up_once(self):
        """The row cap is a setting; the products are read once per file,
        whatever its rows; a refusal names the first 20 bad rows and counts
        the others."""
        self.company.lam_psi_import_max_rows = 50
        message, peak = self._import_refused(
            xlsx_file([("HM46", "", 0, 0, 0, 0)] * 10000), "more than 50 product rows"
        )
        self.assertLess(peak, 10 * 1024 * 1024)
        self.company.lam_psi_import_max_rows = 2000
        queries = {}
        # the first import fills the caches of access rights and rules
        for count in (3, 30, 300):
            wizard = self._wizard(
                xlsx_file(
                    [
                        (f"X{row}", f"Unknown oil {row}", 0, 1, 1, 0)
                        for row in range(count)
                    ]
                )
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with (
                self.assertRaisesRegex(UserError, "no lubricant product") as caught,
                self.env.cr.savepoint(),
            ):
                wizard.action_import()
            queries[count] = self.env.cr.sql_log_count - before
            message = str(caught.exception)
        self.assertEqual(queries[30], queries[300])
        self.assertLessEqual(queries[300], 15)
        self.assertIn("Row 22: no lubricant product X19 Unknown oil 19", message)
        self.assertNotIn("Unknown oil 20", message)
        self.assertIn("… and 280 more rows.", message)

    @freeze_time("2026-11-05")
    def test_a_malformed_workbook_is_refused_clearly(self):
        """A damaged sheet, an XML bomb and an external entity: each a clear
        refusal, the bomb never expanded."""
        good = xlsx_file([("HM46", "", 100, 400, 380, 120)])
        sheet = "xl/worksheets/sheet1.xml"
        laughs = "".join(
            f'<!ENTITY l{level} "{"&l%s;" % (level - 1) * 10}">'
            for level in range(1, 10)
        )
        bomb = (
            f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{laughs}]>'
        ).encode()
        for label, replace, pattern in (
            ("damaged", lambda data: data[: len(data) // 2], "a cell or the workbook"),
            (
                "bomb",
                lambda data: bomb
                + XML_DECLARATION.sub(b"", data).replace(b"<v>", b"<v>&l9;", 1),
                "declares a DTD",
            ),
            (
                "external entity",
                lambda data: b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM '
                b'"file:///etc/passwd">]>' + XML_DECLARATION.sub(b"", data),
                "declares a DTD",
            ),
        ):
            with self.subTest(label):
                message, peak = self._import_refused(
                    rezip(good, replace={sheet: replace}),
                    f"psi.xlsx is not a readable XLSX file: .*{pattern}",
                )
                self.assertLess(peak, 5 * 1024 * 1024)

    @freeze_time("2026-11-05")
    def test_merged_cells_are_named(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(
            ["Product Code", "Product", "Opening", "Purchases", "Sales", "Closing"]
        )
        sheet.append(["HM46", "L-HM 46 Hydraulic Oil", 100, 400, 380, 120])
        sheet.merge_cells("A2:B2")
        stream = io.BytesIO()
        workbook.save(stream)
        self._import_refused(
            base64.b64encode(stream.getvalue()),
            "Cells A2:B2 of sheet Sheet are merged",
        )

    def test_another_channel_manager_cannot_import_or_download(self):
        with self.assertRaises(AccessError):
            self._wizard(
                xlsx_file([("HM46", "", 0, 400, 300, 100)]), user=self.manager_b
            ).action_import()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager_b)._render(
                "lubricant_account_manager.report_psi_template",
                self.dealer.ids,
                data={"month": "2026-10-01"},
            )

    def _psi_reminders(self, day):
        with freeze_time(f"{day} 04:00:00"):
            self.env["lam.dealer.psi"]._cron_psi_reminders()
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.dealer.id),
                ("lam_psi_month", "!=", False),
            ]
        )

    def test_a_month_not_reported_by_its_due_day_is_reminded(self):
        """Issue 18, item 14 (Art. 14.1): October is due on 10 November."""
        self.assertFalse(self._psi_reminders("2026-11-10"))
        reminder = self._psi_reminders("2026-11-11")
        self.assertEqual(
            (len(reminder), reminder.user_id, str(reminder.lam_psi_month)),
            (1, self.channel, "2026-10-01"),
        )
        self.assertEqual(self._psi_reminders("2026-11-12"), reminder)
        self.PSI.create({"partner_id": self.dealer.id, "month": "2026-10-01"})
        self.assertFalse(self._psi_reminders("2026-11-13"))

    # --- violations and assessments ---------------------------------------
    def _violation(self, state="confirmed", date="2026-09-12"):
        violation = (
            self.env["lam.channel.violation"]
            .with_user(self.channel)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "violation_type": "cross_territory",
                    "date": date,
                    "place": "Mianyang",
                    "description": "Our drums with his batch numbers sold in Mianyang",
                }
            )
        )
        if state == "confirmed":
            with (
                self.assertRaisesRegex(UserError, "attach the evidence"),
                self.env.cr.savepoint(),
            ):
                violation.action_confirm()
            violation.evidence_ids = [
                (
                    0,
                    0,
                    {
                        "name": "invoice.jpg",
                        "datas": base64.b64encode(b"jpg"),
                        "res_model": "lam.channel.violation",
                        "res_id": violation.id,
                    },
                )
            ]
            violation.action_confirm()
        return violation

    @freeze_time("2026-11-20")
    def test_assessment_scored_from_the_data(self):
        category = self.hydraulic_oil.categ_id
        self.env["lam.dealer.quota"].with_user(self.channel).create(
            [
                {
                    "partner_id": self.dealer.id,
                    "month": "2026-10-01",
                    "categ_id": category.id,
                    "target": 4550.0,
                },
                {
                    "partner_id": self.dealer.id,
                    "month": "2026-09-01",
                    "categ_id": category.id,
                    "target": 1000.0,
                },
            ]
        )
        self._psi(
            "2026-08-01", [(self.hydraulic_oil, 0, 0, 0, 0)], submitted_on="2026-09-09"
        )  # on time
        self._psi(
            "2026-09-01",
            [(self.hydraulic_oil, 0, 500, 400, 100)],
            submitted_on="2026-10-20",
        )  # late
        self._psi(
            "2026-10-01",
            [(self.hydraulic_oil, 100, 400, 380, 120)],
            submitted_on="2026-11-10",
        )  # on time
        self._violation()
        self._violation(state="reported")
        self._violation(date="2026-06-01")  # before the period
        assessment = (
            self.env["lam.dealer.assessment"]
            .with_user(self.channel)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2026-08-01",
                    "date_to": "2026-10-31",
                }
            )
        )
        self.assertEqual(len(assessment.line_ids), 5)
        assessment.action_compute_scores()
        scores = {
            line.criterion_id.source + str(line.sequence): line.score
            for line in assessment.line_ids
        }
        self.assertEqual(
            scores,
            {
                "quota10": 41.0,
                "psi20": 66.7,
                "violations30": 75.0,
                "manual40": 0.0,
                "manual50": 0.0,
            },
        )
        # 2,275 L bought in October, nothing in September, of 5,550 L: 41.0 %
        # a score from the data and the weights are not the channel manager's
        # (issue 17, hole 12)
        automatic = assessment.line_ids.filtered("automatic")
        with self.assertRaisesRegex(UserError, "data"):
            automatic[0].write({"score": 100})
        with self.assertRaisesRegex(UserError, "weight"):
            assessment.line_ids[0].write({"weight": 0})
        with self.assertRaisesRegex(UserError, "weight"):
            assessment.write(
                {
                    "line_ids": [
                        Command.update(assessment.line_ids[-1].id, {"weight": 0})
                    ]
                }
            )
        self.assertEqual(automatic[0].score, 41.0)
        manual = assessment.line_ids.filtered(lambda line: not line.automatic)
        manual.write({"score": 80})
        self.assertAlmostEqual(
            assessment.total, (41.0 + 66.7 + 75.0 + 80 + 80) / 5, places=1
        )
        self.assertEqual(assessment.grade, "c")
        assessment.action_done()
        with self.assertRaises(ValidationError):
            manual[0].score = 100

    @freeze_time("2026-11-20")
    def test_feedback_mail_carries_the_pdf(self):
        assessment = (
            self.env["lam.dealer.assessment"]
            .with_user(self.channel)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2026-08-01",
                    "date_to": "2026-10-31",
                    "remarks": "Report the PSI by the 10th",
                }
            )
        )
        with (
            self.assertRaisesRegex(UserError, "Finish the assessment"),
            self.env.cr.savepoint(),
        ):
            assessment.action_send_feedback()

        def html():
            return (
                self.env["ir.actions.report"]
                .with_user(self.channel)
                ._render_qweb_html(
                    "lubricant_account_manager.report_dealer_assessment",
                    assessment.ids,
                )[0]
                .decode()
            )

        # issue 20, item 13: a draft not scored yet prints no figures (not
        # 0.0 / 100 and grade D)
        self.assertNotIn("0.0", html().split('name="table_criteria"')[0][-900:])
        self.assertNotIn("/ 100", html())
        # nor in the workbook (the third review)
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.channel)
            ._render_xlsx(
                "lubricant_account_manager.report_dealer_assessment_xlsx",
                assessment.ids,
                {},
            )
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        rows = [[cell.value for cell in row] for row in book.worksheets[0].iter_rows()]
        at = next(index for index, row in enumerate(rows) if row[0] == "Dealer")
        header, first = rows[at], rows[at + 1]
        self.assertEqual(first[header.index("Total")], None)
        self.assertEqual(first[header.index("Grade")], None)
        criteria = [
            [cell.value for cell in row] for row in book.worksheets[1].iter_rows()
        ]
        at = next(index for index, row in enumerate(criteria) if row[0] == "Dealer")
        self.assertEqual({row[4] for row in criteria[at + 1 :]}, {None})
        assessment.line_ids.write({"score": 90})
        self.assertIn("90.0", html())
        # issue 20, item 12: a draft prints its mark, every one its signatures
        self.assertIn('name="draft_mark"', html())
        assessment.action_done()
        self.assertNotIn('name="draft_mark"', html())
        self.assertIn('name="table_signatures"', html())
        assessment.action_send_feedback()
        self.assertEqual(assessment.state, "sent")
        self.assertTrue(assessment.feedback_sent_on)
        message = assessment.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )[:1]
        self.assertIn(self.dealer, message.partner_ids)
        self.assertEqual(len(message.attachment_ids), 1)
        # the assessment report (tests render PDFs as HTML)
        # named by the report in the dealer's language; tests render PDFs as HTML
        self.assertRegex(
            message.attachment_ids.name,
            r" - Chengdu Lubricants Trading - 2026-10-31\.(pdf|html)$",
        )
        self.assertIn(b"Report the PSI by the 10th", message.attachment_ids.raw)
        self.assertIn("Report the PSI by the 10th", message.body)
        mail = (
            self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        )
        self.assertTrue(mail)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn(self.dealer, mail.recipient_ids)

    # --- what another channel manager sees ---------------------------------
    def test_channel_managers_see_only_their_dealers(self):
        psi = self._psi("2026-10-01", [(self.hydraulic_oil, 100, 400, 380, 120)])
        other = self.customer_b  # manager B's dealer
        self.assertFalse(
            self.env["lam.dealer.psi"].with_user(self.manager_b).search([])
        )
        with self.assertRaises(AccessError):
            psi.with_user(self.manager_b).read(["total_sales"])
        with self.assertRaises(AccessError):
            self._psi("2026-10-01", [(self.hydraulic_oil, 0, 0, 0, 0)], dealer=other)
        with self.assertRaises(AccessError):
            psi.line_ids.with_user(self.manager_b).write({"sales": 1})
        # the department manager of West sees the team's dealer
        self.assertEqual(
            self.env["lam.dealer.psi"]
            .with_user(self.other_department_manager)
            .search([]),
            psi,
        )
        # the PSI analysis report prints only what the user may read
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager_b)._render_qweb_html(
                "lubricant_account_manager.report_psi_analysis", psi.ids
            )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.channel)
            ._render_qweb_html(
                "lubricant_account_manager.report_psi_analysis", psi.ids
            )[0]
            .decode()
        )
        self.assertIn("Chengdu Lubricants Trading", html)
        self.assertIn("76.0", html)
        # the months printed; a dealer's months stay on one page with the
        # suggestions on them
        self.assertIn("Months: <span>2026-10</span>", html)
        block = html.split('name="dealer_block"', 1)[1].split(">", 1)[0]
        self.assertIn("page-break-inside: avoid", block)
        # none written yet: the section leaves room to write them
        self.assertIn('name="tr_no_suggestions"', html)
        # issue 20, item 15: the channel manager's opinions and suggestions
        # (Art. 14.1) print with the analysis; finance prints it too
        psi.with_user(self.channel).suggestions = "Stock cover too high: slow down"
        report = self.env.ref("lubricant_account_manager.action_report_psi_analysis")
        self.assertIn(
            self.env.ref("lubricant_account_manager.group_lam_finance"),
            report.groups_id,
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                "lubricant_account_manager.report_psi_analysis", psi.ids
            )[0]
            .decode()
        )
        self.assertIn(
            "Stock cover too high: slow down",
            html.split('name="table_suggestions"', 1)[1],
        )


@tagged("post_install", "-at_install")
class TestComplaintsAndDealersAttacks(LamCommon):
    """What a review found, tried as a manager would through RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer = cls.env["res.partner"].create(
            {
                "name": "Chengdu Lubricants Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": cls.manager_c.id,
            }
        )

    def _complaint(self, user, partner, **vals):
        return (
            self.env["lam.complaint"]
            .with_user(user)
            .create({"partner_id": partner.id, "description": "Leaking drums", **vals})
        )

    def test_a_closed_complaint_stays_closed(self):
        complaint = self._complaint(
            self.manager_a, self.customer_a, resolution="Exchanged"
        )
        complaint.action_resolve()
        complaint.write(
            {
                "feedback_date": "2026-11-20",
                "feedback_method": "phone",
                "satisfaction": "5",
            }
        )
        complaint.action_close()
        for action in (
            "action_report_verified",
            "action_escalate",
            "action_resolve",
            "action_start",
        ):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(complaint, action)()
        self.assertEqual(complaint.state, "closed")

    def test_an_assessment_scores_the_criteria_with_their_weights(self):
        """Review of issue 17 (M2, M3): a channel manager neither chooses the
        lines of an assessment (one criterion of his own at weight 100) nor moves
        a line into another assessment."""
        Assessment = self.env["lam.dealer.assessment"].with_user(self.manager_c)
        criterion = self.env["lam.assessment.criterion"].search([], limit=1)
        with self.assertRaises(AccessError):
            Assessment.create(
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2026-05-01",
                    "date_to": "2026-10-31",
                    "line_ids": [
                        Command.create(
                            {
                                "criterion_id": criterion.id,
                                "weight": 100.0,
                                "score": 100.0,
                            }
                        )
                    ],
                }
            )
        first, second = Assessment.create(
            [
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2026-05-01",
                    "date_to": "2026-10-31",
                },
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2025-11-01",
                    "date_to": "2026-04-30",
                },
            ]
        )
        criteria = self.env["lam.assessment.criterion"].search([])
        self.assertEqual(first.line_ids.criterion_id, criteria)
        self.assertEqual(
            {line.criterion_id: line.weight for line in first.line_ids},
            {criterion: criterion.weight for criterion in criteria},
        )
        with self.assertRaises(AccessError):
            first.line_ids[:1].write({"assessment_id": second.id})
        self.assertEqual(len(second.line_ids), len(criteria))

    def test_system_fields_are_refused_at_creation(self):
        with self.assertRaises(UserError):
            self._complaint(
                self.manager_a,
                self.customer_a,
                state="closed",
                resolved_at="2026-01-01 00:00:00",
            )
        with self.assertRaises(UserError):
            self.env["lam.channel.violation"].with_user(self.manager_c).create(
                {"partner_id": self.dealer.id, "description": "x", "state": "confirmed"}
            )
        with self.assertRaises(UserError):
            self.env["lam.dealer.assessment"].with_user(self.manager_c).create(
                {"partner_id": self.dealer.id, "assessor_id": self.manager_a.id}
            )
        with self.assertRaises(ValidationError):
            self._complaint(self.manager_a, self.customer_a, contact_id="abc")

    def test_when_a_complaint_was_received_is_kept(self):
        complaint = self._complaint(self.manager_a, self.customer_a)
        with self.assertRaises(UserError):
            complaint.received_at = fields.Datetime.now()
        with self.assertRaises(ValidationError):
            self._complaint(
                self.manager_a, self.customer_a, received_at="1900-01-01 00:00:00"
            )

    def test_evidence_is_ones_own_and_a_decided_violation_is_kept(self):
        Violation = self.env["lam.channel.violation"]
        other_dealer = self.env["res.partner"].create(
            {
                "name": "Bohai Oil Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": self.manager_a.id,
            }
        )
        theirs = Violation.with_user(self.manager_a).create(
            {"partner_id": other_dealer.id, "description": "x"}
        )
        photo = (
            self.env["ir.attachment"]
            .with_user(self.manager_a)
            .create(
                {
                    "name": "photo.jpg",
                    "raw": b"jpg",
                    "res_model": "lam.channel.violation",
                    "res_id": theirs.id,
                }
            )
        )
        mine = Violation.with_user(self.manager_c).create(
            {"partner_id": self.dealer.id, "description": "y"}
        )
        with self.assertRaises(AccessError):
            mine.evidence_ids = [(4, photo.id)]
        own = (
            self.env["ir.attachment"]
            .with_user(self.manager_c)
            .create(
                {
                    "name": "invoice.jpg",
                    "raw": b"jpg",
                    "res_model": "lam.channel.violation",
                    "res_id": mine.id,
                }
            )
        )
        mine.evidence_ids = [(4, own.id)]
        mine.action_confirm()
        with self.assertRaises(UserError):
            mine.date = "2000-01-01"
        with self.assertRaises(UserError):
            mine.evidence_ids = [(5, 0, 0)]
        mine.measures = "Rebate cut by 2 %"
        self.assertEqual(mine.measures, "Rebate cut by 2 %")

    def test_nobody_slips_a_customer_to_another_managers_dealer(self):
        # at creation
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.manager_a).create(
                {
                    "name": "Deyang Turbines",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "user_id": self.manager_a.id,
                    "lam_dealer_id": self.dealer.id,
                }
            )
        # through the kind: a prospect handed to the dealer, then made a terminal
        # customer
        prospect = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create(
                {
                    "name": "Mianyang Mills",
                    "is_company": True,
                    "lam_customer_kind": "prospect",
                    "user_id": self.manager_a.id,
                }
            )
        )
        prospect.lam_dealer_id = self.dealer
        with self.assertRaises(AccessError):
            prospect.lam_customer_kind = "terminal"
        # a linked terminal customer does not move alone, and a no-op write on the
        # dealer pulls nobody in
        terminal = self.env["res.partner"].create(
            {
                "name": "Leshan Cement",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
                "lam_dealer_id": self.dealer.id,
            }
        )
        self.assertEqual(terminal.user_id, self.manager_c)
        with self.assertRaises(UserError):
            terminal.with_user(self.other_department_manager).user_id = self.manager_b
        terminal.write({"lam_dealer_id": False})
        terminal.user_id = self.manager_a
        terminal.lam_dealer_id = (
            self.dealer
        )  # the superuser links it again: back to the channel manager
        self.assertEqual(terminal.user_id, self.manager_c)
        terminal.sudo().write({"user_id": self.manager_a.id})  # the system may
        self.dealer.with_user(self.manager_c).write({"user_id": self.manager_c.id})
        self.assertEqual(terminal.user_id, self.manager_a)

    def test_the_template_refuses_a_month_it_cannot_read(self):
        for month in ("garbage", "0001-01-01", "9999-12-31", 12):
            with self.subTest(month=month), self.assertRaises(UserError):
                self.env["ir.actions.report"].with_user(self.manager_c)._render(
                    "lubricant_account_manager.report_psi_template",
                    self.dealer.ids,
                    data={"month": month},
                )

    def test_a_stock_report_counts_lubricants(self):
        wrench = self._create_product("Torque wrench", self.uom_unit, lubricant=False)
        with self.assertRaises(ValidationError):
            self.env["lam.dealer.psi"].with_user(self.manager_c).create(
                {
                    "partner_id": self.dealer.id,
                    "month": "2026-10-01",
                    "line_ids": [
                        (0, 0, {"product_id": wrench.id, "opening": 1, "closing": 1})
                    ],
                }
            )
