# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The customer's ABC grade (Art. 19), per company, written by the grading."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .res_partner import ARCHIVE_GROUPS

ABC_GRADES = [("a", "A"), ("b", "B"), ("c", "C")]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Written by the grading (and an administrator's pin) only, as the system.
    _lam_abc_fields = (
        "lam_abc_grade",
        "lam_abc_computed_grade",
        "lam_abc_value",
        "lam_abc_share",
        "lam_abc_rank",
        "lam_abc_pinned_grade",
        "lam_abc_pin_reason",
        "lam_abc_pin_expiry",
    )

    # --- ABC grade (Art. 19), per company, written by the grading only
    lam_abc_grade = fields.Selection(
        ABC_GRADES,
        string="ABC Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        help="The grade in the current company: the pinned grade while a pin holds, "
        "else the computed one.",
    )
    lam_abc_computed_grade = fields.Selection(
        ABC_GRADES,
        string="Computed Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        help="The grade from the cumulative share of what the customer bought, "
        "whatever the pin.",
    )
    lam_abc_value = fields.Float(
        string="Graded Volume or Revenue",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        digits=(16, 3),
        help="Bought over the look-back window, less credit notes, on the grading "
        "basis.",
    )
    lam_abc_share = fields.Float(
        string="Cumulative Share (%)",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
        digits=(5, 2),
    )
    lam_abc_rank = fields.Integer(
        string="Rank", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_pinned_grade = fields.Selection(
        ABC_GRADES,
        string="Pinned Grade",
        company_dependent=True,
        copy=False,
        groups=ARCHIVE_GROUPS,
    )
    lam_abc_pin_reason = fields.Text(
        string="Why Pinned", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_pin_expiry = fields.Date(
        string="Pinned Until", company_dependent=True, copy=False, groups=ARCHIVE_GROUPS
    )
    lam_abc_differs = fields.Boolean(
        string="Pinned Grade Differs",
        compute="_compute_lam_abc_differs",
        search="_search_lam_abc_differs",
        groups=ARCHIVE_GROUPS,
        help="A pinned grade other than the computed one.",
    )
    lam_abc_history_ids = fields.One2many(
        "lam.abc.history", "partner_id", string="Grade History", groups=ARCHIVE_GROUPS
    )

    @api.depends("lam_abc_grade", "lam_abc_computed_grade", "lam_abc_pinned_grade")
    @api.depends_context("company")
    def _compute_lam_abc_differs(self):
        for partner in self:
            partner.lam_abc_differs = bool(partner.lam_abc_pinned_grade) and (
                partner.lam_abc_pinned_grade != partner.lam_abc_computed_grade
            )

    def _search_lam_abc_differs(self, operator, value):
        self._lam_check_search_access("lam_abc_differs")
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("A differing grade can only be searched as set or not set.")
            )
        pinned = self.env["res.partner"].search([("lam_abc_pinned_grade", "!=", False)])
        differing = pinned.filtered(
            lambda partner: partner.lam_abc_pinned_grade
            != partner.lam_abc_computed_grade
        )
        return [("id", "in" if (operator == "=") == value else "not in", differing.ids)]

    @api.model
    def _lam_check_grade_fields(self, vals, creating=False):
        """The grade is the grading's (and an administrator's pin), on create as
        on write (a form creating a customer sends the empty defaults)."""
        given = set(vals).intersection(self._lam_abc_fields)
        if creating:
            given = {fname for fname in given if vals[fname]}
        if not self.env.su and given:
            raise UserError(
                _(
                    "The ABC grade is computed from the sales; an administrator pins "
                    "it with Pin the Grade."
                )
            )

    def action_lam_abc_unpin(self):
        self.env.user._lam_check_admin()
        self.env["lam.abc.grading"]._lam_unpin(self.filtered("lam_abc_pinned_grade"))
