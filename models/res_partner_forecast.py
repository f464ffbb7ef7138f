# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The purchase forecast (Art. 13.3) and purchase drops (Art. 13.2), for the
company one works in."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.periods import median_interval, month_bounds
from ..tools.prefetch import compute_together
from .res_partner import ARCHIVE_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    _lam_forecast_volumes = (
        "lam_forecast_monthly",
        "lam_forecast_annual",
        "lam_equipment_annual",
        "lam_forecast_gap",
    )

    # --- forecast (Art. 13.3) and purchase drops (Art. 13.2), for the company one works
    # in
    lam_next_purchase_date = fields.Date(
        string="Next Purchase Expected",
        compute="_compute_lam_forecast",
        groups=ARCHIVE_GROUPS,
        help="The last order plus the median interval between his orders of the last "
        "two years.",
    )
    lam_forecast_monthly = fields.Float(
        string="Expected Monthly Volume",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="The larger of his purchases of the last twelve months and his "
        "equipment's "
        "consumption, a month's worth, in the reference unit.",
    )
    lam_forecast_annual = fields.Float(
        string="Expected Annual Volume",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
    )
    lam_equipment_annual = fields.Float(
        string="Equipment Consumption a Year",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="What his equipment register says he uses a year, in the reference unit.",
    )
    lam_forecast_gap = fields.Float(
        string="Bought Elsewhere (Estimate)",
        compute="_compute_lam_forecast",
        digits="Lubricant Volume",
        groups=ARCHIVE_GROUPS,
        help="What his equipment needs a year beyond what he bought from us in the "
        "last "
        "twelve months, when more than the share set in Settings: business going to a "
        "competitor.",
    )
    lam_purchase_drop = fields.Boolean(
        string="Purchases Dropped",
        compute="_compute_lam_purchase_drop",
        search="_search_lam_purchase_drop",
        groups=ARCHIVE_GROUPS,
    )
    lam_purchase_drop_note = fields.Char(
        string="Why Flagged",
        compute="_compute_lam_purchase_drop",
        groups=ARCHIVE_GROUPS,
    )

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        descriptions = super().fields_get(allfields, attributes)
        return self.env.company._lam_label_volumes(
            descriptions, self._lam_forecast_volumes
        )

    _lam_forecast_fields = {
        "lam_next_purchase_date": "next",
        "lam_forecast_monthly": "monthly",
        "lam_forecast_annual": "annual",
        "lam_equipment_annual": "equipment",
        "lam_forecast_gap": "gap",
    }

    @api.depends_context("company")
    def _compute_lam_forecast(self):
        values = self._lam_forecast_values()
        for partner in self:
            for name, key in self._lam_forecast_fields.items():
                partner[name] = values[partner.id][key]

    def read(self, fields=None, load="_classic_read"):
        """A read of the forecast computes it for all the customers read
        together: the ORM would compute a thousand at a time (a list of all,
        an export), each thousand costing the same queries again."""
        if any(
            self._fields[name].is_accessible(self.env)
            for name in set(fields or ()) & set(self._lam_forecast_fields)
        ):
            compute_together(
                self,
                self._lam_forecast_fields,
                lambda todo: todo._lam_forecast_values(),
            )
        return super().read(fields=fields, load=load)

    def _lam_forecast_values(self):
        """{partner id: {next, monthly, annual, equipment, gap}} for these
        customers in the current company: the volumes of
        ``_lam_forecast_needs`` and the next purchase, one query for the
        order days of two years."""
        result = defaultdict(
            lambda: {
                "next": False,
                "monthly": 0.0,
                "annual": 0.0,
                "equipment": 0.0,
                "gap": 0.0,
            }
        )
        volumes = self._lam_forecast_needs()
        if not volumes:
            return result
        customers = self.browse(list(volumes))
        today = fields.Date.context_today(self)
        days = (
            self.env["lam.purchase.analysis"]
            # as the system: purchases come from sales orders the user may not read
            .sudo()
            ._lam_purchase_days(
                customers,
                month_bounds(today)[0] - relativedelta(years=2),
                today,
                company=self.env.company,
            )
        )
        for partner_id, values in volumes.items():
            order_days = sorted(days.get(partner_id) or [])
            interval = median_interval(order_days)
            result[partner_id] = {
                "next": order_days[-1] + relativedelta(days=round(interval))
                if interval
                else False,
                **values,
            }
        return result

    def _lam_forecast_needs(self, bought=None):
        """{partner id: {monthly, annual, equipment, gap}} for these customers
        (lubricant companies only) in the current company: the year's need is
        the larger of what they bought in the twelve months before this month
        and what their equipment consumes; one purchases-service call (none
        when the caller gives ``bought``, {partner id: volume of those twelve
        months}) and one grouped read of the equipment."""
        # as the system: the kind is restricted to the archive groups
        customers = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("id", "in", [id_ for id_ in self.ids if isinstance(id_, int)]),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ]
            )
        )
        if not customers:
            return {}
        company = self.env.company
        if bought is None:
            first = month_bounds(fields.Date.context_today(self))[0]
            rows = (
                self.env["lam.purchase.analysis"]
                # as the system: purchases come from sales orders the user may not
                # read
                .sudo()
                ._lam_purchases(
                    first - relativedelta(months=12),
                    first - relativedelta(days=1),
                    partners=customers,
                    groupby=("partner",),
                    company=company,
                )["rows"]
            )
            bought = {row["partner_id"]: row["qty"] for row in rows}
        litres = (
            company._lam_reference_factor(company._lam_uom("uom.product_uom_litre"))
            or 0.0
        )
        equipment = dict(
            self.env["lam.equipment"]
            # as the system: the customers' equipment, whoever recorded it
            .sudo()
            ._read_group(
                [("partner_id", "in", customers.ids)],
                ["partner_id"],
                ["annual_consumption:sum"],
            )
        )
        gap_share = company.lam_forecast_gap_share / 100.0
        result = {}
        for customer in customers:
            annual_bought = bought.get(customer.id, 0.0)
            needs = (equipment.get(customer) or 0.0) * litres
            annual = max(annual_bought, needs)
            result[customer.id] = {
                "monthly": annual / 12.0,
                "annual": annual,
                "equipment": needs,
                "gap": needs - annual_bought
                if needs > annual_bought * (1 + gap_share)
                else 0.0,
            }
        return result

    @api.depends_context("company")
    def _compute_lam_purchase_drop(self):
        drops = {
            drop.partner_id.id: drop
            for drop in self.env["lam.purchase.drop"]
            # as the system: drops are the scheduled action's records, shown on the
            # customer
            .sudo()
            .search(
                [
                    (
                        "partner_id",
                        "in",
                        [partner_id for partner_id in self.ids if partner_id],
                    ),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        }
        for partner in self:
            drop = drops.get(partner.id)
            partner.lam_purchase_drop = bool(drop)
            partner.lam_purchase_drop_note = drop.note if drop else False

    def _search_lam_purchase_drop(self, operator, value):
        self._lam_check_search_access("lam_purchase_drop")
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search dropped purchases with = or !=."))
        flagged = (
            self.env["lam.purchase.drop"]
            # as the system: drops are the scheduled action's records, searched from the
            # customer
            .sudo()
            ._search([("company_id", "=", self.env.company.id)])
        )
        subquery = flagged.subselect("partner_id")
        return [("id", "in" if (operator == "=") == value else "not in", subquery)]
