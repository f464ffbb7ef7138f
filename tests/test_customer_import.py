# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 24, going live from Excel: the customer archive's template has the
fields' Chinese labels as headers; Odoo's import maps every column by itself
and creates the customers with their key persons and equipment."""

import io

import xlsxwriter

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..models.res_partner_import import TEMPLATE_COLUMNS, TEMPLATE_URL
from .common import LamCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "keep_matches": False,
    "limit": 10000,
    "skip": 0,
}


def sheet_content(rows):
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    for row_index, row in enumerate(rows):
        for col, value in enumerate(row):
            sheet.write(row_index, col, value)
    workbook.close()
    return output.getvalue()


def import_file(env, content, context=None, dryrun=False):
    """Odoo's import of ``content`` into the customers, as the screen runs it:
    the suggested mapping, then the import. Return (mapping, result)."""
    wizard = env["base_import.import"].create(
        {"res_model": "res.partner", "file": content, "file_type": XLSX}
    )
    wizard = wizard.with_context(**(context or {}))
    preview = wizard.parse_preview(dict(OPTIONS))
    assert "error" not in preview, preview
    mapping = [
        "/".join(preview["matches"].get(index) or [])
        for index in range(len(preview["headers"]))
    ]
    result = wizard.execute_import(
        mapping, preview["headers"], dict(OPTIONS), dryrun=dryrun
    )
    return mapping, result


@tagged("post_install", "-at_install")
class TestCustomerImport(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "lubricant_account_manager"], ["zh_CN"], overwrite=True
        )

    def test_template_headers_map_every_column(self):
        env = self.env(
            context={"lang": "zh_CN", "default_lam_customer_kind": "terminal"}
        )
        env = env(user=self.manager_a)
        content = env["res.partner"]._lam_import_template()
        mapping, result = import_file(
            env,
            content,
            {"default_lam_customer_kind": "terminal", "default_is_company": True},
        )
        self.assertEqual(mapping, [path for path, *_ in TEMPLATE_COLUMNS])
        self.assertFalse(result["messages"], result["messages"])
        customer = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(customer.name, "山东鲁润钢铁有限公司")
        self.assertEqual(
            (customer.lam_customer_kind, customer.lam_size, customer.user_id),
            ("terminal", "large", self.manager_a),
        )
        self.assertTrue(customer.lam_purchase_by_tender)
        self.assertEqual(customer.lam_employee_count, 850)
        self.assertEqual(
            sorted(customer.lam_key_person_ids.mapped("name")), ["李经理", "王工"]
        )
        self.assertEqual(
            customer.lam_key_person_ids.filtered(
                lambda p: p.name == "王工"
            ).lam_key_role,
            "equipment_officer",
        )
        self.assertEqual(customer.lam_equipment_ids.quantity, 4)
        self.assertEqual(customer.lam_equipment_ids.oil_source, "competitor")
        self.assertGreater(customer.lam_archive_completeness, 80)

    def test_manager_by_name_or_login(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet()
        env = self.env(user=self.department_manager, context={"lang": "zh_CN"})
        Partner = env["res.partner"]
        headers = [
            Partner._lam_import_header(path)
            for path in ("name", "lam_customer_kind", "user_id")
        ]
        rows = [
            headers,
            ["甲公司", "终端客户", "lam_a"],
            ["乙公司", "经销商", "Manager B"],
        ]
        for row_index, row in enumerate(rows):
            for col, value in enumerate(row):
                sheet.write(row_index, col, value)
        workbook.close()
        mapping, result = import_file(
            env, output.getvalue(), {"default_is_company": True}
        )
        self.assertEqual(mapping, ["name", "lam_customer_kind", "user_id"])
        self.assertFalse(result["messages"], result["messages"])
        customers = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(customers.mapped("user_id"), self.manager_a | self.manager_b)
        self.assertEqual(customers.mapped("lam_customer_kind"), ["terminal", "dealer"])

    def test_testing_the_import_lists_the_duplicates(self):
        """Odoo's Test button: the rows that are one customer, with another row
        or a customer of Odoo, are listed before anything is imported."""
        self.env["res.partner"].create(
            {
                "name": "山东鲁润石化有限公司",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        env = self.env(user=self.manager_a, context={"lang": "en_US"})
        Partner = env["res.partner"]
        content = sheet_content(
            [
                [Partner._lam_import_header(path) for path in ("name", "lam_uscc")],
                ["山东鲁润石化 有限公司", ""],
                ["青岛港务", "91110000600037341L"],
                ["青岛港务物流", "91110000600037341L"],
                ["烟台万华", ""],
            ]
        )
        context = {
            "default_is_company": True,
            "default_lam_customer_kind": "terminal",
            "default_user_id": self.manager_a.id,  # the customers action's
        }
        count = Partner.search_count([])
        _mapping, result = import_file(env, content, context, dryrun=True)
        self.assertEqual(Partner.search_count([]), count)
        messages = {
            message["record"]: message["message"]
            for message in result["messages"]
            if message["message"].startswith("The same customer")
        }
        # the rows as the spreadsheet numbers them, the header being row 1
        self.assertEqual(set(messages), {2, 3, 4}, messages)
        self.assertIn("(Company Name) as 山东鲁润石化有限公司", messages[2])
        self.assertIn("(Registration Code) as row 4", messages[3])
        self.assertIn("(Registration Code) as row 3", messages[4])
        # a colleague's customer is a duplicate too, not named to him
        self.env["res.partner"].create(
            {
                "name": "烟台万华有限公司",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_b.id,
            }
        )
        _mapping, result = import_file(env, content, context, dryrun=True)
        messages = {
            message["record"]: message["message"]
            for message in result["messages"]
            if message["message"].startswith("The same customer")
        }
        self.assertEqual(
            messages[5],
            "The same customer (Company Name) as a customer of another account "
            "manager: merge or remove the row before importing.",
        )
        # imported anyway, they are then found and merged with Configuration, Find
        # Duplicate Customers
        _mapping, result = import_file(
            env,
            sheet_content(
                [
                    [Partner._lam_import_header(path) for path in ("name", "lam_uscc")],
                    ["山东鲁润石化 有限公司", ""],
                    ["烟台万华", ""],
                ]
            ),
            context,
        )
        self.assertEqual(len(result["ids"]), 2)

    def test_an_empty_manager_cell_is_the_importer(self):
        env = self.env(user=self.manager_a, context={"lang": "en_US"})
        Partner = env["res.partner"]
        content = sheet_content(
            [
                [Partner._lam_import_header(path) for path in ("name", "user_id")],
                ["丙公司", ""],
            ]
        )
        context = {
            "default_is_company": True,
            "default_lam_customer_kind": "terminal",
            "default_user_id": self.manager_a.id,
        }
        _mapping, result = import_file(env, content, context)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(Partner.browse(result["ids"]).user_id, self.manager_a)

    def test_others_test_their_contact_imports(self):
        """A user outside the addon tests an import of contacts as before."""
        self.internal_user.groups_id = [
            (4, self.env.ref("base.group_partner_manager").id)
        ]
        env = self.env(user=self.internal_user, context={"lang": "en_US"})
        content = sheet_content([["Name", "Phone"], ["Dalian Port", "0411-1234"]])
        _mapping, result = import_file(env, content, dryrun=True)
        self.assertEqual(result["messages"], [])

    def test_template_is_for_account_management(self):
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.internal_user)._lam_import_template()
        templates = (
            self.env["res.partner"]
            .with_context(default_lam_customer_kind="terminal")
            .get_import_templates()
        )
        self.assertEqual(templates[0]["template"], TEMPLATE_URL)


@tagged("post_install", "-at_install")
class TestCustomerImportHttp(HttpCase):
    def test_download(self):
        user = self.env["res.users"].create(
            {
                "name": "Importer",
                "login": "lam_importer",
                "password": "lam_importer_pw",
                "groups_id": [
                    (
                        4,
                        self.env.ref(
                            "lubricant_account_manager.group_lam_development"
                        ).id,
                    )
                ],
            }
        )
        self.authenticate(user.login, "lam_importer_pw")
        response = self.url_open(TEMPLATE_URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertTrue(response.content.startswith(b"PK"))
