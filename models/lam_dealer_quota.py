# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.periods import month_bounds


class LamDealerQuota(models.Model):
    """承销任务 (Art. 14): what a dealer is to buy from us in a month, for a
    product category, in the reference unit; what he bought comes from our
    confirmed sales to him (the purchases service)."""

    _name = "lam.dealer.quota"
    _description = "Dealer Quota"
    _inherit = ["lam.customer.record.mixin", "lam.month.mixin", "lam.volume.mixin"]
    _lam_volume_fields = ("target", "actual")
    _order = "month desc, partner_id, id"

    partner_id = fields.Many2one(
        string="Dealer",
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        required=True,
        help="The quota counts the products of this category and its subcategories.",
    )
    target = fields.Float(
        string="Target Volume",
        digits="Lubricant Volume",
        required=True,
        help="In the reference unit.",
    )
    actual = fields.Float(
        string="Bought",
        digits="Lubricant Volume",
        compute="_compute_actual",
        help="Our confirmed sales to the dealer in the month, less credit notes.",
    )
    completion = fields.Float(
        string="Completion (%)", compute="_compute_actual", digits=(5, 1)
    )

    _lam_unique_keys = [("partner_id", "month", "categ_id", "company_id")]
    _sql_constraints = [
        ("target_positive", "CHECK(target > 0)", "A quota is a volume above zero."),
        (
            "one_quota",
            "UNIQUE(partner_id, month, categ_id, company_id)",
            "A dealer has one quota per month and category.",
        ),
    ]

    @api.model
    def _lam_unique_values(self, values):
        self._lam_normalize_month(values)
        return super()._lam_unique_values(values)

    @api.constrains("partner_id")
    def _check_dealer(self):
        # as the system: the dealer's kind is restricted to the archive groups
        for quota in self.sudo():
            if quota.partner_id.lam_customer_kind != "dealer":
                raise ValidationError(
                    _(
                        "%(partner)s is not a dealer: quotas are for dealers.",
                        partner=quota.partner_id.name,
                    )
                )

    @api.depends("partner_id", "month", "categ_id", "target", "company_id")
    def _compute_actual(self):
        bought = self._lam_bought()
        for quota in self:
            quota.actual = bought.get(quota.id, 0.0)
            quota.completion = (
                100.0 * quota.actual / quota.target if quota.target else 0.0
            )

    def _lam_bought(self):
        """{quota id: volume bought in its month of its category}, one service call per
        month."""
        result = {}
        by_month = defaultdict(lambda: self.browse())
        for quota in self.filtered(
            lambda quota: quota.partner_id and quota.month and quota.categ_id
        ):
            by_month[quota.month, quota.company_id] |= quota
        # as the system: the dealer's purchases come from sales orders the user may not
        # read
        Purchases = self.env["lam.purchase.analysis"].sudo()
        for (month, company), quotas in by_month.items():
            first, last = month_bounds(month)
            rows = Purchases._lam_purchases(
                first,
                last,
                company=company,
                # as the system: all the purchases of these dealers, not only those the
                # user may see
                partners=quotas.partner_id.sudo(),
                groupby=("partner", "product"),
            )["rows"]
            products = self.env["product.product"].browse(
                {row["product_id"] for row in rows}
            )
            categories = {product.id: product.categ_id for product in products}
            for quota in quotas:
                result[quota.id] = sum(
                    row["qty"]
                    for row in rows
                    if row["partner_id"] == quota.partner_id.id
                    and categories[row["product_id"]].parent_path.startswith(
                        quota.categ_id.parent_path
                    )
                )
        return result

    @api.depends("partner_id", "month", "categ_id")
    def _compute_display_name(self):
        for quota in self:
            month = quota.month and quota.month.strftime("%Y-%m") or ""
            quota.display_name = (
                f"{quota.partner_id.name or ''} {month} {quota.categ_id.name or ''}"
            ).strip()
