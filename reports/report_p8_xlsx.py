# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models

from ..models.lam_receivable import BUCKETS
from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportP8Xlsx(models.AbstractModel):
    """P8 应收账款跟踪 as a workbook: the invoices, and the ageing per customer."""

    _name = "report.lubricant_account_manager.report_p8_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.p8.report.mixin"]
    _description = "P8 Receivables Tracking, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_partners(docids, data)

    def generate_xlsx_report(self, workbook, data, partners):
        partners, date_from, date_to, receivables = self._lam_p8_values(
            partners.ids, data
        )
        report = self._lam_xlsx_report(workbook)
        meta = [
            _(
                "Period: %(date_from)s to %(date_to)s, and every invoice still open",
                date_from=date_from,
                date_to=date_to,
            )
        ]
        report.add_table_sheet(
            _("P8 Receivables"),
            _("Receivables Tracking (P8)"),
            meta,
            [
                Col(_("Customer"), 26),
                Col(_("Number"), 16),
                Col(_("Invoice Date"), 12, "date"),
                Col(_("Sale Orders"), 18),
                Col(_("Total"), 13, "float", total=True),
                Col(_("Due Date"), 12, "date"),
                Col(_("Amount Due"), 13, "float", total=True),
                Col(_("Days Overdue"), 9, "int"),
                Col(_("Ageing"), 11),
                Col(_("Account Manager"), 12),
                Col(_("Last Collection Action"), 36),
                Col(_("Promised Payment Date"), 12, "date"),
                Col(_("Credit Customer"), 9),
            ],
            [
                [
                    partner.name,
                    row["receivable"].name,
                    row["receivable"].invoice_date,
                    row["receivable"].order_names or "",
                    row["receivable"].amount_total,
                    row["receivable"].invoice_date_due,
                    row["receivable"].amount_residual,
                    # paid, or not due: no days overdue, blank as in the PDF
                    row["receivable"].days_overdue or None,
                    selection_label(row["receivable"], "bucket"),
                    row["receivable"].account_manager_id.name or "",
                    row["action"]
                    and f"{row['action'].date} "
                    f"{selection_label(row['action'], 'action')}: "
                    f"{row['action'].description}"
                    or "",
                    row["action"] and row["action"].promise_date or None,
                    _("Yes") if receivables[partner.id]["credit"] else _("No"),
                ]
                for partner in partners
                for row in receivables[partner.id]["rows"]
            ],
            total_label=_("Total"),
        )
        labels = dict(
            self.env["lam.receivable"]
            ._fields["bucket"]
            ._description_selection(self.env)
        )
        report.add_table_sheet(
            _("Ageing"),
            _("Ageing per Customer"),
            meta,
            [Col(_("Customer"), 26)]
            + [Col(labels[key], 13, "float", total=True) for key, _label in BUCKETS]
            + [Col(_("Amount Due"), 13, "float", total=True)],
            [
                [partner.name]
                + [receivables[partner.id]["buckets"][key] for key, _label in BUCKETS]
                + [receivables[partner.id]["due"]]
                for partner in partners
                # as the PDF: a customer with no invoice to show is left out
                if receivables[partner.id]["rows"]
            ],
            total_label=_("Total"),
        )
