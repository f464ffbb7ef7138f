# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamProspectCriterion(models.Model):
    """A weighted criterion prospects are scored on (Art. 32): industry
    position, production scale, oil volume, ease of development."""

    _name = "lam.prospect.criterion"
    _description = "Prospect Scoring Criterion"
    _inherit = ["lam.validated.mixin"]
    _order = "sequence, id"

    name = fields.Char(string="Criterion", required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        required=True, default=25.0, help="Share of the score, in points out of 100."
    )
    scale_max = fields.Integer(
        string="Best Mark", required=True, default=5, help="Marks go from 0 to this."
    )
    description = fields.Text(
        translate=True, help="How to mark a prospect on this criterion."
    )
    active = fields.Boolean(default=True)

    @api.constrains("weight", "scale_max")
    def _check_weight(self):
        for criterion in self:
            if not 0 <= criterion.weight <= 100 or not 1 <= criterion.scale_max <= 100:
                raise ValidationError(
                    _(
                        "A weight is between 0 and 100 points, a best mark between 1 "
                        "and 100."
                    )
                )
        # as the system: the marks already given on this criterion, by every manager
        over = self.env["lam.prospect.score"].sudo().search_count(
            [("criterion_id", "in", self.ids)], limit=1
        ) and self.env["lam.prospect.score"].sudo().search(
            [("criterion_id", "in", self.ids)]
        ).filtered(lambda score: score.mark > score.criterion_id.scale_max)
        if over:
            raise ValidationError(
                _(
                    "%(count)s prospects have a higher mark than the new best mark: "
                    "lower their "
                    "marks first.",
                    count=len(over),
                )
            )

    @api.constrains("name")
    def _check_name(self):
        if any(not (criterion.name or "").strip() for criterion in self):
            raise ValidationError(_("A criterion has a name."))
