# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""Customer development (Art. 32): stages, the target list, prospect scores
and the hand-over to a dealer."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import ARCHIVE_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    lam_stage = fields.Selection(
        [
            ("potential", "Potential"),
            ("target", "Target"),
            ("developing", "Developing"),
            ("active", "Active"),
            ("dormant", "Dormant"),
            ("lost", "Lost"),
        ],
        string="Development Stage",
        tracking=True,
        groups=ARCHIVE_GROUPS,
    )
    # --- development (Art. 32)
    lam_prospect_score_ids = fields.One2many(
        "lam.prospect.score",
        "partner_id",
        string="Prospect Scores",
        groups=ARCHIVE_GROUPS,
    )
    lam_prospect_score = fields.Float(
        string="Prospect Score",
        compute="_compute_lam_prospect_score",
        store=True,
        digits=(5, 1),
        groups=ARCHIVE_GROUPS,
        help="Weighted marks on the scoring criteria, out of 100.",
    )
    lam_handoff_reason = fields.Text(
        string="Why Handed to the Dealer", groups=ARCHIVE_GROUPS
    )
    lam_handoff_date = fields.Date(
        string="Handed to the Dealer On", groups=ARCHIVE_GROUPS
    )

    @api.depends("lam_prospect_score_ids.points")
    def _compute_lam_prospect_score(self):
        for partner in self:
            partner.lam_prospect_score = sum(
                partner.lam_prospect_score_ids.mapped("points")
            )

    @api.constrains("lam_stage", "user_id", "lam_dealer_id")
    def _check_lam_target_list(self):
        """A development manager keeps a short target list (Art. 32): a setting caps
        it."""
        targets = self.filtered(
            lambda partner: partner.lam_stage == "target" and partner.user_id
        )
        if not targets:
            return
        counts = dict(
            # as the system: the manager's whole target list, including customers the
            # caller may not read
            self.sudo()._read_group(
                [
                    ("user_id", "in", targets.user_id.ids),
                    ("lam_stage", "=", "target"),
                    ("lam_dealer_id", "=", False),
                    ("is_company", "=", True),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        for user, count in counts.items():
            cap = user.company_id.lam_target_list_cap
            if count > cap:
                raise ValidationError(
                    _(
                        "%(user)s would have %(count)s active targets; a target list "
                        "holds %(cap)s at most "
                        "(Settings). Drop a target before adding one.",
                        user=user.name,
                        count=count,
                        cap=cap,
                    )
                )

    def action_lam_score(self):
        """Create the missing marks of this prospect (one per active criterion)."""
        criteria = self.env["lam.prospect.criterion"].search([])
        for partner in self:
            missing = criteria - partner.lam_prospect_score_ids.criterion_id
            partner.lam_prospect_score_ids = [
                (0, 0, {"criterion_id": criterion.id}) for criterion in missing
            ]

    def action_lam_make_target(self):
        self.write({"lam_stage": "target"})

    def action_lam_drop_target(self):
        """Take the customers off the target list (Art. 32): back to potential."""
        self.filtered(lambda partner: partner.lam_stage == "target").write(
            {"lam_stage": "potential"}
        )
