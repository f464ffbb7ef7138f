# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import api, models

from ..tools.periods import month_bounds


class ReportP7PurchaseTrackingMixin(models.AbstractModel):
    """P7 购进跟踪: per customer, month and product, the volume bought in the
    reference unit (purchases service, credit notes deducted), the amount,
    the customer's last recorded stock on hand in the month, and the trend
    against the product's previous month."""

    _name = "lam.p7.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "P7 Purchase Tracking"

    @api.model
    def _lam_tracking(self, partners, date_from, date_to):
        """{partner id: [row per month and product, oldest first]}: one
        purchases-service call and one search of the stocks."""
        first, last = month_bounds(date_from)[0], month_bounds(date_to)[1]
        rows = self.env["lam.purchase.analysis"]._lam_purchases(
            first,
            last,
            partners=partners,
            groupby=("partner", "month", "product"),
            refunds=True,
        )["rows"]
        stocks = {}
        for stock in self.env["lam.customer.stock"].search(
            [
                ("partner_id", "in", partners.ids),
                ("date", ">=", first),
                ("date", "<=", last),
            ],
            order="date, id",
        ):
            stocks[
                stock.partner_id.id, month_bounds(stock.date)[0], stock.product_id.id
            ] = stock.quantity
        keys = {
            (row["partner_id"], row["month"], row["product_id"]) for row in rows
        } | set(stocks)
        bought = {
            (row["partner_id"], row["month"], row["product_id"]): row for row in rows
        }
        products = self.env["product.product"].browse({key[2] for key in keys})
        names = {product.id: product.display_name for product in products}
        result = defaultdict(list)
        previous = {}
        for partner_id, month, product_id in sorted(
            keys, key=lambda key: (key[0], key[1], names[key[2]])
        ):
            row = bought.get((partner_id, month, product_id), {})
            qty = row.get("qty", 0.0)
            before = previous.get((partner_id, product_id))
            result[partner_id].append(
                {
                    "month": month.strftime("%Y-%m"),
                    "product": names[product_id],
                    "qty": qty,
                    "amount": row.get("amount", 0.0),
                    "stock": stocks.get((partner_id, month, product_id)),
                    "trend": 100.0 * (qty - before) / before if before else None,
                }
            )
            previous[partner_id, product_id] = qty
        return result

    @api.model
    def _lam_p7_values(self, docids, data):
        partners = self._lam_report_partners(docids, data)
        date_from, date_to = self._lam_report_period(data)
        return (
            partners,
            date_from,
            date_to,
            self._lam_tracking(partners, date_from, date_to),
        )


class ReportP7PurchaseTracking(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_p7_purchase_tracking"
    _inherit = ["lam.p7.report.mixin"]
    _description = "P7 Purchase Tracking"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners, date_from, date_to, tracking = self._lam_p7_values(docids, data)
        return {
            "doc_ids": partners.ids,
            "doc_model": "res.partner",
            "docs": partners,
            "date_from": date_from,
            "date_to": date_to,
            "tracking": tracking,
            "reference_uom": self.env.company._lam_reference_uom().name,
        }
