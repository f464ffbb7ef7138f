# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import _, fields, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportP10ArchiveDynamicXlsx(models.AbstractModel):
    """P10 客户档案（动态信息） as a workbook: one sheet per kind of dynamic record."""

    _name = "report.lubricant_account_manager.report_p10_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "P10 Customer Archive (Dynamic), XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_partners(docids, data)

    def generate_xlsx_report(self, workbook, data, partners):
        date_from, date_to = self._lam_report_period(data)
        dynamics = self.env[
            "report.lubricant_account_manager.report_p10_archive_dynamic"
        ]._lam_dynamic_data(partners, date_from, date_to)
        report = self._lam_xlsx_report(workbook)
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s",
                date_from=date_from,
                date_to=date_to,
            )
        ]
        rows = defaultdict(list)
        for partner in partners:
            data = dynamics[partner.id]
            rows["purchases"] += [
                [
                    partner.name,
                    p["month"],
                    p["product"],
                    p["qty"],
                    p["uom"],
                    p["reference_qty"],
                    p["reference_uom"],
                    p["amount"],
                ]
                for p in data["purchases"]
            ]
            rows["usages"] += [
                [
                    partner.name,
                    u.date,
                    u.equipment_id.name,
                    u.product_id.display_name or u.brand,
                    u.quantity,
                    u.uom_id.name,
                    None if u.reference_unconvertible else u.reference_qty,
                    u.reference_uom_id.name,
                    u.note,
                ]
                for u in data["usages"]
            ]
            rows["samples"] += [
                [
                    partner.name,
                    s.name,
                    s.sample_date,
                    s.equipment_id.name,
                    s.product_id.display_name or s.brand,
                    selection_label(s, "state"),
                    selection_label(s, "result"),
                    s.recommendation,
                ]
                for s in data["samples"]
            ]
            rows["credit_events"] += [
                [
                    partner.name,
                    fields.Datetime.context_timestamp(self, e.date).date(),
                    e.requested_by_id.name or "",
                    e.changed_by_id.name,
                    e.summary,
                ]
                for e in data["credit_events"]
            ]
        total = _("Total")
        report.add_table_sheet(
            _("Purchases"),
            _("P10 Customer Archive (Dynamic): Purchases"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Month"), 10, "month"),
                Col(_("Product"), 28),
                Col(_("Quantity"), 12, "volume"),
                Col(_("Unit"), 8),
                Col(_("Reference Quantity"), 14, "volume", total=True),
                Col(_("Reference Unit"), 10),
                Col(_("Untaxed Amount"), 14, "float", total=True),
            ],
            rows["purchases"],
            total_label=total,
        )
        report.add_table_sheet(
            _("Oil Usage"),
            _("P10 Customer Archive (Dynamic): Oil Usage"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Date"), 12, "date"),
                Col(_("Equipment"), 20),
                Col(_("Product / Brand"), 24),
                Col(_("Quantity"), 12, "volume"),
                Col(_("Unit"), 8),
                Col(_("Reference Quantity"), 14, "volume", total=True),
                Col(_("Reference Unit"), 10),
                Col(_("Note"), 30),
            ],
            rows["usages"],
            total_label=total,
        )
        report.add_table_sheet(
            _("Oil Samples"),
            _("P10 Customer Archive (Dynamic): Oil Samples"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Reference"), 16),
                Col(_("Sampled On"), 12, "date"),
                Col(_("Equipment"), 20),
                Col(_("Product / Brand"), 24),
                Col(_("Status"), 12),
                Col(_("Result"), 12),
                Col(_("Recommendation"), 40),
            ],
            rows["samples"],
        )
        report.add_table_sheet(
            _("Credit History"),
            _("P10 Customer Archive (Dynamic): Credit History"),
            meta,
            [
                Col(_("Customer"), 28),
                Col(_("Date"), 12, "date"),
                Col(_("Requested By"), 14),
                Col(_("Approved By"), 14),
                Col(_("Change"), 60),
            ],
            rows["credit_events"],
        )
