# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamEquipmentLinkMixin(models.AbstractModel):
    """A customer record about one piece of the same customer's equipment
    (oil usage, oil samples)."""

    _name = "lam.equipment.link.mixin"
    _description = "Record about a Customer's Equipment"

    equipment_id = fields.Many2one(
        "lam.equipment",
        string="Equipment",
        domain="[('partner_id', '=', partner_id)]",
        index="btree_not_null",
    )

    @api.constrains("equipment_id", "partner_id")
    def _check_equipment_id(self):
        # Compared as superuser: a record pointing at another manager's
        # equipment must be refused with this message, not reveal its name.
        for record in self.sudo():
            if (
                record.equipment_id
                and record.equipment_id.partner_id != record.partner_id
            ):
                raise ValidationError(
                    _("The equipment must be one of the same customer's.")
                )
