# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError


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

    # Whether a department manager may record work in the name of a manager
    # of his team (plan his visits); a request is always its maker's.
    _lam_doer_delegable = True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_doer(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._lam_check_doer(vals)
        return super().write(vals)

    def _lam_check_doer(self, vals):
        """Work is recorded by who did it; only a department manager records
        it for a manager of his team, and only where the model allows it."""
        if self.env.su or "user_id" not in vals or self._fields["user_id"].related:
            return
        user = self.env.user
        doer = vals["user_id"]
        if doer == user.id and all(record.user_id == user for record in self):
            return
        if (
            self._lam_doer_delegable
            and user.has_group("lubricant_account_manager.group_lam_department_manager")
            and doer in user._lam_reportable_managers().ids
        ):
            return
        raise AccessError(
            _(
                "%(model)s: you record your own work; a department manager records it "
                "for the managers "
                "of his team.",
                model=self._description,
            )
        )
