# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# How a criterion is scored: from the data where it exists, else by hand.
SOURCES = [
    ("quota", "Quota Completion"),
    ("psi", "PSI Reported on Time"),
    ("violations", "Market Order (Confirmed Violations)"),
    ("manual", "Assessed by Hand"),
]


class LamAssessmentCriterion(models.Model):
    """A weighted criterion of the dealer assessment (考核评估, Art. 14)."""

    _name = "lam.assessment.criterion"
    _description = "Dealer Assessment Criterion"
    _inherit = ["lam.validated.mixin"]
    _order = "sequence, id"

    name = fields.Char(string="Criterion", required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        required=True, default=20.0, help="Share of the total, in points out of 100."
    )
    source = fields.Selection(
        SOURCES, required=True, default="manual", string="Scored From"
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    @api.constrains("weight", "name")
    def _check_weight(self):
        for criterion in self:
            if not 0 <= criterion.weight <= 100:
                raise ValidationError(_("A weight is between 0 and 100 points."))
            if not (criterion.name or "").strip():
                raise ValidationError(_("A criterion has a name."))
