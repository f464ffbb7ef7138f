# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class LamDealerAssessmentLine(models.Model):
    """A criterion of a dealer assessment with its score."""

    _name = "lam.dealer.assessment.line"
    _description = "Dealer Assessment Criterion Score"
    _inherit = ["lam.customer.record.mixin"]
    _order = "assessment_id, sequence, id"
    _lam_customer_link = "assessment_id"
    _lam_system_fields = ("automatic",)

    assessment_id = fields.Many2one(
        "lam.dealer.assessment", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        related="assessment_id.partner_id",
        store=True,
        precompute=True,
        required=False,
        ondelete="cascade",
    )
    criterion_id = fields.Many2one(
        "lam.assessment.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True, precompute=True
    )
    weight = fields.Float(
        required=True,
        help="Points out of 100, from the criterion when the assessment was made.",
    )
    score = fields.Float(digits=(5, 1), help="Out of 100.")
    automatic = fields.Boolean(string="From the Data", readonly=True)
    note = fields.Char(string="How")

    _lam_unique_keys = [("assessment_id", "criterion_id")]
    _sql_constraints = [
        (
            "one_score_per_criterion",
            "UNIQUE(assessment_id, criterion_id)",
            "An assessment scores each criterion once.",
        ),
    ]

    @api.constrains("score", "weight")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= 100 or not 0 <= line.weight <= 100:
                raise ValidationError(_("Scores and weights are between 0 and 100."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _(
                    "The lines of an assessment come from the assessment criteria, "
                    "with their weights."
                )
            )
        lines = super().create(vals_list)
        lines._lam_check_open()
        return lines

    def write(self, vals):
        if not self.env.su and {"assessment_id", "criterion_id"} & set(vals):
            raise AccessError(
                _("A line of an assessment stays on its assessment and criterion.")
            )
        self._lam_check_open()
        self._lam_check_scored_by_the_system(vals)
        return super().write(vals)

    def _lam_check_scored_by_the_system(self, vals):
        """The weights come from the criteria and a score from the data is the
        system's: the assessor scores the other criteria."""
        if self.env.su:
            return
        if "weight" in vals and any(line.weight != vals["weight"] for line in self):
            raise UserError(
                _("The weight of a criterion is set on the criterion, not here.")
            )
        if "score" in vals and self.filtered("automatic"):
            raise UserError(
                _(
                    "%(criteria)s: scored from the data; recompute the scores instead.",
                    criteria=", ".join(
                        self.filtered("automatic").criterion_id.mapped("name")
                    ),
                )
            )

    def _lam_check_open(self):
        if not self.env.su and self.assessment_id.filtered(
            lambda assessment: assessment.state != "draft"
        ):
            raise ValidationError(_("A finished assessment keeps its scores."))
