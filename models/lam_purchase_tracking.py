# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models
from odoo.tools import SQL


class LamPurchaseTracking(models.Model):
    """购进跟踪 (P7) for the pivot and the graph: confirmed lubricant order
    lines per customer, day and product, their volume in the company's
    reference unit — the conversion of tools/volume.py in SQL: Odoo's factors
    within a category, the product's density (or the company's) between
    volume and weight; lines no unit bridges count no volume."""

    _name = "lam.purchase.tracking"
    _description = "Purchase Tracking"
    _auto = False
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    account_manager_id = fields.Many2one(
        "res.users", string="Account Manager", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(string="Order Date", readonly=True)
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    order_id = fields.Many2one("sale.order", string="Order", readonly=True)
    volume = fields.Float(
        string="Volume Bought",
        digits="Lubricant Volume",
        readonly=True,
        help="In the company's reference unit.",
    )
    amount = fields.Float(string="Untaxed Amount", digits="Account", readonly=True)

    @property
    def _table_query(self):
        litre = self.env.ref("uom.product_uom_litre")
        kilogram = self.env.ref("uom.product_uom_kgm")
        return SQL(
            """
            SELECT sol.id, rp.commercial_partner_id AS partner_id, cp.user_id AS
                account_manager_id,
                   so.company_id, so.date_order::date AS date, sol.product_id, so.id AS
                       order_id,
                   sol.price_subtotal AS amount,
                   CASE
                     WHEN lu.category_id = ru.category_id
                       THEN sol.product_uom_qty / lu.factor * ru.factor
                     WHEN lu.category_id = %(volume)s AND ru.category_id = %(weight)s
                       THEN sol.product_uom_qty / lu.factor * %(litre)s *
                           density.kg_per_litre / %(kilogram)s * ru.factor
                     WHEN lu.category_id = %(weight)s AND ru.category_id = %(volume)s
                       THEN sol.product_uom_qty / lu.factor * %(kilogram)s /
                           NULLIF(density.kg_per_litre, 0)
                            / %(litre)s * ru.factor
                     ELSE 0
                   END AS volume
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner rp ON rp.id = so.partner_id
              JOIN res_partner cp ON cp.id = rp.commercial_partner_id
              JOIN res_company co ON co.id = so.company_id
              JOIN product_product pp ON pp.id = sol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN uom_uom lu ON lu.id = sol.product_uom
              JOIN uom_uom ru ON ru.id = COALESCE(co.lam_reference_uom_id, %(litre_id)s)
              CROSS JOIN LATERAL (SELECT COALESCE(NULLIF(pt.lam_density, 0),
                  co.lam_default_density) AS kg_per_litre)
                   density
             WHERE so.state IN ('sale', 'done') AND pt.lam_is_lubricant AND
                 sol.display_type IS NULL
               AND cp.lam_customer_kind IS NOT NULL
            """,
            volume=litre.category_id.id,
            weight=kilogram.category_id.id,
            litre=litre.factor,
            kilogram=kilogram.factor,
            litre_id=litre.id,
        )
