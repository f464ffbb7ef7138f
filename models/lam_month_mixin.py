# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.periods import month_bounds


class LamMonthMixin(models.AbstractModel):
    """A record of a month (a quota, a stock report, a sales plan): any day
    given for ``month`` is stored as the first day of its month."""

    _name = "lam.month.mixin"
    _description = "Record of a Month"

    month = fields.Date(
        required=True, help="Any day of the month: the record is for the whole month."
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_normalize_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._lam_normalize_month(vals)
        return super().write(vals)

    @api.model
    def _lam_normalize_month(self, vals):
        if vals.get("month"):
            try:
                vals["month"] = month_bounds(fields.Date.to_date(vals["month"]))[0]
            except (TypeError, ValueError):
                raise ValidationError(
                    _("%(value)r is not a valid date.", value=vals["month"])
                ) from None
