# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

BREAKTHROUGHS = [
    ("person", "Person"),
    ("product", "Product"),
    ("event", "Event"),
    ("price", "Price"),
]


class LamExpansionPlan(models.Model):
    """终端拓展计划 (P5): how a manager means to win a target customer."""

    _name = "lam.expansion.plan"
    _description = "Terminal Expansion Plan"
    _inherit = [
        "lam.work.record.mixin",
        "lam.volume.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "stage_sequence, expected_annual_volume desc, id desc"

    partner_id = fields.Many2one(string="Target Customer", tracking=True)
    user_id = fields.Many2one(string="Responsible Manager", tracking=True)
    breakthrough = fields.Selection(
        BREAKTHROUGHS,
        string="Breakthrough Type",
        required=True,
        default="person",
        tracking=True,
    )
    breakthrough_detail = fields.Text()
    scheme = fields.Text(string="Development Scheme")
    expected_annual_volume = fields.Float(
        digits="Lubricant Volume",
        help="In the reference unit.",
        tracking=True,
    )
    stage = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("won", "Won"),
            ("lost", "Lost"),
        ],
        default="planned",
        required=True,
        tracking=True,
        index=True,
    )
    stage_sequence = fields.Integer(compute="_compute_stage_sequence", store=True)
    progress = fields.Text(string="Progress Notes")
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_target = fields.Date(string="Target Date")

    _sql_constraints = [
        (
            "expected_volume_not_negative",
            "CHECK(COALESCE(expected_annual_volume, 0) >= 0)",
            "An expected volume cannot be negative.",
        ),
    ]

    @api.constrains("date_start", "date_target")
    def _check_dates(self):
        for plan in self:
            if plan.date_target and plan.date_target < plan.date_start:
                raise ValidationError(_("The target date comes after the start."))

    @api.depends("stage")
    def _compute_stage_sequence(self):
        order = {"in_progress": 1, "planned": 2, "won": 3, "lost": 4}
        for plan in self:
            plan.stage_sequence = order.get(plan.stage, 9)

    @api.depends("partner_id", "breakthrough")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = _(
                "Expansion of %(customer)s", customer=plan.partner_id._lam_work_name()
            )
