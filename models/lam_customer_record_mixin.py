# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class LamCustomerRecordMixin(models.AbstractModel):
    """A record hanging on a lubricant customer (equipment, usage, samples,
    credit history...): its access follows the customer's account manager."""

    _name = "lam.customer.record.mixin"
    _description = "Record of a Lubricant Customer"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Account Manager", store=True, index=True
    )
