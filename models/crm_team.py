# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class CrmTeam(models.Model):
    """A new leader, or a team archived, changes whom a department manager
    sees (``res.users.lam_team_user_ids``)."""

    _name = "crm.team"
    _inherit = ["crm.team", "lam.team.change.mixin"]
    _lam_team_fields = frozenset(
        {"user_id", "active", "crm_team_member_ids", "member_ids"}
    )

    lam_robot_ids = fields.One2many(
        "lam.robot",
        "team_id",
        string="Group Robots",
        groups="base.group_system",
        help="Where the team's reminders are sent: its WeCom, DingTalk or Feishu "
        "group robots.",
    )
