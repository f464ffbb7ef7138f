# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, models
from odoo.exceptions import AccessError

from ..tools.validation import check_vals


class LamValidatedMixin(models.AbstractModel):
    """Values refused with a message naming the field, before create and write,
    when the database would store them damaged or Odoo would crash on them
    (tools/validation.py). The addon's models and wizards that users write
    inherit it (the records of a customer through lam.customer.record.mixin);
    a model of Odoo that the addon extends checks the addon's fields only."""

    _name = "lam.validated.mixin"
    _description = "Validated Values"

    # the fields checked: those whose name starts with this ("": every field)
    _lam_validated_prefix = ""

    @api.model
    def _lam_check_vals(self, vals):
        prefix = self._lam_validated_prefix
        check_vals(
            self,
            vals,
            [fname for fname in vals if fname.startswith(prefix)] if prefix else None,
        )
        if not prefix:
            self._lam_check_company_vals(vals)

    @api.model
    def _lam_check_company_vals(self, vals):
        """A record is put in one of the user's companies only: the rules keep
        the companies apart, and a record moved out of the user's reach would
        be out of its own company's."""
        field = self._fields.get("company_id")
        if (
            self.env.su
            or not vals.get("company_id")
            or field is None
            or field.type != "many2one"
            or field.comodel_name != "res.company"
        ):
            return
        if vals["company_id"] not in self.env.user.company_ids.ids:
            raise AccessError(_("A record goes in one of your companies only."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._lam_check_vals(vals)
        return super().write(vals)
