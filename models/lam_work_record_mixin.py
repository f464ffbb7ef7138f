# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class LamWorkRecordMixin(models.AbstractModel):
    """A record of work done on a customer (a visit, a call): who did the work
    (``user_id``) never follows the customer, so a reassignment or a senior
    person's visit rewrites neither history nor past scorecards. The
    customer's current manager (``account_manager_id``, from the customer
    record mixin) gives access besides the doer."""

    _name = "lam.work.record.mixin"
    _inherit = ["lam.customer.record.mixin"]
    _description = "Work Done on a Lubricant Customer"

    user_id = fields.Many2one(
        "res.users",
        string="Done By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        help="Who did the work. It stays his when the customer changes manager.",
    )
