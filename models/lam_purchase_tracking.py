# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import datetime

import pytz

from odoo import api, fields, models
from odoo.tools import SQL


class LamPurchaseTracking(models.Model):
    """购进跟踪 (P7): the one definition of what a lubricant customer bought.

    One row per lubricant line of a confirmed sales order (a purchase) and
    per lubricant line of a posted customer credit note (a return, with
    negative quantity, volume and amount). The pivot and graph read this
    view; the purchases service (``lam.purchase.analysis``), and through it
    P7, P10, grades, plans, sales plans, quotas, PSI, forecasts and
    purchase drops, read the same SQL (``_lam_lines_query``) with their
    filters pushed into it.

    The rule for the day of a purchase: an order counts on the day of its
    order date in the time zone of the company's working hours (Settings ›
    Working Schedules), whoever reads it; a credit note on its invoice
    date. Volumes are in the company's reference unit: the conversion of
    tools/volume.py in SQL (Odoo's factors within a category, the product's
    density, or the company's, between volume and weight); a line no unit
    bridges counts no volume (``convertible`` is false)."""

    _name = "lam.purchase.tracking"
    _inherit = ["lam.volume.mixin"]
    _lam_volume_fields = ("volume",)
    _description = "Purchase Tracking"
    _auto = False
    _order = "date desc, id desc"
    # what the view reads: flushed before any search on it (and by _lam_flush)
    _depends = {
        "sale.order": [
            "state",
            "company_id",
            "date_order",
            "partner_id",
            "currency_rate",
        ],
        "sale.order.line": [
            "order_id",
            "product_id",
            "product_uom",
            "product_uom_qty",
            "price_subtotal",
            "display_type",
        ],
        "account.move": [
            "move_type",
            "state",
            "company_id",
            "invoice_date",
            "commercial_partner_id",
        ],
        "account.move.line": [
            "move_id",
            "product_id",
            "product_uom_id",
            "quantity",
            "balance",
            "display_type",
        ],
        "res.partner": ["commercial_partner_id", "user_id", "lam_customer_kind"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["lam_is_lubricant", "lam_density"],
        "uom.uom": ["factor", "category_id"],
        "res.company": [
            "lam_reference_uom_id",
            "lam_default_density",
            "resource_calendar_id",
        ],
        "resource.calendar": ["tz"],
    }

    kind = fields.Selection(
        [("order", "Purchase"), ("refund", "Return")],
        string="Purchase or Return",
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    account_manager_id = fields.Many2one(
        "res.users", string="Account Manager", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(
        readonly=True,
        help="The order date in the time zone of the company's working hours, or the "
        "credit note's date.",
    )
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    # each line in its own unit: not a measure to add up (the volume is)
    uom_qty = fields.Float(
        string="Quantity",
        digits="Product Unit of Measure",
        readonly=True,
        aggregator=None,
    )
    order_id = fields.Many2one("sale.order", string="Order", readonly=True)
    move_id = fields.Many2one("account.move", string="Credit Note", readonly=True)
    volume = fields.Float(
        string="Volume Bought",
        digits="Lubricant Volume",
        readonly=True,
        help="In the company's reference unit, net of returns.",
    )
    convertible = fields.Boolean(readonly=True)
    amount = fields.Float(
        string="Untaxed Amount",
        digits="Account",
        readonly=True,
        help="In the company's currency, net of returns.",
    )

    @property
    def _table_query(self):
        return self._lam_view_query()

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Groups in their natural order (the pivot's, a grouped list's) are
        ordered in SQL by the groups' keys, then here in the order of the
        records they name (one search per grouping by a record): ordering the
        lines by names joined the customer, product or manager of every line
        and sorted 300,000 lines on disk (P7's pivot at 10,000 customers), for
        a few dozen groups."""
        # a page of groups (a grouped list's) is ordered in SQL, as asked
        natural = not (orderby or offset or limit)
        result = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby="lam_group_keys" if natural else orderby,
            lazy=lazy,
        )
        if not natural or not result:
            return result
        specs = [groupby] if isinstance(groupby, str) else list(groupby)
        specs = [spec for spec in specs if spec in result[0]]
        ranks = {
            spec: self._lam_group_ranks(spec, result)
            for spec in specs
            if self._fields[spec.split(":")[0]].type == "many2one"
        }
        result.sort(
            key=lambda group: [
                self._lam_group_sort_key(group, spec, ranks.get(spec)) for spec in specs
            ]
        )
        return result

    @api.model
    def _lam_group_ranks(self, spec, groups):
        """{id: rank} of the records the groups by ``spec`` name, in their
        model's order as the database sorts it (its collation), in one
        query over a few dozen records."""
        field = self._fields[spec]
        ids = {group[spec][0] for group in groups if group[spec]}
        # as the system: only the order of records the groups name already
        ordered = (
            self.env[field.comodel_name]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", list(ids))])
        )
        return {record_id: rank for rank, record_id in enumerate(ordered.ids)}

    @api.model
    def _lam_group_sort_key(self, group, spec, ranks=None):
        """The order of a group by ``spec``: its record's rank, a period's
        start, the value; the empty group last."""
        field = self._fields[spec.split(":")[0]]
        value = group[spec]
        if field.type == "many2one":
            value = value and ranks.get(value[0], len(ranks))
            return (1, 0) if value is False else (0, value)
        if field.type in ("date", "datetime"):
            value = value and (group.get("__range") or {}).get(spec, {}).get("from")
        return (0, value) if value else (1, "")

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        if order == "lam_group_keys":
            # the groups' own keys (read_group orders the names after)
            order = None
        return super()._read_group_orderby(order, groupby_terms, query)

    def action_lam_checked(self):
        """The day's check of the purchases and stocks (Art. 20.2), recorded
        once a day for the user."""
        check = self.env["lam.purchase.check"]._lam_check_today()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Purchases and stocks checked on %(date)s.", date=check.date
                ),
            },
        }

    @api.model
    def _lam_flush(self):
        """Flush what the lines are read from (``_depends``), for a query of
        its own over ``_lam_lines_query``."""
        for model, fnames in self._depends.items():
            self.env[model].flush_model(fnames)

    @api.model
    def _lam_lines_query(
        self, company=None, date_from=None, date_to=None, partners=None, view=False
    ):
        """The purchase lines of lubricants, as SQL (columns id, kind, company_id,
        partner_id, date, product_id, uom_id, uom_qty, amount, order_id,
        move_id): all of them (the view), or those of ``company`` between the
        local days ``date_from`` and ``date_to`` (inclusive) of the commercial
        ``partners`` (ids; None for all), the filters inside each branch so
        that the indexes on the order date and the invoice date serve. The
        volume is added by ``_lam_volume_query``, on lines or on groups.

        For the ``view``, the lines of lubricant customers only, with their
        manager (``account_manager_id``), joined in each branch: joined to
        the union, the planner guessed a few hundred lines and looked each
        customer up by his index, 300,000 times."""
        manager = order_customer = move_customer = SQL("")
        if view:
            manager = SQL("cp.user_id AS account_manager_id,")
            order_customer = SQL(
                "JOIN res_partner cp ON cp.id = rp.commercial_partner_id "
                "AND cp.lam_customer_kind IS NOT NULL"
            )
            move_customer = SQL(
                "JOIN res_partner cp ON cp.id = move.commercial_partner_id "
                "AND cp.lam_customer_kind IS NOT NULL"
            )
        order_filter = move_filter = SQL("")
        local_day = SQL(
            "timezone(COALESCE(cal.tz, 'UTC'), so.date_order AT TIME ZONE 'UTC')::date"
        )
        calendar_join = SQL(
            """JOIN res_company co ON co.id = so.company_id
               LEFT JOIN resource_calendar cal ON cal.id = co.resource_calendar_id"""
        )
        if company:
            tz = pytz.timezone(company._lam_tz())
            start, stop = (
                tz.localize(datetime.datetime.combine(day, datetime.time.min))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
                for day in (date_from, date_to + datetime.timedelta(days=1))
            )
            # one company: its time zone is a constant
            local_day = SQL(
                "timezone(%s, so.date_order AT TIME ZONE 'UTC')::date", tz.zone
            )
            calendar_join = SQL("")
            order_filter = SQL(
                "AND so.company_id = %s AND so.date_order >= %s AND so.date_order < %s",
                company.id,
                start,
                stop,
            )
            move_filter = SQL(
                "AND move.company_id = %s AND move.invoice_date BETWEEN %s AND %s",
                company.id,
                date_from,
                date_to,
            )
        if partners is not None:
            order_filter = SQL(
                "%s AND rp.commercial_partner_id = ANY(%s)",
                order_filter,
                list(partners),
            )
            move_filter = SQL(
                "%s AND move.commercial_partner_id = ANY(%s)",
                move_filter,
                list(partners),
            )
        return SQL(
            """
            SELECT sol.id * 2 AS id, 'order' AS kind, so.company_id,
                   rp.commercial_partner_id AS partner_id, %(manager)s
                   %(local_day)s AS date,
                   sol.product_id, sol.product_uom AS uom_id,
                   sol.product_uom_qty AS uom_qty,
                   sol.price_subtotal / COALESCE(NULLIF(so.currency_rate, 0), 1.0)
                       AS amount,
                   so.id AS order_id, NULL::integer AS move_id
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner rp ON rp.id = so.partner_id %(order_customer)s
              JOIN product_product pp ON pp.id = sol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              %(calendar_join)s
             WHERE so.state = 'sale' AND sol.display_type IS NULL
               AND pt.lam_is_lubricant %(order_filter)s
            UNION ALL
            SELECT aml.id * 2 + 1 AS id, 'refund' AS kind, move.company_id,
                   move.commercial_partner_id AS partner_id, %(manager)s
                   move.invoice_date AS date,
                   aml.product_id, aml.product_uom_id AS uom_id,
                   -aml.quantity AS uom_qty, -aml.balance AS amount,
                   NULL::integer AS order_id, move.id AS move_id
              FROM account_move_line aml
              JOIN account_move move ON move.id = aml.move_id %(move_customer)s
              JOIN product_product pp ON pp.id = aml.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE move.move_type = 'out_refund' AND move.state = 'posted'
               AND aml.display_type = 'product' AND aml.product_uom_id IS NOT NULL
               AND pt.lam_is_lubricant %(move_filter)s
            """,
            local_day=local_day,
            manager=manager,
            order_customer=order_customer,
            move_customer=move_customer,
            calendar_join=calendar_join,
            order_filter=order_filter,
            move_filter=move_filter,
        )

    @api.model
    def _lam_volume_query(self, rows):
        """``rows`` (SQL with company_id, product_id, uom_id, uom_qty and any
        other column) with ``convertible`` and ``volume``: the quantity in the
        company's reference unit, the conversion of tools/volume.py (Odoo's
        factors within a category, the product's density, or the company's,
        between volume and weight); a row no unit bridges counts no volume."""
        litre = self.env["res.company"]._lam_uom("uom.product_uom_litre")
        kilogram = self.env["res.company"]._lam_uom("uom.product_uom_kgm")
        return SQL(
            """
            SELECT line.*, conversion.factor IS NOT NULL AS convertible,
                   COALESCE(line.uom_qty * conversion.factor, 0.0) AS volume
              FROM (%(rows)s) line
              JOIN res_company co ON co.id = line.company_id
              JOIN product_product pp ON pp.id = line.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN uom_uom lu ON lu.id = line.uom_id
              JOIN uom_uom ru ON ru.id = COALESCE(co.lam_reference_uom_id, %(litre_id)s)
              CROSS JOIN LATERAL (
                  SELECT CASE
                     WHEN lu.category_id = ru.category_id
                       THEN ru.factor / lu.factor
                     WHEN lu.category_id = %(volume)s AND ru.category_id = %(weight)s
                       THEN %(litre)s * density.kg_per_litre / %(kilogram)s
                            * ru.factor / lu.factor
                     WHEN lu.category_id = %(weight)s AND ru.category_id = %(volume)s
                       THEN %(kilogram)s / NULLIF(density.kg_per_litre, 0)
                            / %(litre)s * ru.factor / lu.factor
                   END AS factor
                    FROM (SELECT COALESCE(NULLIF(pt.lam_density, 0),
                                          co.lam_default_density) AS kg_per_litre)
                         density
              ) conversion
            """,
            rows=rows,
            volume=litre.category_id.id,
            weight=kilogram.category_id.id,
            litre=litre.factor,
            kilogram=kilogram.factor,
            litre_id=litre.id,
        )

    @api.model
    def _lam_view_query(self):
        """The view: every line, its volume and the customer's manager."""
        return SQL(
            """
            SELECT line.id, line.kind, line.company_id, line.partner_id,
                   line.account_manager_id, line.date, line.product_id,
                   line.uom_id, line.uom_qty, line.order_id, line.move_id,
                   line.amount, line.convertible, line.volume
              FROM (%s) line
            """,
            self._lam_volume_query(self._lam_lines_query(view=True)),
        )
