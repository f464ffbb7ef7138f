# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.volume import convert_quantity


class ResCompany(models.Model):
    _inherit = "res.company"

    def _default_lam_reference_uom(self):
        return self.env.ref("uom.product_uom_litre", raise_if_not_found=False)

    lam_reference_uom_id = fields.Many2one(
        "uom.uom",
        string="Reference Volume Unit",
        default=_default_lam_reference_uom,
        domain=lambda self: [("id", "in", self._lam_reference_uoms().ids)],
        help="Unit in which every lubricant volume (grades, plans, reports) is expressed.",
    )
    lam_default_density = fields.Float(
        string="Default Density (kg/L)",
        default=0.88,
        digits=(12, 3),
        help="Used to convert between volume and weight for products without a density of their own.",
    )

    lam_key_person_min_count = fields.Integer(
        string="Key Persons Required",
        default=1,
        help="Key persons every large or medium terminal customer must have (Art. 33).",
    )

    _sql_constraints = [
        (
            "lam_key_person_min_count_not_negative",
            "CHECK(lam_key_person_min_count >= 0)",
            "The number of key persons required cannot be negative.",
        ),
        (
            "lam_default_density_positive",
            "CHECK(lam_default_density > 0)",
            "The default density must be greater than zero.",
        ),
    ]

    @api.model
    def _lam_reference_uoms(self):
        """The units a reference volume may be expressed in: litre, kilogram, tonne."""
        return (
            self.env.ref("uom.product_uom_litre")
            | self.env.ref("uom.product_uom_kgm")
            | self.env.ref("uom.product_uom_ton")
        )

    @api.constrains("lam_reference_uom_id")
    def _check_lam_reference_uom_id(self):
        allowed = self._lam_reference_uoms()
        for company in self:
            if company.lam_reference_uom_id and company.lam_reference_uom_id not in allowed:
                raise ValidationError(_("The reference volume unit must be litre, kilogram or tonne."))

    def write(self, vals):
        result = super().write(vals)
        if "lam_key_person_min_count" in vals:
            partners = self.env["res.partner"].search([("lam_customer_kind", "=", "terminal")])
            self.env.add_to_compute(partners._fields["lam_missing_key_person"], partners)
        return result

    def _lam_to_reference_qty(self, qty, uom, product=None, raise_if_failure=True):
        """Return qty of uom (of product) in the company's reference unit.

        The one conversion every feature uses: same UoM category through Odoo's
        factors, volume to weight through the product's density (or the
        company default). Returns None, or raises when asked, if impossible.
        """
        self.ensure_one()
        reference = self.lam_reference_uom_id or self._default_lam_reference_uom()
        density = (product and product.lam_density) or self.lam_default_density
        result = convert_quantity(
            qty,
            uom,
            reference,
            density,
            litre=self.env.ref("uom.product_uom_litre"),
            kilogram=self.env.ref("uom.product_uom_kgm"),
        )
        if result is None and raise_if_failure:
            raise UserError(
                _(
                    "%(qty)s %(uom)s of %(product)s cannot be converted into %(reference)s: "
                    "only volume and weight units can be, and weight needs a density.",
                    qty=qty,
                    uom=uom.name,
                    product=product.display_name if product else _("this product"),
                    reference=reference.name,
                )
            )
        return result
