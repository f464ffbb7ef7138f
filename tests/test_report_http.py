# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import base64
import io
import json
from urllib.parse import quote as url_quote

from openpyxl import load_workbook

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.base.models.ir_actions_report import (
    IrActionsReport as BaseReport,
)

from ..controllers.report import LamReportController
from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestReportUrls(HttpCase, LamCommon):
    """The report URLs a browser opens check access like the records do."""

    def _download(self, url):
        """What the web client does: POST /report/download with the report URL."""
        return self.url_open(
            "/report/download",
            data={
                "data": json.dumps([url, "xlsx"]),
                "context": json.dumps({}),
                "token": "dummy",
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_xlsx_url_of_a_colleague_customer_is_refused(self):
        url = f"/report/xlsx/{MODULE}.report_p9_xlsx/{self.customer_a.id}"
        self.authenticate(self.manager_b.login, self.manager_b.login)
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
        download = self._download(url)
        self.assertNotIn("spreadsheetml", download.headers.get("Content-Type", ""))
        self.assertIn("odoo.exceptions.AccessError", download.text)

    def test_xlsx_url_of_own_customer_is_served(self):
        url = f"/report/xlsx/{MODULE}.report_p9_xlsx/{self.customer_a.id}"
        self.authenticate(self.manager_a.login, self.manager_a.login)
        response = self._download(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn(
            "P9%20-%20Anshan%20Steel%20Works.xlsx",
            response.headers["Content-Disposition"],
        )
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        self.assertEqual(sheet["A5"].value, "Anshan Steel Works")

    def test_the_psi_template_is_named_after_the_dealer_and_month(self):
        # issue 19, item 21: as the import wizard asks it (data, no ids)
        wizard = (
            self.env["lam.psi.import.wizard"]
            .with_user(self.manager_b)
            .create({"partner_id": self.customer_b.id, "month": "2026-10-15"})
        )
        action = wizard.action_download_template()
        url = (
            f"/report/xlsx/{action['report_name']}?options="
            + url_quote(json.dumps(action["data"]))
            + "&context="
            + url_quote(json.dumps(action["context"]))
        )
        self.authenticate(self.manager_b.login, self.manager_b.login)
        response = self._download(url)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn(
            "PSI%20Bohai%20Port%20Logistics%202026-10.xlsx",
            response.headers["Content-Disposition"],
        )
        # the template itself is the month's
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        self.assertIn("2026-10", sheet["A1"].value)
        # a refusal stays an error, not a file named after the dealer
        self.authenticate(self.manager_a.login, self.manager_a.login)
        refused = self._download(url)
        self.assertNotIn("spreadsheetml", refused.headers.get("Content-Type", ""))
        self.assertNotIn("PSI", refused.headers.get("Content-Disposition", ""))
        self.assertIn("AccessError", refused.text)
        # another module's report does not take the name, even named in the query
        self.assertIsNone(
            LamReportController._lam_asked_filename(
                json.dumps(
                    [
                        "/report/xlsx/other.report/1?x=/report/xlsx/"
                        "lubricant_account_manager.&options="
                        + url_quote(json.dumps({"lam_filename": "x.xlsx"})),
                        "xlsx",
                    ]
                )
            )
        )
        # a name, not a path nor a direction override
        self.assertEqual(
            LamReportController._lam_asked_filename(
                json.dumps(
                    [
                        f"/report/xlsx/{action['report_name']}?options="
                        + url_quote(
                            json.dumps({"lam_filename": "../a/b\\c\r\n\u202ex.xlsx"})
                        ),
                        "xlsx",
                    ]
                )
            ),
            "..abcx.xlsx",
        )

    def test_p9_pdf_of_two_customers_with_wkhtmltopdf(self):
        """The real PDF (wkhtmltopdf with patched Qt, which fetches the
        styles from this test's HTTP server): one file, a document per
        customer, the company's header."""
        report = (
            self.env["ir.actions.report"]
            .with_user(self.department_manager)
            .with_context(force_report_rendering=True)
        )
        pdf, kind = report._render_qweb_pdf(
            f"{MODULE}.action_report_p9", (self.customer_a | self.customer_b).ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertGreaterEqual(reader.getNumPages(), 2)
        text = " ".join(
            reader.getPage(index).extractText() for index in range(reader.getNumPages())
        )
        text = " ".join(text.split())
        for expected in (
            self.env.company.name,
            "Anshan Steel Works",
            "Bohai Port Logistics",
            "Customer Archive (Basic Information)",
        ):
            self.assertIn(expected, text)
        self.assertRegex(text, r"Page:? 1 / \d")  # the footer, with page numbers

    def _full_archive(self, partner):
        """A customer's archive as the demo's: every section filled, three
        pieces of equipment and two key persons."""
        partner.sudo().write(
            {
                "lam_legal_representative": "马骏",
                "lam_registered_capital": 12000.0,
                "lam_established_date": "1986-07-11",
                "lam_business_scope": "工程机械、运输设备的制造与销售",
                "lam_employee_count": 15672,
                "lam_annual_output": "年产挖掘机 3 万台",
                "lam_oil_demand": "液压油、齿轮油、发动机油为主，年用量约 41 吨",
                "lam_technical_requirements": "高温高负荷工况，要求抗磨和长换油周期",
                "lam_purchase_requester": "设备部",
                "lam_purchase_approver": "分管副总",
                "lam_purchase_cycle": "每月",
                "lam_current_suppliers": "昆仑经销商",
                "lam_current_brands": "嘉实多、壳牌",
            }
        )
        self.env["lam.equipment"].create(
            [
                {
                    "name": name,
                    "partner_id": partner.id,
                    "equipment_type": kind,
                    "quantity": quantity,
                    "oil_capacity": capacity,
                    "oil_source": "unknown",
                }
                for name, kind, quantity, capacity in (
                    ("空压机", "compressor", 4, 60.0),
                    ("减速机", "gear", 12, 120.0),
                    ("轧机液压站", "hydraulic", 3, 8000.0),
                )
            ]
        )
        self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "parent_id": partner.id,
                    "function": function,
                    "lam_is_key_person": True,
                    "phone": "+86 131 2852 1848",
                }
                for name, function in (
                    ("刘海涛", "采购部经理"),
                    ("张志强", "润滑工程师"),
                )
            ]
        )

    def test_a_customer_s_p9_fits_on_one_page(self):
        """Issue 20, item 1: a customer with three pieces of equipment prints
        on one page, in Chinese; several customers print a page each, so no
        page holds only a repeated table header."""
        for partner in (self.customer_a, self.customer_b):
            self._full_archive(partner)
        report = (
            self.env["ir.actions.report"]
            .with_user(self.department_manager)
            .with_context(force_report_rendering=True, lang="zh_CN")
        )
        for partners in (self.customer_a, self.customer_a | self.customer_b):
            with self.subTest(customers=len(partners)):
                pdf, _kind = report._render_qweb_pdf(
                    f"{MODULE}.action_report_p9", partners.ids
                )
                reader = PdfFileReader(io.BytesIO(pdf))
                self.assertEqual(
                    [
                        partner.name in reader.getPage(page).extractText()
                        for page, partner in enumerate(partners)
                    ],
                    [True] * len(partners),
                )
                self.assertEqual(reader.getNumPages(), len(partners))

    def test_a_print_of_many_records_is_one_document(self):
        """Issue 20, item 17: the records of a print go to wkhtmltopdf as one
        flow of pages under one header, each from a new page, and the PDF is
        not cut per record and joined again."""
        report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        partners = self.customer_a | self.customer_b | self.customer_c
        logs = (
            self.env["lam.work.log"]
            .with_user(self.manager_a)
            .create([{"date": "2026-03-02"}, {"date": "2026-03-03"}])
        )
        for ref, records in (
            (f"{MODULE}.action_report_p9", partners),
            (f"{MODULE}.action_report_p10", partners),
            (f"{MODULE}.action_report_p1", logs),
        ):
            with self.subTest(report=ref):
                self.assertGreater(len(records), 1)
                html = report._render_qweb_html(ref, records.ids)[0]
                bodies, _ids, header, _footer, _args = report._prepare_html(html)
                self.assertEqual(len(bodies), 1)
                self.assertEqual(header.count('class="header '), 1)
                # P10 leaves out who has nothing in the period (issue 20)
                printed = (
                    self.env[
                        f"report.{MODULE}.report_p10_archive_dynamic"
                    ]._get_report_values(records.ids, {})["docs"]
                    if ref.endswith("_p10")
                    else records
                )
                self.assertEqual(bodies[0].count("o_lam_next_record"), len(printed) - 1)
        streams = report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf_prepare_streams(
            f"{MODULE}.action_report_p9", {}, res_ids=partners.ids
        )
        self.assertEqual(list(streams), [False])
        pdf = PdfFileReader(streams[False]["stream"])
        self.assertEqual(pdf.getNumPages(), 3)
        self.assertIn(self.customer_c.name, pdf.getPage(2).extractText())

    def test_a_dealers_customer_list_is_the_archives_only(self):
        """Issue 17, hole 6: the dealer's own customer list is read by those
        who read the archive, by no other internal user, whatever the URL."""
        dealer = self.env["res.partner"].create(
            {
                "name": "North Lubes Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": self.manager_c.id,
                "lam_dealer_customer_file": base64.b64encode(b"secret,list\n"),
                "lam_dealer_customer_filename": "customers.csv",
            }
        )
        self.env.flush_all()
        attachments = (
            self.env["ir.attachment"]
            .with_user(self.internal_user)
            .search_read(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_field", "=", "lam_dealer_customer_file"),
                ],
                ["id"],
            )
        )
        self.assertEqual(attachments, [])
        every = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_field", "=", "lam_dealer_customer_file"),
                ]
            )
        )
        url = (
            f"/web/content?model=res.partner&id={dealer.id}"
            "&field=lam_dealer_customer_file&download=true"
        )
        self.authenticate(self.internal_user.login, self.internal_user.login)
        for attachment in every:
            self.assertNotIn(
                b"secret", self.url_open(f"/web/content/{attachment.id}").content
            )
        self.assertNotIn(b"secret", self.url_open(url).content)
        self.authenticate(self.manager_c.login, self.manager_c.login)
        self.assertEqual(self.url_open(url).content, b"secret,list\n")

    def test_a_malformed_list_of_ids_is_a_bad_request(self):
        """Issue 17, hole 19: the XLSX route answers 400, as the PDF one does."""
        self.authenticate(self.manager_a.login, self.manager_a.login)
        for docids in ("abc", "1,,2", f"{self.customer_a.id},x"):
            with self.subTest(docids=docids):
                response = self.url_open(
                    f"/report/xlsx/{MODULE}.report_p9_xlsx/{docids}"
                )
                self.assertEqual(response.status_code, 400)
        response = self.url_open(
            f"/report/xlsx/{MODULE}.report_p9_xlsx/{self.customer_a.id}"
        )
        self.assertEqual(response.status_code, 200)

    def test_a_file_in_a_customer_s_chatter_follows_the_customer(self):
        """Issue 17, hole 18, decided: a file posted in a customer's chatter is
        read by who reads the customer, Odoo's own rule for the attachments of
        a record (its messages follow the same rule): the customer's manager and
        his department manager, not a colleague; an employee outside the addon
        reads it, as he reads the contacts and their messages in standard Odoo."""
        message = self.customer_a.message_post(
            body="Signed supply agreement",
            attachments=[("agreement.txt", b"price 14.2 CNY/L")],
        )
        attachment = message.attachment_ids
        self.assertEqual(
            (attachment.res_model, attachment.res_id),
            ("res.partner", self.customer_a.id),
        )
        self.env.flush_all()
        url = f"/web/content/{attachment.id}?download=true"
        for user, allowed in (
            (self.manager_a, True),
            (self.department_manager, True),
            (self.manager_b, False),
            (self.manager_c, False),
            (self.internal_user, True),
        ):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open(url)
                self.assertEqual(
                    response.content == b"price 14.2 CNY/L",
                    allowed,
                    response.status_code,
                )
                readable = (
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search([("id", "=", attachment.id)])
                )
                self.assertEqual(bool(readable), allowed)

    def test_a_report_s_header_carries_only_the_styles_it_uses(self):
        """Issue 20, item 17: wkhtmltopdf parses the header and the footer
        for every page; the addon's carry the rules of the report bundle
        their markup may use, and the pages come out the same."""
        self._full_archive(self.customer_a)
        report = (
            self.env["ir.actions.report"]
            ._get_report(f"{MODULE}.action_report_p9")
            .with_context(force_report_rendering=True, lang="zh_CN")
        )
        html = report._render_qweb_html(report.id, self.customer_a.ids)[0]
        bodies, _ids, header, footer, args = report._prepare_html(html)
        full = BaseReport._prepare_html(report, html)
        self.assertIn("web.report_assets_common", full[2])
        bundle = self.env["ir.attachment"].search(
            [("url", "=like", "/web/assets/%web.report_assets_common%.css")], limit=1
        )
        for document, used in ((header, ".row{"), (footer, ".text-end{")):
            self.assertNotIn("web.report_assets_common", document)
            style = document.split("<style>", 1)[1].split("</style>", 1)[0]
            self.assertIn(used, style)
            self.assertIn(":root", style)
            self.assertNotIn(".btn-primary", style)
            self.assertLess(len(style), len(bundle.raw) / 5)
        pages = [
            PdfFileReader(
                io.BytesIO(
                    report._run_wkhtmltopdf(
                        bodies,
                        report_ref=report.report_name,
                        header=head,
                        footer=foot,
                        specific_paperformat_args=args,
                    )
                )
            )
            for head, foot in ((header, footer), (full[2], full[3]))
        ]
        self.assertEqual(pages[0].getNumPages(), pages[1].getNumPages())
        for index in range(pages[0].getNumPages()):
            self.assertEqual(
                pages[0].getPage(index).getContents().getData(),
                pages[1].getPage(index).getContents().getData(),
            )

    def test_every_report_of_the_addon_is_known_as_such(self):
        """Issue 20: P7, P8, PSI and the plans inherit lam.report.mixin through
        a mixin of their own; they too print many records as one document and
        carry a light header (only direct children were recognised)."""
        reports = self.env["ir.actions.report"].search(
            [
                ("report_name", "=like", f"{MODULE}.%"),
                ("report_type", "=", "qweb-pdf"),
            ]
        )
        self.assertGreaterEqual(len(reports), 13)
        self.assertEqual(
            [
                report.report_name
                for report in reports
                if not report._lam_is_addon_report()
            ],
            [],
        )
        self.assertFalse(
            self.env.ref("account.account_invoices")._lam_is_addon_report()
        )
