# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import models


class CrmTeamMember(models.Model):
    """A change of membership changes whom a department manager sees
    (``res.users.lam_team_user_ids``)."""

    _name = "crm.team.member"
    _inherit = ["crm.team.member", "lam.team.change.mixin"]
    _lam_team_fields = frozenset({"user_id", "crm_team_id", "active"})
