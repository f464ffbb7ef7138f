# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import api, fields, models


class ReportP10ArchiveDynamic(models.AbstractModel):
    """P10 客户档案（动态信息）: purchases, oil usage, samples and credit changes
    of a period."""

    _name = "report.lubricant_account_manager.report_p10_archive_dynamic"
    _inherit = ["lam.report.mixin"]
    _description = "P10 Customer Archive (Dynamic)"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self._lam_report_partners(docids, data)
        date_from, date_to = self._lam_report_period(data)
        dynamics = self._lam_dynamic_data(partners, date_from, date_to)
        # several customers: those with nothing in the period are left out,
        # and the first page names them (as P7 and P8 do)
        printed = partners.filtered(
            lambda partner: self._lam_has_dynamics(dynamics[partner.id])
        )
        printed = printed or partners[:1]
        return {
            "doc_ids": printed.ids,
            "doc_model": "res.partner",
            "docs": printed,
            "left_out": partners - printed,
            "date_from": date_from,
            "date_to": date_to,
            "dynamics": dynamics,
            "section_labels": [
                ("purchases", self.env._("Purchases")),
                ("usages", self.env._("Oil Usage")),
                ("samples", self.env._("Oil Samples")),
                ("credit_events", self.env._("Credit Changes")),
            ],
            "currency": self.env.company.currency_id,
            # one term with its unit: the brackets are the reader's language's
            "reference_qty_label": self.env._(
                "Reference Quantity (%(unit)s)",
                unit=self.env.company._lam_reference_uom().name,
            ),
        }

    @api.model
    def _lam_has_dynamics(self, dynamic):
        """Whether a customer has a purchase, a usage, a sample or a credit
        change in the period."""
        return any(
            dynamic[key] for key in ("purchases", "usages", "samples", "credit_events")
        )

    @api.model
    def _lam_dynamic_data(self, partners, date_from, date_to):
        """Return {partner id: {purchases, purchase totals, usages, samples,
        credit_events}} in a few queries."""
        reference = self.env.company._lam_reference_uom().name
        result = {
            partner.id: {
                "purchases": [],
                "purchase_months": {},
                "purchase_products": {},
                "purchase_total": [0.0, 0.0],
                "reference_uom": reference,
                "usages": [],
                "samples": [],
                "credit_events": [],
            }
            for partner in partners
        }
        for partner_id, purchases in self._lam_purchase_lines(
            partners, date_from, date_to
        ).items():
            result[partner_id].update(purchases)
        usage_domain = [
            ("partner_id", "in", partners.ids),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        for usage in self.env["lam.oil.usage"].search(usage_domain, order="date, id"):
            result[usage.partner_id.id]["usages"].append(usage)
        sample_domain = [
            ("partner_id", "in", partners.ids),
            ("sample_date", ">=", date_from),
            ("sample_date", "<=", date_to),
        ]
        for sample in self.env["lam.oil.sample"].search(
            sample_domain, order="sample_date, id"
        ):
            result[sample.partner_id.id]["samples"].append(sample)
        if self.env["lam.credit.event"].has_access("read"):
            event_domain = [
                ("partner_id", "in", partners.ids),
                ("date", ">=", date_from),
                ("date", "<", fields.Date.add(date_to, days=1)),
            ]
            for event in self.env["lam.credit.event"].search(
                event_domain, order="date, id"
            ):
                result[event.partner_id.id]["credit_events"].append(event)
        return result

    @api.model
    def _lam_purchase_lines(self, partners, date_from, date_to):
        """Return {partner id: {purchases, purchase_months, purchase_products,
        purchase_total}}:
        the lines by month, product and unit, with totals by month and by
        product, from the purchases service. Lines whose unit cannot be
        converted are listed with no reference quantity and left out of totals."""
        purchases = self.env["lam.purchase.analysis"]._lam_purchases(
            date_from,
            date_to,
            partners=partners,
            groupby=("partner", "month", "product", "uom"),
        )
        reference = purchases["reference_uom"].name
        lines = [dict(row, reference_qty=row["qty"]) for row in purchases["rows"]] + [
            dict(row, uom_qty=row["qty"], reference_qty=None)
            for row in purchases["unconvertible"]
        ]
        products = self.env["product.product"].browse(
            {line["product_id"] for line in lines}
        )
        uoms = self.env["uom.uom"].browse({line["uom_id"] for line in lines})
        by_partner = defaultdict(
            lambda: {
                "purchases": [],
                "purchase_months": defaultdict(lambda: [0.0, 0.0]),
                "purchase_products": defaultdict(lambda: [0.0, 0.0]),
                "purchase_total": [0.0, 0.0],
            }
        )
        for line in sorted(
            lines,
            key=lambda line: (
                line["month"],
                products.browse(line["product_id"]).display_name,
            ),
        ):
            values = by_partner[line["partner_id"]]
            product = products.browse(line["product_id"])
            month = line["month"].strftime("%Y-%m")
            values["purchases"].append(
                {
                    "month": month,
                    "product": product.display_name,
                    "qty": line["uom_qty"],
                    "uom": uoms.browse(line["uom_id"]).name,
                    "reference_qty": line["reference_qty"],
                    "reference_uom": reference,
                    "amount": line["amount"],
                }
            )
            if line["reference_qty"] is None:
                continue
            for total in (
                values["purchase_months"][month],
                values["purchase_products"][product.display_name],
                values["purchase_total"],
            ):
                total[0] += line["reference_qty"]
                total[1] += line["amount"]
        return {
            partner_id: {
                **values,
                "purchase_months": dict(values["purchase_months"]),
                "purchase_products": dict(values["purchase_products"]),
                "reference_uom": reference,
            }
            for partner_id, values in by_partner.items()
        }
