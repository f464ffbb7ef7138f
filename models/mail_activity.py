# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    lam_cadence_rule_id = fields.Many2one(
        "lam.cadence.rule",
        string="Cadence Rule",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The contact cadence that scheduled this activity: one open activity per "
        "customer and rule.",
    )
    lam_cadence_feedback = fields.Char(string="Cadence Feedback", readonly=True)
    lam_psi_month = fields.Date(
        string="PSI Month Missing",
        index="btree_not_null",
        readonly=True,
        help="The month whose stock report (PSI) this reminder asks the dealer for: "
        "one open reminder per dealer and month.",
    )
    lam_collection_move_id = fields.Many2one(
        "account.move",
        string="Invoice to Collect",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="The invoice past due this collection activity is for: one open "
        "activity per invoice.",
    )
