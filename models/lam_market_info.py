# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class LamMarketInfo(models.Model):
    """市场信息: what a manager learns of prices, supply and demand and the
    competition, on a customer or on the market in general."""

    _name = "lam.market.info"
    _description = "Market Information"
    _inherit = ["lam.validated.mixin"]
    _order = "date desc, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index="btree_not_null",
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
        help="The customer it concerns, if any.",
    )
    info_type = fields.Selection(
        [
            ("price", "Price"),
            ("supply_demand", "Supply and Demand"),
            ("competition", "Competition"),
        ],
        string="Type",
        required=True,
        default="competition",
    )
    competitor = fields.Char()
    brand = fields.Char()
    product = fields.Char(string="Product / Grade")
    price = fields.Float(help="Price observed, per unit of the product.")
    note = fields.Text(required=True)

    _sql_constraints = [
        (
            "price_not_negative",
            "CHECK(COALESCE(price, 0) >= 0)",
            "A price cannot be negative.",
        )
    ]

    @api.depends("info_type", "competitor", "date")
    def _compute_display_name(self):
        types = dict(self._fields["info_type"]._description_selection(self.env))
        for info in self:
            info.display_name = _(
                "%(type)s, %(date)s %(competitor)s",
                type=types.get(info.info_type, ""),
                date=info.date or "",
                competitor=info.competitor or "",
            ).strip()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_recorder(vals)
        infos = super().create(vals_list)
        infos._lam_check_customer()
        return infos

    def write(self, vals):
        self._lam_check_recorder(vals)
        result = super().write(vals)
        if "partner_id" in vals:
            self._lam_check_customer()
        return result

    def _lam_check_recorder(self, vals):
        """Market information is recorded by who learnt it."""
        if (
            not self.env.su
            and "user_id" in vals
            and (
                vals["user_id"] != self.env.uid
                or any(info.user_id.id != self.env.uid for info in self)
            )
        ):
            raise AccessError(_("Market information stays with who recorded it."))

    def _lam_check_customer(self):
        """Only on a lubricant customer one works on."""
        partners = self.partner_id
        partners.check_access("write")
        # as the system: the kind is restricted; write access to the partners was
        # checked just before
        if partners.sudo().filtered(
            lambda partner: not (partner.is_company and partner.lam_customer_kind)
        ):
            raise UserError(
                _(
                    "Market information concerns a lubricant customer, or the market "
                    "in general."
                )
            )
