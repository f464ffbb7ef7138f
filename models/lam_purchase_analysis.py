# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime
from collections import defaultdict

import pytz

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# What a purchase row may be grouped by, besides the customer.
GROUPINGS = ("partner", "month", "day", "product", "uom")


class LamPurchaseAnalysis(models.AbstractModel):
    """The one place that computes what lubricant customers bought: quantity
    in the company's reference unit and untaxed amount in company currency,
    from confirmed sale orders of lubricant products.

    P10, and later ABC grades, sales plans, purchase-drop detection and P7
    all read purchases here. One SQL statement groups the order lines by
    customer, product and unit (and month when asked); the conversion factor
    into the reference unit is then computed once per product and unit, not
    per line.
    """

    _name = "lam.purchase.analysis"
    _description = "Purchases of Lubricant Customers"

    @api.model
    def _lam_purchases(
        self,
        date_from,
        date_to,
        partners=None,
        groupby=("partner",),
        company=None,
        refunds=False,
    ):
        """Return the purchases of ``partners`` (commercial partners) ordered
        between ``date_from`` and ``date_to`` (dates, inclusive, in the
        user's time zone).

        :param partners: customers; None for every customer the user may see
        :param groupby: subset of ("partner", "month", "day", "product", "uom"): not
        both month and day
        :param company: the company whose orders and reference unit count (default:
        current)
        :param refunds: also subtract the lubricant lines of the posted customer
            credit notes dated in the period (returns reach the books that way)
        :return: dict with
            ``rows``: one dict per group with the keys of ``groupby``
            (``partner_id``, ``month`` (first day), ``product_id``, ``uom_id``:
            ids and dates) and ``qty`` (reference unit), ``amount``, and
            ``uom_qty`` (in the line's own unit: meaningful when grouped by unit);
            ``unconvertible``: the lines whose unit cannot be converted into
            the reference unit, by customer, month, product and unit, with
            ``qty`` in their own unit and ``amount`` (never counted in ``rows``);
            ``reference_uom``: the unit of ``qty``.
        """
        assert set(groupby) <= set(GROUPINGS), f"unknown grouping in {groupby}"
        company = company or self.env.company
        partners = self._lam_readable_customers(partners)
        period = "day" if "day" in groupby else "month" if "month" in groupby else None
        raw = self._lam_purchase_groups(
            date_from, date_to, partners, period, company, refunds=refunds
        )
        factors = self._lam_reference_factors(raw, company)
        rows = defaultdict(lambda: {"qty": 0.0, "amount": 0.0, "uom_qty": 0.0})
        unconvertible = []
        for group in raw:
            factor = factors[group["product_id"], group["uom_id"]]
            if factor is None:
                unconvertible.append(group)
                continue
            key = tuple(group[self._lam_key_name(name)] for name in groupby)
            row = rows[key]
            row["qty"] += group["qty"] * factor
            row["uom_qty"] += group["qty"]
            row["amount"] += group["amount"]
        return {
            "rows": [
                {
                    **{
                        self._lam_key_name(name): value
                        for name, value in zip(groupby, key, strict=False)
                    },
                    **values,
                }
                for key, values in rows.items()
            ],
            "unconvertible": unconvertible,
            "reference_uom": company._lam_reference_uom(),
        }

    @api.model
    def _lam_key_name(self, grouping):
        return grouping if grouping in ("month", "day") else f"{grouping}_id"

    @api.model
    def _lam_readable_customers(self, partners):
        """Return the customers whose purchases the user may see: lubricant
        customers he may read as such (his own, his team's; finance and
        administrators all). Purchases are part of the archive: whoever may
        read the customer sees them, even orders a colleague took."""
        if self.env.su:
            return partners
        if not self.env.user._lam_is_addon_user():
            raise AccessError(
                self.env._(
                    "Purchases of lubricant customers are for account management only."
                )
            )
        customers = self.env["res.partner"]
        if partners is None:
            return customers.search(
                [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
            )
        partners = partners.with_env(self.env)
        partners.check_access("read")
        return partners.filtered("lam_customer_kind")

    @api.model
    def _lam_purchase_groups(
        self, date_from, date_to, partners, period, company, refunds=False
    ):
        """Sum the confirmed lubricant order lines (less the lines of posted
        credit notes when ``refunds``) by customer, product and unit (and
        ``period``: "month", "day" or None)."""
        if partners is not None and not partners:
            return []
        tz_name = self.env.context.get("tz") or self.env.user.tz or "UTC"
        tz = pytz.timezone(tz_name) if tz_name in pytz.all_timezones_set else pytz.utc
        start, stop = (
            tz.localize(datetime.datetime.combine(day, datetime.time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
            for day in (date_from, date_to + datetime.timedelta(days=1))
        )
        local_day = SQL("timezone(%s, so.date_order AT TIME ZONE 'UTC')", tz.zone)
        partner_filter = (
            SQL("AND partner.commercial_partner_id = ANY(%s)", partners.ids)
            if partners is not None
            else SQL("")
        )
        for model, fnames in (
            (
                "sale.order",
                ["state", "company_id", "date_order", "partner_id", "currency_rate"],
            ),
            (
                "sale.order.line",
                [
                    "order_id",
                    "product_id",
                    "product_uom",
                    "product_uom_qty",
                    "price_subtotal",
                    "display_type",
                ],
            ),
            ("res.partner", ["commercial_partner_id"]),
            ("product.template", ["lam_is_lubricant"]),
        ):
            self.env[model].flush_model(fnames)
        lines = SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id, %(local_day)s AS day,
                line.product_id,
                   line.product_uom AS uom_id, line.product_uom_qty AS qty,
                   line.price_subtotal / COALESCE(NULLIF(so.currency_rate, 0), 1.0) AS
                       amount
              FROM sale_order_line line
              JOIN sale_order so ON so.id = line.order_id
              JOIN res_partner partner ON partner.id = so.partner_id
              JOIN product_product product ON product.id = line.product_id
              JOIN product_template template ON template.id = product.product_tmpl_id
             WHERE so.state = 'sale'
               AND so.company_id = %(company)s
               AND so.date_order >= %(start)s AND so.date_order < %(stop)s
               AND line.display_type IS NULL
               AND template.lam_is_lubricant
               %(partner_filter)s
            """,
            local_day=local_day,
            company=company.id,
            start=start,
            stop=stop,
            partner_filter=partner_filter,
        )
        if refunds:
            lines = SQL(
                "%s UNION ALL %s",
                lines,
                self._lam_refund_lines(date_from, date_to, partners, company),
            )
        period_sql = {
            "month": SQL("date_trunc('month', day)::date"),
            "day": SQL("day::date"),
        }.get(period, SQL("NULL::date"))
        # One statement over the lines: the ORM's _read_group cannot group
        # order lines by the order's commercial partner and its local month.
        rows = self.env.execute_query_dict(
            SQL(
                """
            SELECT partner_id, %(period)s AS period, product_id, uom_id, SUM(qty) AS
                qty, SUM(amount) AS amount
              FROM (%(lines)s) lines
             GROUP BY 1, 2, 3, 4
            """,
                period=period_sql,
                lines=lines,
            )
        )
        for row in rows:
            row["qty"] = float(row["qty"] or 0.0)
            row["amount"] = float(row["amount"] or 0.0)
            row["month"] = row["day"] = row.pop("period")
        return rows

    @api.model
    def _lam_refund_lines(self, date_from, date_to, partners, company):
        """The lubricant lines of posted customer credit notes dated in the
        period, as negative purchases (quantity in the line's unit, untaxed
        amount in company currency)."""
        for model, fnames in (
            (
                "account.move",
                [
                    "move_type",
                    "state",
                    "company_id",
                    "invoice_date",
                    "commercial_partner_id",
                ],
            ),
            (
                "account.move.line",
                [
                    "move_id",
                    "product_id",
                    "product_uom_id",
                    "quantity",
                    "balance",
                    "display_type",
                ],
            ),
        ):
            self.env[model].flush_model(fnames)
        partner_filter = (
            SQL("AND move.commercial_partner_id = ANY(%s)", partners.ids)
            if partners is not None
            else SQL("")
        )
        return SQL(
            """
            SELECT move.commercial_partner_id AS partner_id,
                move.invoice_date::timestamp AS day, line.product_id,
                   line.product_uom_id AS uom_id, -line.quantity AS qty, -line.balance
                       AS amount
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
              JOIN product_product product ON product.id = line.product_id
              JOIN product_template template ON template.id = product.product_tmpl_id
             WHERE move.move_type = 'out_refund'
               AND move.state = 'posted'
               AND move.company_id = %(company)s
               AND move.invoice_date BETWEEN %(date_from)s AND %(date_to)s
               AND line.display_type = 'product'
               AND line.product_uom_id IS NOT NULL
               AND template.lam_is_lubricant
               %(partner_filter)s
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
            partner_filter=partner_filter,
        )

    @api.model
    def _lam_first_purchase_days(self, partners, company=None):
        """{customer id: local day of his first confirmed order of lubricants, ever}."""
        if not partners:
            return {}
        company = company or self.env.company
        tz_name = self.env.context.get("tz") or self.env.user.tz or "UTC"
        tz = pytz.timezone(tz_name) if tz_name in pytz.all_timezones_set else pytz.utc
        self.env["sale.order"].flush_model(
            ["state", "company_id", "date_order", "partner_id"]
        )
        self.env["sale.order.line"].flush_model(
            ["order_id", "product_id", "display_type"]
        )
        # one statement: the first order of each customer (a MIN the ORM groups cannot
        # take per commercial partner)
        rows = self.env.execute_query(
            SQL(
                """
            SELECT partner.commercial_partner_id,
                   MIN(timezone(%(tz)s, so.date_order AT TIME ZONE 'UTC'))::date
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.state = 'sale' AND so.company_id = %(company)s
               AND partner.commercial_partner_id = ANY(%(partners)s)
               AND EXISTS (SELECT 1 FROM sale_order_line line
                             JOIN product_product product
                               ON product.id = line.product_id
                             JOIN product_template template
                               ON template.id = product.product_tmpl_id
                            WHERE line.order_id = so.id AND template.lam_is_lubricant)
             GROUP BY 1
            """,
                tz=tz.zone,
                company=company.id,
                partners=partners.ids,
            )
        )
        return dict(rows)

    @api.model
    def _lam_reference_factors(self, groups, company):
        """Return {(product id, uom id): factor into the reference unit, or None}."""
        pairs = {(group["product_id"], group["uom_id"]) for group in groups}
        products = self.env["product.product"].browse(
            {product_id for product_id, _uom in pairs}
        )
        uoms = self.env["uom.uom"].browse({uom_id for _product, uom_id in pairs})
        products.fetch(["lam_density"])
        uoms.fetch(["factor", "category_id"])
        return {
            (product_id, uom_id): company._lam_reference_factor(
                uoms.browse(uom_id), products.browse(product_id)
            )
            for product_id, uom_id in pairs
        }
