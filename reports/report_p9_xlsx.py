# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import re

from odoo import _, api, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label

# a customer's form: label, value, label, value
FORM_WIDTHS = (24, 30, 24, 30)


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
                self._lam_address(partner),
                partner.phone,
                partner.lam_uscc,
                partner.lam_legal_representative,
                # unknown (0) is left blank, not printed as 0
                partner.lam_registered_capital or None,
                partner.lam_established_date,
                partner.lam_business_scope,
                partner.lam_employee_count or None,
                partner.lam_annual_output,
                # unknown (nothing registered) is left blank
                partner.lam_equipment_count or None,
                partner.lam_coverage_ratio / 100.0
                if partner.lam_equipment_count
                else None,
                partner.lam_oil_demand,
                partner.lam_technical_requirements,
                partner.lam_purchase_requester,
                partner.lam_purchase_approver,
                _("Yes") if partner.lam_purchase_by_tender else None,
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
                Col(_("Oil Capacity per Unit (L)"), 12, "volume"),
                Col(_("Oil in Use"), 14),
                Col(_("Product / Brand"), 22),
                Col(_("Change Interval (days)"), 10, "int"),
                Col(_("Last Oil Change"), 12, "date"),
                Col(_("Estimated Annual Consumption (L)"), 14, "volume", total=True),
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
        # one sheet per customer laid out as the paper form, as the PDF prints it
        for partner in partners:
            report.add_form_sheet(
                partner.name,
                _("P9 Customer Archive (Basic)"),
                meta,
                self._lam_form_sections(partner, confidential),
                widths=FORM_WIDTHS,
            )

    def _lam_form_sections(self, partner, confidential):
        """The sections of a customer's archive form, as P9's paper form has
        them: unknown values blank."""
        sections = [
            (None, self._lam_form_identity(partner)),
            (
                _("Business Registration"),
                [
                    (
                        "pairs",
                        [
                            (_("Unified Social Credit Code"), partner.lam_uscc, "text"),
                            (
                                _("Legal Representative"),
                                partner.lam_legal_representative,
                                "text",
                            ),
                            (
                                _("Registered Capital (10k CNY)"),
                                partner.lam_registered_capital or None,
                                "float",
                            ),
                            (_("Established On"), partner.lam_established_date, "date"),
                        ],
                    ),
                    ("text", _("Business Scope"), partner.lam_business_scope),
                ],
            ),
            (
                _("Production Scale"),
                [
                    (
                        "pairs",
                        [
                            (_("Employees"), partner.lam_employee_count or None, "int"),
                            (_("Annual Output"), partner.lam_annual_output, "text"),
                            (
                                _("Equipment Units"),
                                partner.lam_equipment_count or None,
                                "int",
                            ),
                            (
                                _("Coverage by Our Products (%)"),
                                partner.lam_coverage_ratio / 100.0
                                if partner.lam_equipment_count
                                else None,
                                "percent",
                            ),
                        ],
                    )
                ],
            ),
            (
                _("Oil Demand and Technical Requirements"),
                [
                    ("text", _("Oil Demand"), partner.lam_oil_demand),
                    (
                        "text",
                        _("Technical Requirements"),
                        partner.lam_technical_requirements,
                    ),
                ],
            ),
            (_("Purchasing"), self._lam_form_purchasing(partner)),
        ]
        if confidential:
            sections[-1][1].append(
                (
                    "text",
                    _("Competitor Purchase Prices"),
                    partner.lam_competitor_prices,
                )
            )
        sections += [
            (_("Key Persons"), [self._lam_form_key_persons(partner)]),
            (_("Equipment"), [self._lam_form_equipment(partner)]),
        ]
        return sections

    def _lam_form_identity(self, partner):
        return [
            ("text", _("Customer"), partner.name),
            (
                "pairs",
                [
                    (_("Kind"), selection_label(partner, "lam_customer_kind"), "text"),
                    (_("Size Class"), selection_label(partner, "lam_size"), "text"),
                    (
                        _("Development Stage"),
                        selection_label(partner, "lam_stage"),
                        "text",
                    ),
                    (_("Industry"), partner.industry_id.name, "text"),
                    (_("Account Manager"), partner.user_id.name, "text"),
                    (_("Archive Last Reviewed"), partner.lam_last_review_date, "date"),
                    (_("Phone"), partner.phone, "text"),
                ],
            ),
            (
                "text",
                _("Address"),
                self._lam_address(partner),
            ),
        ]

    def _lam_form_purchasing(self, partner):
        return [
            (
                "pairs",
                [
                    (
                        _("Purchase Requested By"),
                        partner.lam_purchase_requester,
                        "text",
                    ),
                    (_("Purchase Approved By"), partner.lam_purchase_approver, "text"),
                    (
                        _("Purchases by Tender"),
                        _("Yes") if partner.lam_purchase_by_tender else None,
                        "text",
                    ),
                    (_("Purchase Cycle"), partner.lam_purchase_cycle, "text"),
                ],
            ),
            ("text", _("Current Suppliers"), partner.lam_current_suppliers),
            ("text", _("Brands in Use"), partner.lam_current_brands),
        ]

    def _lam_form_key_persons(self, partner):
        if not partner.lam_key_person_ids:
            return ("note", _("No key person identified yet."))
        return (
            "table",
            [_("Name"), _("Job Position"), _("Key Role"), _("Phone")],
            [
                [
                    person.name,
                    person.function,
                    selection_label(person, "lam_key_role"),
                    person.phone or person.mobile,
                ]
                for person in partner.lam_key_person_ids
            ],
            ["text"] * 4,
        )

    def _lam_form_equipment(self, partner):
        if not partner.lam_equipment_ids:
            return ("note", _("No equipment registered yet."))
        return (
            "table",
            [
                _("Equipment"),
                _("Quantity"),
                _("Product / Brand"),
                _("Estimated Annual Consumption (L)"),
            ],
            [
                [
                    self._lam_equipment_label(equipment),
                    equipment.quantity,
                    equipment.product_id.display_name or equipment.competitor_brand,
                    equipment.annual_consumption,
                ]
                for equipment in partner.lam_equipment_ids
            ],
            ["text", "int", "text", "float"],
        )

    @api.model
    def _lam_address(self, partner):
        """The customer's address on one line, without the empty parts the
        country's format leaves ("中国,   长沙")."""
        parts = (
            part.strip(" ,")
            for part in partner._display_address(without_company=True).splitlines()
        )
        return re.sub(r"\s+", " ", " ".join(part for part in parts if part))

    @api.model
    def _lam_equipment_label(self, equipment):
        """What a piece of equipment is, in one cell: its name, its type when
        the name does not say it, its make and model."""
        kind = selection_label(equipment, "equipment_type")
        parts = [equipment.name, kind if kind != equipment.name else None]
        return " ".join(filter(None, [*parts, equipment.make_model]))
