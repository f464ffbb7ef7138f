# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models

from ..tools.abc import GRADES

GRADE_SELECTION = [(grade, grade.upper()) for grade in GRADES]


class LamAbcHistory(models.Model):
    """One change of a customer's ABC grade in a company: written by the
    grading (and by an administrator's pin), never by hand."""

    _name = "lam.abc.history"
    _description = "ABC Grade Change"
    _inherit = ["lam.customer.record.mixin"]
    _order = "date desc, id desc"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    date = fields.Date(required=True, readonly=True, index=True)
    old_grade = fields.Selection(GRADE_SELECTION, string="From", readonly=True)
    new_grade = fields.Selection(GRADE_SELECTION, string="To", readonly=True)
    computed_grade = fields.Selection(GRADE_SELECTION, string="Computed", readonly=True)
    value = fields.Float(
        string="Volume or Revenue",
        readonly=True,
        digits=(16, 3),
        help="What the customer bought over the look-back window, on the company's "
        "grading basis.",
    )
    share = fields.Float(string="Cumulative Share (%)", readonly=True, digits=(5, 2))
    rank = fields.Integer(readonly=True)
    reason = fields.Selection(
        [
            ("computed", "Recomputed"),
            ("pinned", "Pinned"),
            ("unpinned", "Pin Removed"),
            ("expired", "Pin Expired"),
        ],
        readonly=True,
        required=True,
        default="computed",
    )
    note = fields.Char(readonly=True)

    @api.depends("partner_id", "date", "new_grade")
    def _compute_display_name(self):
        for change in self:
            change.display_name = (
                f"{change.partner_id.name or ''}: {(change.old_grade or '-').upper()} "
                f"→ "
                f"{(change.new_grade or '-').upper()} ({change.date or ''})"
            )
