# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# What a purchase row may be grouped by: the customer, his account manager (the
# customer's today), the month or the day, the product, the unit.
GROUPINGS = ("partner", "manager", "month", "day", "product", "uom")


class LamPurchaseAnalysis(models.AbstractModel):
    """The one place that serves what lubricant customers bought: volume in
    the company's reference unit and untaxed amount in company currency, net
    of returns, from the lines of ``lam.purchase.tracking`` (its docstring
    gives the rule for the day of a purchase).

    P7, P10, ABC grades, plans (P2-P4), sales plans, quotas, PSI, forecasts
    and purchase drops read purchases here: one SQL statement groups the
    lines by customer, product and unit (and month or day when asked).
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
        refunds=True,
    ):
        """Return the purchases of ``partners`` (commercial partners) between
        ``date_from`` and ``date_to`` (days, inclusive, in the time zone of the
        company's working hours: the rule of ``lam.purchase.tracking``).

        :param partners: customers; None for every customer the user may see
        :param groupby: subset of ("partner", "manager", "month", "day", "product",
            "uom"): not both month and day; "manager" is the customer's account
            manager (``manager_id``)
        :param company: the company whose orders and reference unit count (default:
        current)
        :param refunds: net of returns: the lubricant lines of the posted customer
            credit notes dated in the period are subtracted (the default); a caller
            that needs the gross orders says ``refunds=False``
        :return: dict with
            ``rows``: one dict per group with the keys of ``groupby``
            (``partner_id``, ``manager_id``, ``month`` (first day), ``product_id``,
            ``uom_id``:
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
            date_from,
            date_to,
            partners,
            period,
            company,
            refunds=refunds,
            groupby=groupby,
        )
        # the statement grouped them by the caller's keys already: one row each
        keys = [self._lam_key_name(name) for name in groupby]
        rows, unconvertible = [], []
        for group in raw:
            if not group.pop("convertible"):
                group["qty"] = group.pop("uom_qty")
                del group["volume"]
                unconvertible.append(group)
                continue
            rows.append(
                {
                    **{key: group[key] for key in keys},
                    "qty": group["volume"],
                    "uom_qty": group["uom_qty"],
                    "amount": group["amount"],
                }
            )
        return {
            "rows": rows,
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
        self, date_from, date_to, partners, period, company, refunds=True, groupby=None
    ):
        """Sum the purchase lines (less the returns when ``refunds``) by the
        customer and his manager as ``groupby`` asks, ``period`` ("month",
        "day" or None), product and unit (what the conversion needs), convert
        each group into the reference unit (``_lam_volume_query``, the
        conversion of the view and of tools/volume.py), and sum the groups
        that convert to the caller's ``groupby`` in the same statement: the
        rows are those the caller needs, not one per customer, product and
        unit (173,542 rows for a year at 10,000 customers). The groups no unit
        bridges come back as they are (by customer when grouped by customer),
        with ``convertible`` false."""
        query = self._lam_purchase_groups_query(
            date_from, date_to, partners, period, company, refunds, groupby
        )
        if query is None:
            return []
        rows = self.env.execute_query_dict(query)
        for row in rows:
            for name in ("uom_qty", "volume", "amount"):
                row[name] = float(row[name] or 0.0)
            row["month"] = row["day"] = row.pop("period")
        return rows

    @api.model
    def _lam_purchase_groups_query(
        self, date_from, date_to, partners, period, company, refunds=True, groupby=None
    ):
        """The statement of ``_lam_purchase_groups`` (columns partner_id,
        manager_id, product_id, uom_id, period, uom_qty, amount, volume,
        convertible), for a caller that aggregates it further in SQL; None
        when there are no customers to read."""
        if partners is not None and not partners:
            return None
        Lines = self.env["lam.purchase.tracking"]
        Lines._lam_flush()
        lines = Lines._lam_lines_query(
            company,
            date_from,
            date_to,
            partners=None if partners is None else partners.ids,
        )
        keys = {name: name in (groupby or GROUPINGS) for name in GROUPINGS}
        period_sql = {
            "month": SQL("date_trunc('month', lines.date)::date"),
            "day": SQL("lines.date"),
        }.get(period, SQL("NULL::date"))
        # the lines as the caller groups them (customer or manager, period),
        # with what converts them (product and unit)
        manager_join = SQL("")
        if keys["manager"]:
            manager_join = SQL(
                "LEFT JOIN res_partner customer ON customer.id = lines.partner_id"
            )
        rows = SQL(
            """
            SELECT %(company)s AS company_id, %(partner)s AS partner_id,
                   %(manager)s AS manager_id, %(period)s AS period,
                   lines.product_id, lines.uom_id, lines.uom_qty, lines.amount
              FROM (%(lines)s) lines %(manager_join)s
             WHERE %(kinds)s
            """,
            company=company.id,
            partner=SQL("lines.partner_id")
            if keys["partner"]
            else SQL("NULL::integer"),
            manager=SQL("customer.user_id")
            if keys["manager"]
            else SQL("NULL::integer"),
            period=period_sql,
            lines=lines,
            manager_join=manager_join,
            kinds=SQL("TRUE") if refunds else SQL("lines.kind = 'order'"),
        )
        if not (keys["partner"] and period):
            # converted once per group, not per line: by manager and day a year
            # is 7,000 groups, not 300,000 lines (by customer and month or day
            # the groups are nearly as many as the lines, and a second
            # aggregation would cost more than the conversion it saves)
            rows = SQL(
                """
                SELECT company_id, partner_id, manager_id, period, product_id, uom_id,
                       SUM(uom_qty) AS uom_qty, SUM(amount) AS amount
                  FROM (%s) line_rows
                 GROUP BY 1, 2, 3, 4, 5, 6
                """,
                rows,
            )
        selected = SQL(", ").join(
            SQL(
                "%s AS %s",
                SQL.identifier(column) if keys[name] else SQL("NULL::integer"),
                SQL.identifier(column),
            )
            for name, column in (
                ("partner", "partner_id"),
                ("manager", "manager_id"),
                ("product", "product_id"),
                ("uom", "uom_id"),
            )
        )
        return SQL(
            """
            WITH converted AS (%(converted)s)
            SELECT %(selected)s, %(period)s AS period,
                   SUM(uom_qty) AS uom_qty, SUM(amount) AS amount,
                   SUM(volume) AS volume, TRUE AS convertible
              FROM converted
             WHERE convertible
             GROUP BY 1, 2, 3, 4, 5
             UNION ALL
            SELECT partner_id, manager_id, product_id, uom_id, period,
                   SUM(uom_qty), SUM(amount), 0.0, FALSE
              FROM converted
             WHERE NOT convertible
             GROUP BY 1, 2, 3, 4, 5
            """,
            converted=Lines._lam_volume_query(rows),
            selected=selected,
            period=SQL("period") if period else SQL("NULL::date"),
        )

    @api.model
    def _lam_first_purchase_days(self, partners, company=None):
        """{customer id: day of his first purchase of lubricants, ever}: his
        earliest confirmed order holding a lubricant, found from his own orders
        (the order's customer index) rather than from every purchase line, its
        day in the company's time zone."""
        if not partners:
            return {}
        company = company or self.env.company
        self.env["lam.purchase.tracking"]._lam_flush()
        return dict(
            self.env.execute_query(
                SQL(
                    """
            SELECT rp.commercial_partner_id,
                   timezone(%(tz)s, MIN(so.date_order) AT TIME ZONE 'UTC')::date
              FROM res_partner rp
              JOIN sale_order so ON so.partner_id = rp.id
             WHERE rp.commercial_partner_id = ANY(%(partners)s)
               AND so.state = 'sale' AND so.company_id = %(company)s
               AND EXISTS (
                   SELECT 1
                     FROM sale_order_line sol
                     JOIN product_product pp ON pp.id = sol.product_id
                     JOIN product_template pt ON pt.id = pp.product_tmpl_id
                    WHERE sol.order_id = so.id AND sol.display_type IS NULL
                      AND pt.lam_is_lubricant
               )
             GROUP BY 1
            """,
                    tz=company._lam_tz(),
                    partners=partners.ids,
                    company=company.id,
                )
            )
        )

    @api.model
    def _lam_purchase_days(self, partners, date_from, date_to, company=None):
        """{customer id: sorted days he bought lubricants on (orders)}."""
        if not partners:
            return {}
        company = company or self.env.company
        Lines = self.env["lam.purchase.tracking"]
        Lines._lam_flush()
        return dict(
            self.env.execute_query(
                SQL(
                    """
            SELECT partner_id, array_agg(DISTINCT date ORDER BY date)
              FROM (%s) lines
             WHERE kind = 'order'
             GROUP BY 1
            """,
                    Lines._lam_lines_query(
                        company, date_from, date_to, partners=partners.ids
                    ),
                )
            )
        )

    @api.model
    def _lam_month_progress(self, customers, months, company=None):
        """The monthly progress of Art. 22.4 for the months ``months`` (first
        days): {month: {"lost": set of customer ids, "new": {customer id:
        volume}}}, from one purchases-service call.

        - lost in a month: bought (net) in the twelve months before, nothing in
          the last ``lam_lost_months`` months ending with it, and for the first
          time so (his last purchase was that many months before);
        - new volume: what customers who bought nothing in the twelve months
          before bought in the month.
        """
        company = company or self.env.company
        result = {month: {"lost": set(), "new": {}} for month in months}
        if not months or not customers:
            return result
        lost_after = company.lam_lost_months
        rows = self._lam_purchases(
            min(months) - relativedelta(months=12 + lost_after),
            max(months) + relativedelta(months=1, days=-1),
            partners=customers,
            groupby=("partner", "month"),
            company=company,
        )["rows"]
        bought = defaultdict(dict)
        for row in rows:
            if row["qty"] > 0:
                bought[row["partner_id"]][row["month"]] = row["qty"]
        for partner_id, monthly in bought.items():
            for month in months:
                before = [
                    day
                    for day in monthly
                    if month - relativedelta(months=12) <= day < month
                ]
                if month in monthly and not before:
                    result[month]["new"][partner_id] = monthly[month]
                last = max((day for day in monthly if day <= month), default=None)
                if last == month - relativedelta(months=lost_after):
                    result[month]["lost"].add(partner_id)
        return result
