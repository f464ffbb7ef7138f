# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamProspectScore(models.Model):
    """A prospect's mark on one criterion."""

    _name = "lam.prospect.score"
    _description = "Prospect Score"
    _inherit = ["lam.customer.record.mixin"]
    _order = "partner_id, criterion_sequence, id"

    criterion_id = fields.Many2one(
        "lam.prospect.criterion", required=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    criterion_sequence = fields.Integer(related="criterion_id.sequence", store=True)
    mark = fields.Integer(required=True, default=0)
    points = fields.Float(
        compute="_compute_points",
        store=True,
        help="The mark weighted: its part of the score.",
    )
    note = fields.Char()

    _lam_unique_keys = [("partner_id", "criterion_id")]
    _sql_constraints = [
        (
            "one_mark_per_criterion",
            "UNIQUE(partner_id, criterion_id)",
            "A prospect has one mark per criterion.",
        ),
    ]

    @api.depends("mark", "criterion_id.weight", "criterion_id.scale_max")
    def _compute_points(self):
        for score in self:
            criterion = score.criterion_id
            score.points = (
                criterion.weight * score.mark / criterion.scale_max
                if criterion.scale_max
                else 0.0
            )

    @api.constrains("mark", "criterion_id")
    def _check_mark(self):
        for score in self:
            if not 0 <= score.mark <= score.criterion_id.scale_max:
                raise ValidationError(
                    _(
                        "%(criterion)s: a mark is between 0 and %(max)s.",
                        criterion=score.criterion_id.name,
                        max=score.criterion_id.scale_max,
                    )
                )
