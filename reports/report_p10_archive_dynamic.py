# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from collections import defaultdict

from odoo import _, api, fields, models

from ..tools.periods import DEFAULT_REPORT_MONTHS, trailing_months
from ..tools.xlsx import XlsxColumn as Col, XlsxReport, selection_label


class ReportP10ArchiveDynamic(models.AbstractModel):
    """P10 客户档案（动态信息）: purchases, oil usage, samples and credit changes of a period."""

    _name = "report.lubricant_account_manager.report_p10_archive_dynamic"
    _description = "P10 Customer Archive (Dynamic)"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        date_from, date_to = self._lam_period(data)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "date_from": date_from,
            "date_to": date_to,
            "dynamics": self._lam_dynamic_data(partners, date_from, date_to),
        }

    @api.model
    def _lam_period(self, data):
        data = data or {}
        default_from, default_to = trailing_months(fields.Date.context_today(self), DEFAULT_REPORT_MONTHS)
        return (
            fields.Date.to_date(data.get("date_from")) or default_from,
            fields.Date.to_date(data.get("date_to")) or default_to,
        )

    @api.model
    def _lam_dynamic_data(self, partners, date_from, date_to):
        """Return {partner id: {purchases, usages, samples, credit_events}} in a few queries."""
        partners.check_access("read")
        result = {
            partner.id: {"purchases": [], "usages": [], "samples": [], "credit_events": []}
            for partner in partners
        }
        for partner, values in self._lam_purchases(partners, date_from, date_to):
            result[partner.id]["purchases"].append(values)
        usage_domain = [("partner_id", "in", partners.ids), ("date", ">=", date_from), ("date", "<=", date_to)]
        for usage in self.env["lam.oil.usage"].search(usage_domain, order="date, id"):
            result[usage.partner_id.id]["usages"].append(usage)
        sample_domain = [("partner_id", "in", partners.ids), ("sample_date", ">=", date_from),
                         ("sample_date", "<=", date_to)]
        for sample in self.env["lam.oil.sample"].search(sample_domain, order="sample_date, id"):
            result[sample.partner_id.id]["samples"].append(sample)
        if self.env["lam.credit.event"].has_access("read"):
            event_domain = [("partner_id", "in", partners.ids), ("date", ">=", date_from),
                            ("date", "<", fields.Date.add(date_to, days=1))]
            for event in self.env["lam.credit.event"].search(event_domain, order="date, id"):
                result[event.partner_id.id]["credit_events"].append(event)
        return result

    @api.model
    def _lam_purchases(self, partners, date_from, date_to):
        """Yield (partner, values) per customer, month and product of confirmed sales."""
        # Purchases are part of the customer's archive: whoever may read the
        # customer (checked above) sees them, even the orders of colleagues
        # that the sale rules would hide.
        groups = self.env["sale.report"].sudo()._read_group(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("state", "=", "sale"),
                ("date", ">=", date_from),
                ("date", "<", fields.Date.add(date_to, days=1)),
                ("product_id", "!=", False),
            ],
            ["commercial_partner_id", "date:month", "product_id"],
            ["product_uom_qty:sum", "price_subtotal:sum"],
            order="commercial_partner_id, date:month, product_id",
        )
        company = self.env.company
        reference = company.lam_reference_uom_id
        for partner, month, product, qty, amount in groups:
            product = product.with_env(self.env)
            yield partner.with_env(self.env), {
                "month": month.strftime("%Y-%m"),
                "product": product.display_name,
                "qty": qty,
                "uom": product.uom_id.name,
                "reference_qty": company._lam_to_reference_qty(qty, product.uom_id, product, raise_if_failure=False),
                "reference_uom": reference.name,
                "amount": amount,
            }

    @api.model
    def _lam_xlsx(self, partners, options=None):
        """Return the P10 workbook (bytes): one sheet per kind of dynamic record."""
        date_from, date_to = self._lam_period(options)
        dynamics = self._lam_dynamic_data(partners, date_from, date_to)
        report = XlsxReport()
        meta = [_("Period: %(date_from)s to %(date_to)s", date_from=date_from, date_to=date_to)]
        rows = defaultdict(list)
        for partner in partners:
            data = dynamics[partner.id]
            rows["purchases"] += [
                [partner.name, p["month"], p["product"], p["qty"], p["uom"], p["reference_qty"], p["reference_uom"],
                 p["amount"]] for p in data["purchases"]
            ]
            rows["usages"] += [
                [partner.name, u.date, u.equipment_id.name, u.product_id.display_name or u.brand, u.quantity,
                 u.uom_id.name, u.reference_qty, u.note] for u in data["usages"]
            ]
            rows["samples"] += [
                [partner.name, s.name, s.sample_date, s.equipment_id.name, s.product_id.display_name or s.brand,
                 selection_label(s, "state"), selection_label(s, "result"), s.recommendation]
                for s in data["samples"]
            ]
            rows["credit_events"] += [
                [partner.name, fields.Datetime.context_timestamp(self, e.date).date(), e.changed_by_id.name, e.summary]
                for e in data["credit_events"]
            ]
        report.add_table_sheet(
            _("Purchases"), _("P10 Customer Archive (Dynamic): Purchases"), meta,
            [Col(_("Customer"), 28), Col(_("Month"), 10), Col(_("Product"), 28), Col(_("Quantity"), 12, "float"),
             Col(_("Unit"), 8), Col(_("Reference Quantity"), 14, "float"), Col(_("Reference Unit"), 10),
             Col(_("Untaxed Amount"), 14, "float")],
            rows["purchases"],
        )
        report.add_table_sheet(
            _("Oil Usage"), _("P10 Customer Archive (Dynamic): Oil Usage"), meta,
            [Col(_("Customer"), 28), Col(_("Date"), 12, "date"), Col(_("Equipment"), 20),
             Col(_("Product / Brand"), 24), Col(_("Quantity"), 12, "float"), Col(_("Unit"), 8),
             Col(_("Reference Quantity"), 14, "float"), Col(_("Note"), 30)],
            rows["usages"],
        )
        report.add_table_sheet(
            _("Oil Samples"), _("P10 Customer Archive (Dynamic): Oil Samples"), meta,
            [Col(_("Customer"), 28), Col(_("Reference"), 16), Col(_("Sampled On"), 12, "date"),
             Col(_("Equipment"), 20), Col(_("Product / Brand"), 24), Col(_("Status"), 12), Col(_("Result"), 12),
             Col(_("Recommendation"), 40)],
            rows["samples"],
        )
        report.add_table_sheet(
            _("Credit History"), _("P10 Customer Archive (Dynamic): Credit History"), meta,
            [Col(_("Customer"), 28), Col(_("Date"), 12, "date"), Col(_("Changed By"), 14), Col(_("Change"), 60)],
            rows["credit_events"],
        )
        return report.close()
