# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""Going live from Excel: the customer archive's import template, whose
headers are the fields' labels in the user's language, so that Odoo's import
(base_import) maps every column by itself."""

import io

import xlsxwriter

from odoo import _, api, models
from odoo.exceptions import AccessError

from ..tools.uscc import uscc_check_char

TEMPLATE_URL = "/lubricant_account_manager/customer_import_template"
# (field path, example of the first row, example of the row that continues the
# customer with his second key person)
TEMPLATE_COLUMNS = (
    ("name", "山东鲁润钢铁有限公司", None),
    ("lam_customer_kind", "terminal", None),
    ("lam_size", "large", None),
    ("industry_id", None, None),
    ("lam_uscc", None, None),
    ("lam_legal_representative", "张建国", None),
    ("lam_registered_capital", 5000, None),
    ("lam_established_date", "2008-05-12", None),
    ("lam_business_scope", "钢铁冶炼、钢材轧制及销售", None),
    ("lam_employee_count", 850, None),
    ("lam_annual_output", "钢材 120 万吨", None),
    ("lam_oil_demand", "液压油 L-HM46 每年 20 吨；齿轮油 L-CKD220 每年 5 吨", None),
    ("lam_technical_requirements", "抗磨液压油，符合 GB 11118.1", None),
    ("lam_purchase_requester", "设备部", None),
    ("lam_purchase_approver", "总经理", None),
    ("lam_purchase_by_tender", True, None),
    ("lam_purchase_cycle", "每季度", None),
    ("lam_current_suppliers", "某石化销售公司", None),
    ("lam_current_brands", "某品牌", None),
    ("phone", "0531-88886666", None),
    ("street", "经十路 100 号", None),
    ("city", "济南", None),
    ("user_id", None, None),
    ("lam_key_person_ids/name", "王工", "李经理"),
    ("lam_key_person_ids/function", "设备部部长", "采购部经理"),
    ("lam_key_person_ids/mobile", "13800000001", "13800000002"),
    ("lam_key_person_ids/lam_key_role", "equipment_officer", "purchasing_head"),
    ("lam_equipment_ids/name", "轧机液压站", None),
    ("lam_equipment_ids/equipment_type", "hydraulic", None),
    ("lam_equipment_ids/quantity", 4, None),
    ("lam_equipment_ids/oil_source", "competitor", None),
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def get_import_templates(self):
        """The archive's template first when importing from the customers."""
        if self.env.context.get("default_lam_customer_kind"):
            # Odoo's template of contacts would import a contact, not an archive
            return [
                {
                    "label": _("Customer Archive Template (headers in your language)"),
                    "template": TEMPLATE_URL,
                }
            ]
        return super().get_import_templates()

    @api.model
    def _lam_import_header(self, path):
        """The column's header: the labels of the path in the user's language,
        joined by '/' as Odoo's import reads them."""
        model, labels = self, []
        for name in path.split("/"):
            field = model._fields[name]
            labels.append(field._description_string(self.env))
            if field.relational:
                model = self.env[field.comodel_name]
        return "/".join(labels)

    @api.model
    def _lam_import_example(self, path, value):
        """An example cell: selections by their label, the relational ones by a
        name that exists."""
        head, *rest = path.split("/")
        model = self
        field = model._fields[head]
        if rest:
            model = self.env[field.comodel_name]
            field = model._fields[rest[0]]
        if field.type == "selection" and value:
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "boolean":
            return _("Yes") if value else _("No")
        if path == "industry_id":
            # manufacturing, as the example customer
            industry = self.env.ref(
                "base.res_partner_industry_C", raise_if_not_found=False
            ) or self.env["res.partner.industry"].search([], limit=1)
            return industry.name or ""
        if path == "user_id":
            return self.env.user.login
        if path == "lam_uscc":
            return "91370100MA3C00001" + uscc_check_char("91370100MA3C00001")
        return value

    @api.model
    def _lam_import_template(self):
        """The template's bytes: one header row, a customer with two key persons
        and a piece of equipment (his second key person on the next row, the
        customer's own columns left empty, as Odoo's import reads them)."""
        if not self.env.user._lam_is_addon_user():
            raise AccessError(
                _("The customer archive template is for account management only.")
            )
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(_("Customers"))
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        for col, (path, first, second) in enumerate(TEMPLATE_COLUMNS):
            title = self._lam_import_header(path)
            sheet.write(0, col, title, header)
            sheet.set_column(col, col, max(12, min(len(title) * 2 + 2, 40)))
            example = self._lam_import_example(path, first)
            if example not in (None, ""):
                sheet.write(1, col, example)
            if second is not None:
                sheet.write(2, col, self._lam_import_example(path, second))
        sheet.freeze_panes(1, 1)
        workbook.close()
        return output.getvalue()
