# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .lam_dealer_psi import TOLERANCE


class LamDealerPsiLine(models.Model):
    """One product of a dealer's monthly stock report."""

    _name = "lam.dealer.psi.line"
    _description = "Dealer PSI Line"
    _inherit = ["lam.customer.record.mixin", "lam.volume.mixin"]
    _order = "psi_id, product_id"
    _lam_customer_link = "psi_id"

    psi_id = fields.Many2one(
        "lam.dealer.psi",
        string="Monthly PSI",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        related="psi_id.partner_id",
        store=True,
        precompute=True,
        required=False,
        ondelete="cascade",
    )
    product_id = fields.Many2one(
        "product.product", required=True, domain=[("lam_is_lubricant", "=", True)]
    )
    opening = fields.Float(string="Opening Stock", digits="Lubricant Volume")
    company_id = fields.Many2one(
        related="psi_id.company_id", store=True, index=True, precompute=True
    )
    purchases = fields.Float(string="Bought In", digits="Lubricant Volume")
    sales = fields.Float(digits="Lubricant Volume")
    closing = fields.Float(string="Closing Stock", digits="Lubricant Volume")
    our_sales = fields.Float(compute="_compute_our_sales", digits="Lubricant Volume")
    difference = fields.Float(
        compute="_compute_our_sales",
        digits="Lubricant Volume",
        help="Purchases reported less our confirmed sales to the dealer.",
    )
    flagged = fields.Boolean(string="Differs", compute="_compute_our_sales")

    _lam_unique_keys = [("psi_id", "product_id")]
    _sql_constraints = [
        (
            "not_negative",
            "CHECK(opening >= 0 AND purchases >= 0 AND sales >= 0 AND closing >= 0)",
            "Stocks, purchases and sales cannot be negative.",
        ),
        (
            "one_line_per_product",
            "UNIQUE(psi_id, product_id)",
            "A product is reported once a month.",
        ),
    ]

    @api.depends("psi_id", "product_id", "purchases")
    def _compute_our_sales(self):
        sales = self.psi_id._lam_our_sales()
        for line in self:
            line.our_sales = sales.get(line.psi_id.id, {}).get(line.product_id.id, 0.0)
            line.difference = line.purchases - line.our_sales
            line.flagged = line._lam_differs(line.our_sales)

    def _lam_differs(self, ours):
        """Whether the purchases reported differ from ``ours`` by more than the
        tolerance (Settings)."""
        self.ensure_one()
        company = self.partner_id.company_id or self.env.company
        allowed = (
            max(abs(ours), abs(self.purchases)) * company.lam_psi_tolerance / 100.0
        )
        return abs(self.purchases - ours) > max(allowed, TOLERANCE)

    @api.constrains("opening", "purchases", "sales", "closing")
    def _check_balance(self):
        for line in self:
            expected = line.opening + line.purchases - line.sales
            if abs(expected - line.closing) > TOLERANCE:
                raise ValidationError(
                    _(
                        "%(product)s: opening %(opening)s + purchases %(purchases)s - "
                        "sales %(sales)s = %(expected)s, "
                        "not the closing stock %(closing)s.",
                        product=line.product_id.display_name,
                        opening=line.opening,
                        purchases=line.purchases,
                        sales=line.sales,
                        expected=round(expected, 3),
                        closing=line.closing,
                    )
                )

    @api.constrains("product_id")
    def _check_product(self):
        others = self.product_id.filtered(lambda product: not product.lam_is_lubricant)
        if others:
            raise ValidationError(
                _(
                    "%(products)s: a stock report counts lubricants.",
                    products=", ".join(others.mapped("display_name")),
                )
            )

    @api.constrains("opening", "closing", "product_id")
    def _check_continuity(self):
        self.psi_id._check_continuity()
