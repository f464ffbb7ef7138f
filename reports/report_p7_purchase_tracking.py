# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models

from ..tools.periods import month_bounds


class ReportP7PurchaseTrackingMixin(models.AbstractModel):
    """P7 购进跟踪: per customer, month and product, the volume bought in the
    reference unit (purchases service, net of returns), the amount, the
    customer's last recorded stock on hand in the month, and the trend (环比)
    against the product's last month with purchases, which it names; a month
    without purchases (a stock count only, or returns) carries no trend."""

    _name = "lam.p7.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "P7 Purchase Tracking"

    @api.model
    def _lam_tracking(self, partners, date_from, date_to):
        """{partner id: [row per month and product, oldest first]}: one
        purchases-service call (reaching back a look-back before the period for
        the trend's base) and one search of the stocks."""
        first, last = month_bounds(date_from)[0], month_bounds(date_to)[1]
        look_back = self.env.company.lam_abc_months
        rows = self.env["lam.purchase.analysis"]._lam_purchases(
            first - relativedelta(months=look_back),
            last,
            partners=partners,
            groupby=("partner", "month", "product"),
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
        bought = {
            (row["partner_id"], row["month"], row["product_id"]): row for row in rows
        }
        keys = set(bought) | set(stocks)
        products = self.env["product.product"].browse({key[2] for key in keys})
        names = {product.id: product.display_name for product in products}
        groups = {product.id: product.categ_id.display_name for product in products}
        result = defaultdict(list)
        last_bought = {}
        for partner_id, month, product_id in sorted(
            keys, key=lambda key: (key[0], key[1], names[key[2]])
        ):
            row = bought.get((partner_id, month, product_id), {})
            qty = row.get("qty", 0.0)
            base = last_bought.get((partner_id, product_id))
            if qty > 0:
                last_bought[partner_id, product_id] = (month, qty)
            if month < first:
                continue
            trend = trend_base = None
            if qty > 0 and base:  # a month without purchases carries no trend
                trend = 100.0 * (qty - base[1]) / base[1]
                trend_base = base[0].strftime("%Y-%m")
            result[partner_id].append(
                {
                    "month": month.strftime("%Y-%m"),
                    "product": names[product_id],
                    "group": groups[product_id],
                    "qty": qty,
                    "amount": row.get("amount", 0.0),
                    "stock": stocks.get((partner_id, month, product_id)),
                    "trend": trend,
                    "trend_base": trend_base,
                }
            )
        return result

    @api.model
    def _lam_tracking_totals(self, rows):
        """[(product group, volume, amount)] of a customer's rows, by group,
        then (None, volume, amount) for all of them."""
        totals = defaultdict(lambda: [0.0, 0.0])
        for row in rows:
            totals[row["group"]][0] += row["qty"]
            totals[row["group"]][1] += row["amount"]
        lines = [(group, *totals[group]) for group in sorted(totals)]
        lines.append(
            (
                None,
                sum(row["qty"] for row in rows),
                sum(row["amount"] for row in rows),
            )
        )
        return lines

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
        # several customers: those without a purchase or a stock in the period
        # are left out, and the first page names them (as P8 does)
        printed = partners.filtered(lambda partner: tracking[partner.id])
        printed = printed or partners[:1]
        return {
            "doc_ids": printed.ids,
            "doc_model": "res.partner",
            "docs": printed,
            "left_out": partners - printed,
            "currency": self.env.company.currency_id,
            "date_from": date_from,
            "date_to": date_to,
            "tracking": tracking,
            "totals": {
                partner_id: self._lam_tracking_totals(rows)
                for partner_id, rows in tracking.items()
            },
            "reference_uom": self.env.company._lam_reference_uom().name,
        }
