# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime
import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestArchiveReports(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a.write(
            {
                "lam_uscc": "91110000600037341L",
                "lam_legal_representative": "Zhao Gang",
                "lam_employee_count": 3200,
                "lam_current_brands": "Brand X",
            }
        )
        cls.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "parent_id": cls.customer_a.id,
                "lam_is_key_person": True,
                "lam_key_role": "equipment_officer",
            }
        )
        cls._create_equipment(
            cls.customer_a,
            name="Rolling mill gearbox",
            quantity=4,
            oil_source="ours",
            product_id=cls.hydraulic_oil.id,
            oil_capacity=800.0,
        )
        # Confirmed orders in September and October, a draft one that must not count.
        cls.order_sep = cls._create_order(
            cls.customer_a, [(cls.bulk_oil, 2.0)], "2026-09-15 08:00:00"
        )
        cls.order_oct = cls._create_order(
            cls.customer_a, [(cls.hydraulic_oil, 400.0)], "2026-10-03 08:00:00"
        )
        cls._create_order(
            cls.customer_a,
            [(cls.hydraulic_oil, 999.0)],
            "2026-10-20 08:00:00",
            confirm=False,
        )
        cls.env["lam.oil.usage"].create(
            {
                "partner_id": cls.customer_a.id,
                "date": "2026-10-10",
                "product_id": cls.hydraulic_oil.id,
                "quantity": 180.0,
                "uom_id": cls.uom_litre.id,
                "note": "Press line refill",
            }
        )

    def _render_html(self, report_ref, partners, data=None, user=None):
        report = self.env["ir.actions.report"]
        if user:
            report = report.with_user(user)
        html, _type = report._render_qweb_html(report_ref, partners.ids, data=data)
        # the documents only: the layout around them is Odoo's
        return html.decode().split('<div class="page o_lam_report">', 1)[1]

    def _open_xlsx(self, wizard, data_only=False):
        """Run the wizard's XLSX action as the web client and report_xlsx's controller
        would."""
        action = wizard.action_export_xlsx()
        self.assertEqual(
            (action["type"], action["report_type"]), ("ir.actions.report", "xlsx")
        )
        report = (
            self.env["ir.actions.report"]
            .with_user(wizard.env.user)
            .with_context(**action["context"])
        )
        content, _type = report._render_xlsx(
            action["report_name"],
            None,
            data={
                **action["data"],
                "context": action["context"],
            },
        )
        return load_workbook(io.BytesIO(content), data_only=data_only)

    def test_p9_html_values(self):
        html = self._render_html(
            f"{MODULE}.action_report_p9", self.customer_a, user=self.manager_a
        )
        for expected in (
            "Anshan Steel Works",
            "91110000600037341L",
            "Zhao Gang",
            "3,200",
            "Wang Lei",
            "Equipment Officer",
            "Rolling mill gearbox",
            "Brand X hydraulic oil 14.5 CNY/L",
        ):
            self.assertIn(expected, html)

    def test_p9_hides_competitor_prices_from_finance(self):
        html = self._render_html(
            f"{MODULE}.action_report_p9", self.customer_a, user=self.finance
        )
        self.assertIn("Zhao Gang", html)
        self.assertNotIn("14.5 CNY/L", html)

    def test_p9_leaves_unknown_figures_blank(self):
        # issue 20, item 13: a registered capital or a headcount not known (0)
        # prints blank, in the PDF and in the XLSX
        self.customer_a.sudo().write(
            {"lam_registered_capital": 0.0, "lam_employee_count": 0}
        )
        html = self._render_html(
            f"{MODULE}.action_report_p9", self.customer_a, user=self.manager_a
        )
        for name in ("td_capital", "td_employees"):
            cell = html.split(f'name="{name}"', 1)[1].split("</td>", 1)[0]
            self.assertNotRegex(cell, r"\d", name)
        self.customer_a.sudo().write(
            {"lam_registered_capital": 500.0, "lam_employee_count": 120}
        )
        html = self._render_html(
            f"{MODULE}.action_report_p9", self.customer_a, user=self.manager_a
        )
        self.assertIn("500.00", html)
        self.assertIn("120", html.split('name="td_employees"', 1)[1][:200])

    def test_p9_in_chinese_for_chinese_user(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            [MODULE], ["zh_CN"], overwrite=True
        )
        self.manager_a.lang = "zh_CN"
        html = self._render_html(
            f"{MODULE}.action_report_p9", self.customer_a, user=self.manager_a
        )
        self.assertIn("客户档案", html)
        self.assertIn("统一社会信用代码", html)
        self.assertIn("终端客户", html)
        self.assertNotIn("Business Registration", html)

    @freeze_time("2026-11-28")
    def test_p10_html_purchases_usage_and_credit(self):
        self.customer_a.write({"lam_credit_rating": "a"})
        html = self._render_html(
            f"{MODULE}.action_report_p10",
            self.customer_a,
            data={"date_from": "2026-09-01", "date_to": "2026-11-30"},
            user=self.manager_a,
        )
        self.assertIn("2026-09", html)
        # 2 t of bulk oil at 0.8 kg/L, in litres; volumes with one decimal
        self.assertIn(">2,500.0<", html)
        self.assertIn(">400.0<", html)
        self.assertNotIn("999", html)  # draft order
        self.assertIn("Press line refill", html)
        self.assertIn("rating", html)

    def test_p10_names_who_asked_and_who_approved_a_credit_change(self):
        # issue 20, item 7: the demo's credit changes are not OdooBot's; P10
        # names the manager who asked and finance who approved
        events = self.env["lam.credit.event"].search([])
        self.assertTrue(events)
        self.assertNotIn(self.env.ref("base.user_root"), events.changed_by_id)
        customer = self.env.ref(f"{MODULE}.partner_lam_02_demo")
        finance = self.env.ref(f"{MODULE}.user_lam_finance_demo")
        event = customer.lam_credit_event_ids
        self.assertEqual(
            (event.requested_by_id, event.changed_by_id), (customer.user_id, finance)
        )
        day = event.date.date()
        html = self._render_html(
            f"{MODULE}.action_report_p10",
            customer,
            data={
                "date_from": (day - datetime.timedelta(days=1)).isoformat(),
                "date_to": (day + datetime.timedelta(days=1)).isoformat(),
            },
            user=finance,
        )
        credit = html.split('name="table_credit"', 1)[1]
        self.assertIn(customer.user_id.name, credit)
        self.assertIn(finance.name, credit)
        self.assertNotIn("OdooBot", credit)

    def test_p10_of_several_leaves_out_a_customer_with_nothing(self):
        # issue 20: a customer with no purchase, usage, sample or credit
        # change in the period prints no near-empty page; the first page
        # names him. Alone, he still prints.
        quiet = self.env["res.partner"].create(
            {
                "name": "Quiet Works",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        data = {"date_from": "2026-09-01", "date_to": "2026-11-30"}
        report = self.env[
            "report.lubricant_account_manager.report_p10_archive_dynamic"
        ].with_user(self.manager_a)
        values = report._get_report_values((self.customer_a | quiet).ids, data)
        self.assertEqual((values["docs"], values["left_out"]), (self.customer_a, quiet))
        html = self._render_html(
            f"{MODULE}.action_report_p10",
            self.customer_a | quiet,
            data=data,
            user=self.manager_a,
        )
        self.assertIn("Quiet Works", html.split('name="left_out"', 1)[1][:400])
        self.assertEqual(html.count("<h3"), 1)
        # what the period holds none of is one line, not empty tables: no
        # empty section is left alone on a last page
        self.assertIn("Oil Samples", html.split('name="nothing"', 1)[1][:300])
        self.assertNotIn('name="table_samples"', html)
        self.assertIn('name="table_purchases"', html)
        values = report._get_report_values(quiet.ids, data)
        self.assertEqual((values["docs"], values["left_out"]), (quiet, quiet.browse()))

    def test_p10_period_excludes_older_purchases(self):
        html = self._render_html(
            f"{MODULE}.action_report_p10",
            self.customer_a,
            data={"date_from": "2026-10-01", "date_to": "2026-10-31"},
        )
        self.assertNotIn("2026-09", html)
        self.assertIn("2026-10", html)

    def test_p9_xlsx_cells(self):
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.manager_a)
            .create({"report_code": "p9"})
        )
        workbook = self._open_xlsx(wizard)
        sheet = workbook.worksheets[0]
        self.assertEqual(sheet["A1"].value, "P9 Customer Archive (Basic)")
        # issue 20, item 16: the company's name in the title row
        self.assertEqual(
            sheet.cell(1, sheet.max_column).value, self.customer_a.env.company.name
        )
        headers = [cell.value for cell in sheet[4]]
        row = dict(zip(headers, [cell.value for cell in sheet[5]], strict=False))
        self.assertEqual(
            row["Customer"], "Anshan Steel Works"
        )  # only manager A's customer
        self.assertIsNone(sheet["A6"].value)
        self.assertEqual(row["Unified Social Credit Code"], "91110000600037341L")
        self.assertEqual(row["Employees"], 3200)
        self.assertAlmostEqual(row["Coverage by Our Products (%)"], 1.0)
        self.assertEqual(
            row["Competitor Purchase Prices"], "Brand X hydraulic oil 14.5 CNY/L"
        )
        equipment = workbook.worksheets[2]
        self.assertEqual(equipment["B5"].value, "Rolling mill gearbox")
        self.assertEqual(equipment["E5"].value, 4)
        # totals row under the columns that add up, autofilter, A4 print setup
        self.assertEqual(equipment["A6"].value, "Total")
        self.assertEqual(equipment["E6"].value, "=SUBTOTAL(9,E5:E5)")
        self.assertEqual(equipment.auto_filter.ref, "A4:K5")
        self.assertEqual(equipment.page_setup.paperSize, 9)
        self.assertEqual(equipment.print_title_rows, "$4:$4")
        # issue 20, item 5: a narrow list is fitted to the page's width; P9's
        # archive (27 columns) would print at about 4 pt so: it keeps 80 % and
        # goes over several pages, its header row and customer column repeated
        self.assertTrue(equipment.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(equipment.page_setup.fitToHeight, 0)  # pages down: any
        archive = workbook.worksheets[0]
        self.assertFalse(archive.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(archive.page_setup.scale, 80)
        self.assertEqual(archive.page_setup.orientation, "landscape")
        self.assertEqual(archive.print_title_cols, "$A:$A")
        # and each customer's archive is a sheet laid out as the paper form:
        # label beside value, portrait on one page's width
        form = workbook["Anshan Steel Works"]
        self.assertEqual(len(workbook.worksheets), 4)
        cells = {
            cell.value: form.cell(cell.row, cell.column + 1).value
            for row in form.iter_rows()
            for cell in row
            if isinstance(cell.value, str)
        }
        self.assertEqual(cells["Customer"], "Anshan Steel Works")
        self.assertEqual(cells["Unified Social Credit Code"], "91110000600037341L")
        self.assertEqual(cells["Employees"], 3200)
        self.assertAlmostEqual(cells["Coverage by Our Products (%)"], 1.0)
        self.assertEqual(
            cells["Competitor Purchase Prices"], "Brand X hydraulic oil 14.5 CNY/L"
        )
        # equipment: what it is, then how many
        self.assertEqual(
            [
                value
                for label, value in cells.items()
                if label.startswith("Rolling mill gearbox")
            ],
            [4],
        )
        # four columns wide: label, value, label, value
        self.assertEqual(
            [cell.value for row in form.iter_rows(min_col=5) for cell in row],
            [None] * (form.max_row * (form.max_column - 4)),
        )
        self.assertEqual(form.page_setup.orientation, "portrait")
        self.assertTrue(form.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(form.page_setup.fitToHeight, 0)

    def test_p10_xlsx_purchases(self):
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.department_manager)
            .create(
                {
                    "report_code": "p10",
                    "partner_ids": [Command.set(self.customer_a.ids)],
                    "date_from": "2026-09-01",
                    "date_to": "2026-10-31",
                }
            )
        )
        workbook = self._open_xlsx(wizard)
        self.assertEqual(
            workbook.sheetnames,
            ["Purchases", "Oil Usage", "Oil Samples", "Credit History"],
        )
        purchases = workbook["Purchases"]
        rows = [[cell.value for cell in row] for row in purchases.iter_rows(min_row=5)]
        self.assertEqual(len(rows), 3)
        self.assertEqual(
            rows[0][:4],
            [
                "Anshan Steel Works",
                datetime.datetime(2026, 9, 1),  # a month is a date, shown 2026-09
                "CI-4 15W-40 Bulk",
                2.0,
            ],
        )
        self.assertEqual(purchases.cell(5, 2).number_format, "yyyy-mm")
        self.assertAlmostEqual(rows[0][5], 2500.0)
        self.assertEqual(rows[1][1], datetime.datetime(2026, 10, 1))
        self.assertAlmostEqual(rows[1][5], 400.0)
        self.assertEqual(rows[2][0], "Total")
        self.assertEqual(rows[2][5], "=SUBTOTAL(9,F5:F6)")
        values = self._open_xlsx(wizard, data_only=True)["Purchases"]
        self.assertAlmostEqual(
            values["F7"].value, 2900.0
        )  # the formula's value is stored with it
        self.assertEqual(workbook["Oil Usage"]["I5"].value, "Press line refill")

    def test_wizard_manager_filter_and_pdf_action(self):
        wizard = Form(self.env["lam.report.wizard"].with_user(self.department_manager))
        wizard.report_code = "p10"
        wizard.user_id = self.manager_b
        wizard = wizard.save()
        self.assertEqual(wizard._get_partners(), self.customer_b)
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_name"], f"{MODULE}.report_p10_archive_dynamic")
        self.assertEqual(action["context"]["active_ids"], self.customer_b.ids)
        self.assertEqual(action["data"]["date_from"], str(wizard.date_from))
        # The web client sends `data` as options and the ids only in the
        # context: the report must print them (not a blank page).
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.department_manager)
            ._render_qweb_html(
                action["report_name"],
                None,
                data={**action["data"], "context": action["context"]},
            )
        )
        self.assertIn("Bohai Port Logistics", html.decode())

    def test_wizard_says_which_reports_finance_prints(self):
        # the fourth review: finance chose P1 in Print Reports and got a raw
        # access error; the wizard says the report is not one it prints
        wizard = (
            self.env["lam.report.wizard"]
            .with_user(self.finance)
            .create({"report_code": "p1"})
        )
        with self.assertRaisesRegex(UserError, "is not among the reports you print"):
            wizard.action_print_pdf()
        wizard.report_code = "p9"
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_name"], f"{MODULE}.report_p9_archive_basic")

    def test_wizard_rejects_inverted_period(self):
        with self.assertRaises(ValidationError):
            self.env["lam.report.wizard"].create(
                {
                    "report_code": "p10",
                    "date_from": "2026-10-31",
                    "date_to": "2026-10-01",
                }
            )
