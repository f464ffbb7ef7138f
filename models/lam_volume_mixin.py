# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models


class LamVolumeMixin(models.AbstractModel):
    """A record whose volumes are in its company's reference unit (a quota, a
    stock report's line, a sales plan's line): the unit shows beside them."""

    _name = "lam.volume.mixin"
    _description = "Volumes in the Reference Unit"

    # volumes whose label carries the unit, where no unit column stands beside
    # them (pivots, graphs, forms): "Volume (L)"
    _lam_volume_fields = ()

    volume_uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_volume_uom_id",
        help="The company's reference unit, in which the volumes are counted.",
    )

    @api.depends_context("company")
    def _compute_volume_uom_id(self):
        for record in self:
            company = (
                "company_id" in record._fields and record.company_id
            ) or self.env.company
            record.volume_uom_id = company._lam_reference_uom()

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        descriptions = super().fields_get(allfields, attributes)
        return self.env.company._lam_label_volumes(
            descriptions, self._lam_volume_fields
        )
