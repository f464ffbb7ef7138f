# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models

from ..tools.validation import check_vals


class LamMarketInfo(models.Model):
    """市场信息: what a manager learns of prices, supply and demand and the
    competition, on a customer or on the market in general."""

    _name = "lam.market.info"
    _description = "Market Information"
    _order = "date desc, id desc"

    user_id = fields.Many2one("res.users", string="Recorded By", required=True, index=True,
                              default=lambda self: self.env.user)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null",
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
        help="The customer it concerns, if any.",
    )
    info_type = fields.Selection(
        [("price", "Price"), ("supply_demand", "Supply and Demand"), ("competition", "Competition")],
        string="Type", required=True, default="competition",
    )
    competitor = fields.Char()
    brand = fields.Char()
    product = fields.Char(string="Product / Grade")
    price = fields.Float(help="Price observed, per unit of the product.")
    note = fields.Text(required=True)

    _sql_constraints = [("price_not_negative", "CHECK(COALESCE(price, 0) >= 0)", "A price cannot be negative.")]

    @api.depends("info_type", "competitor", "date")
    def _compute_display_name(self):
        types = dict(self._fields["info_type"]._description_selection(self.env))
        for info in self:
            info.display_name = _("%(type)s, %(date)s %(competitor)s", type=types.get(info.info_type, ""),
                                  date=info.date or "", competitor=info.competitor or "").strip()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_vals(self, vals)
        infos = super().create(vals_list)
        infos.partner_id.check_access("write")  # only on a customer one works on
        return infos

    def write(self, vals):
        check_vals(self, vals)
        result = super().write(vals)
        if "partner_id" in vals:
            self.partner_id.check_access("write")
        return result
