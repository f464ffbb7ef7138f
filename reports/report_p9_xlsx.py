# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportP9ArchiveBasicXlsx(models.AbstractModel):
    """P9 客户档案（基本信息） as a workbook: archives, key persons, equipment."""

    _name = "report.lubricant_account_manager.report_p9_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "P9 Customer Archive (Basic), XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_partners(docids, data)

    def generate_xlsx_report(self, workbook, data, partners):
        confidential = self.env[
            "report.lubricant_account_manager.report_p9_archive_basic"
        ]._lam_show_confidential()
        report = self._lam_xlsx_report(workbook)
        meta = [
            _(
                "Printed on %(date)s by %(user)s",
                date=fields.Date.context_today(self),
                user=self.env.user.name,
            )
        ]
        columns = [
            Col(_("Customer"), 28),
            Col(_("Kind"), 12),
            Col(_("Size Class"), 10),
            Col(_("Development Stage"), 12),
            Col(_("Industry"), 22),
            Col(_("Account Manager"), 14),
            Col(_("Address"), 30),
            Col(_("Phone"), 16),
            Col(_("Unified Social Credit Code"), 22),
            Col(_("Legal Representative"), 14),
            Col(_("Registered Capital (10k CNY)"), 14, "float"),
            Col(_("Established On"), 12, "date"),
            Col(_("Business Scope"), 30),
            Col(_("Employees"), 10, "int"),
            Col(_("Annual Output"), 16),
            Col(_("Equipment Units"), 10, "int"),
            Col(_("Coverage by Our Products (%)"), 12, "percent"),
            Col(_("Oil Demand"), 30),
            Col(_("Technical Requirements"), 30),
            Col(_("Purchase Requested By"), 14),
            Col(_("Purchase Approved By"), 14),
            Col(_("Purchases by Tender"), 10),
            Col(_("Purchase Cycle"), 12),
            Col(_("Current Suppliers"), 20),
            Col(_("Brands in Use"), 20),
            Col(_("Archive Last Reviewed"), 12, "date"),
        ]
        if confidential:
            columns.append(Col(_("Competitor Purchase Prices"), 30))
        rows = []
        for partner in partners:
            row = [
                partner.name,
                selection_label(partner, "lam_customer_kind"),
                selection_label(partner, "lam_size"),
                selection_label(partner, "lam_stage"),
                partner.industry_id.name,
                partner.user_id.name,
                partner._display_address(without_company=True).replace("\n", " "),
                partner.phone,
                partner.lam_uscc,
                partner.lam_legal_representative,
                # unknown (0) is left blank, not printed as 0
                partner.lam_registered_capital or None,
                partner.lam_established_date,
                partner.lam_business_scope,
                partner.lam_employee_count or None,
                partner.lam_annual_output,
                partner.lam_equipment_count,
                partner.lam_coverage_ratio / 100.0,
                partner.lam_oil_demand,
                partner.lam_technical_requirements,
                partner.lam_purchase_requester,
                partner.lam_purchase_approver,
                _("Yes") if partner.lam_purchase_by_tender else _("No"),
                partner.lam_purchase_cycle,
                partner.lam_current_suppliers,
                partner.lam_current_brands,
                partner.lam_last_review_date,
            ]
            if confidential:
                row.append(partner.lam_competitor_prices)
            rows.append(row)
        report.add_table_sheet(
            _("P9 Archive"), _("P9 Customer Archive (Basic)"), meta, columns, rows
        )

        report.add_table_sheet(
            _("Key Persons"),
            _("Key Persons"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Name"), 16),
                Col(_("Job Position"), 16),
                Col(_("Key Role"), 14),
                Col(_("Influence"), 10),
                Col(_("Phone"), 16),
                Col(_("Email"), 24),
            ],
            [
                [
                    person.parent_id.name,
                    person.name,
                    person.function,
                    selection_label(person, "lam_key_role"),
                    selection_label(person, "lam_influence"),
                    person.phone or person.mobile,
                    person.email,
                ]
                for person in partners.lam_key_person_ids
            ],
        )
        report.add_table_sheet(
            _("Equipment"),
            _("Equipment"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Equipment"), 22),
                Col(_("Type"), 14),
                Col(_("Make / Model"), 18),
                Col(_("Quantity"), 8, "int", total=True),
                Col(_("Oil Capacity per Unit (L)"), 12, "float"),
                Col(_("Oil in Use"), 14),
                Col(_("Product / Brand"), 22),
                Col(_("Change Interval (days)"), 10, "int"),
                Col(_("Last Oil Change"), 12, "date"),
                Col(_("Estimated Annual Consumption (L)"), 14, "float", total=True),
            ],
            [
                [
                    eq.partner_id.name,
                    eq.name,
                    selection_label(eq, "equipment_type"),
                    eq.make_model,
                    eq.quantity,
                    eq.oil_capacity,
                    selection_label(eq, "oil_source"),
                    eq.product_id.display_name or eq.competitor_brand,
                    eq.change_interval_days,
                    eq.last_change_date,
                    eq.annual_consumption,
                ]
                for eq in partners.lam_equipment_ids
            ],
            total_label=_("Total"),
        )
